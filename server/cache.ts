// Answers of data routes kept in memory, keyed by the data version
// (db.dataVersion(), bumped by every import): a route declared with
// `cache: 'data'` (its answer depends only on the data held, the request's path
// and query, and the threshold it is released with) is computed once per data
// version and then served from here. What is kept is the answer as sent (JSON
// text, already released for viewer and partner), so a large answer is
// serialised once. Access control and audit still run on every request: they
// are in front of the cache in server/routes/registry.ts.
import type { Database } from './db.ts';

/** Bytes of answers kept per database unless PROFILER_CACHE_MB says otherwise. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

export interface CacheLimits {
  /** Most entries kept. */
  entries?: number;
  /** Most bytes kept (the sizes given to set); an entry larger than this is not kept. */
  bytes?: number;
}

/** A least-recently-used map bounded in entries and bytes, emptied when the data version changes. */
export class ResponseCache {
  private entries = new Map<string, { value: unknown; bytes: number }>();
  private version: number | null = null;
  private held = 0;
  hits = 0;
  misses = 0;

  constructor(readonly limits: CacheLimits = {}) {}

  get(version: number, key: string): unknown {
    const e = version === this.version ? this.entries.get(key) : undefined;
    if (e === undefined) {
      this.misses++;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e.value;
  }

  /** Keeps a value of about `bytes` bytes (0 when its size does not matter). */
  set(version: number, key: string, value: unknown, bytes = 0): void {
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    this.delete(key);
    const maxBytes = this.limits.bytes ?? Infinity;
    if (bytes > maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    const maxEntries = this.limits.entries ?? Infinity;
    while (this.entries.size > maxEntries || this.held > maxBytes) this.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.held -= e.bytes;
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held (the sizes given to set). */
  get bytes(): number {
    return this.held;
  }
}

const caches = new WeakMap<Database, Map<string, ResponseCache>>();

/**
 * A named cache of a database (one per process, database and name), emptied by
 * a new data version: 'answers' holds the routes' answers; a module may keep
 * its own work (e.g. the network of a period) under another name.
 */
export function keptFor(db: Database, name: string, maxEntries?: number, maxBytes?: number): ResponseCache {
  let named = caches.get(db);
  if (!named) caches.set(db, (named = new Map()));
  let c = named.get(name);
  if (!c) named.set(name, (c = new ResponseCache({ entries: maxEntries, bytes: maxBytes })));
  return c;
}

function configuredBytes(): number {
  const mb = Number(process.env.PROFILER_CACHE_MB);
  return Number.isFinite(mb) && mb >= 0 ? mb * 1024 * 1024 : DEFAULT_CACHE_BYTES;
}

/** The answer cache of a database, bounded in bytes (JSON text length). */
export const responseCacheFor = (db: Database): ResponseCache => keptFor(db, 'answers', undefined, configuredBytes());

/** Empties every cache of a database (the benchmark's cold runs). */
export function forgetKept(db: Database): void {
  for (const c of caches.get(db)?.values() ?? []) c.clear();
}

/** Path and query, parameters in a fixed order, and the threshold the answer is released with ('-' for none). */
export function cacheKey(path: string, q: Record<string, unknown>, threshold: number | null): string {
  const query = Object.keys(q)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(q[k]))}`)
    .join('&');
  return `${path}?${query}#${threshold ?? '-'}`;
}
