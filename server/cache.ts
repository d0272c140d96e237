// Answers of data routes kept in memory, keyed by the data version
// (db.dataVersion(), bumped by every import): a route declared with
// `cache: 'data'` (its JSON answer depends only on the data held and the
// request's path and query) is computed once per data version and then served
// from here. Access control, audit and suppression still run on every request:
// they sit in front of the handler, and what is kept is the handler's own answer.
import type { Request, Response } from 'express';
import type { Database } from './db.ts';
import { rowsIn } from './audit/capture.ts';

/** A least-recently-used map, emptied when the data version changes. */
export class ResponseCache {
  private entries = new Map<string, unknown>();
  private version: number | null = null;
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries = 500) {}

  get(version: number, key: string): unknown {
    const body = version === this.version ? this.entries.get(key) : undefined;
    if (body === undefined) {
      this.misses++;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, body);
    this.hits++;
    return body;
  }

  set(version: number, key: string, body: unknown): void {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    this.entries.delete(key);
    this.entries.set(key, body);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<Database, Map<string, ResponseCache>>();

/**
 * A named cache of a database (one per process, database and name), emptied by
 * a new data version: 'answers' holds the routes' answers; a module may keep
 * its own work (e.g. the network of a period) under another name.
 */
export function keptFor(db: Database, name: string, maxEntries?: number): ResponseCache {
  let named = caches.get(db);
  if (!named) caches.set(db, (named = new Map()));
  let c = named.get(name);
  if (!c) named.set(name, (c = new ResponseCache(maxEntries)));
  return c;
}

/** The answer cache of a database. */
export const responseCacheFor = (db: Database): ResponseCache => keptFor(db, 'answers');

/** Empties every cache of a database (the benchmark's cold runs). */
export function forgetKept(db: Database): void {
  for (const c of caches.get(db)?.values() ?? []) c.clear();
}

/** Path and query, parameters in a fixed order, and the suppression threshold the answer is built for. */
export function cacheKey(req: Request, res: Response): string {
  const q = req.query as Record<string, unknown>;
  const query = Object.keys(q)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(q[k]))}`)
    .join('&');
  const threshold = res.locals.suppressionThreshold;
  return `${req.path}?${query}#${typeof threshold === 'number' ? threshold : '-'}`;
}

/** What is kept of an answer: the handler's JSON body, and once sent unsuppressed, its text and row count. */
interface Kept {
  body: unknown;
  sent?: { text: string; rows: number };
}

/** The JSON text of an answer, sent as is (an unsuppressed answer: nothing in front of res.json changes it). */
function sendKept(res: Response, kept: Kept): void {
  kept.sent ??= { text: JSON.stringify(kept.body), rows: rowsIn(kept.body) };
  res.locals.rowsReturned = kept.sent.rows;
  res.type('application/json');
  res.send(kept.sent.text);
}

/**
 * Wraps a route handler: serves a kept answer, or runs the handler and keeps its
 * 200 JSON answer. An answer to be suppressed (viewer, partner) goes through
 * res.json, where suppression sits; any other is kept and sent as JSON text, so
 * a large answer is serialised once per data version, not once per request.
 */
export function cachedHandler(
  db: Database,
  handler: (req: Request, res: Response) => Promise<void> | void,
): (req: Request, res: Response) => Promise<void> {
  const cache = responseCacheFor(db);
  return async (req, res) => {
    const version = await db.dataVersion();
    const key = cacheKey(req, res);
    const suppressed = typeof res.locals.suppressionThreshold === 'number';
    const json = res.json.bind(res);
    const send = (kept: Kept) => (suppressed ? void json(kept.body) : sendKept(res, kept));
    const found = cache.get(version, key) as Kept | undefined;
    if (found !== undefined) {
      send(found);
      return;
    }
    res.json = (body: unknown) => {
      if (res.statusCode !== 200) return json(body);
      const kept: Kept = { body };
      cache.set(version, key, kept);
      send(kept);
      return res;
    };
    await handler(req, res);
  };
}
