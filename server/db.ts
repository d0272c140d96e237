// The one DuckDB instance of this process, and the way every query is run:
// named SQL from sql/, parameters always bound by name, a connection per
// concurrent query, and a deadline per request: a read that would keep the
// database busy longer is interrupted and answered 503.
import { DuckDBInstance, DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RequestHandler } from 'express';
import { sql as namedSql } from './sql.ts';
import { migrate } from './migrations.ts';
import { HttpError } from './errors.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Time a GET request's queries may take, all together, before they are interrupted. */
export const DEFAULT_DEADLINE_MS = 10_000;

interface Deadline {
  at: number;
  ms: number;
}

// The deadline of the request being served, seen by every query it starts
// (also those started by promises the request created).
const deadlines = new AsyncLocalStorage<Deadline>();

export const deadlineExceeded = (ms: number) =>
  new HttpError(503, `The request took longer than ${ms / 1000} s and was stopped. Ask for a shorter period, a coarser grid or fewer breakdowns, or try again when the server is less busy.`);

/** Runs fn with a deadline `ms` from now for every query it starts. */
export function withDeadline<T>(ms: number, fn: () => T): T {
  return deadlines.run({ at: Date.now() + ms, ms }, fn);
}

export class Database {
  private idle: DuckDBConnection[] = [];
  private versionCache: number | null = null;
  /** The deadline of a GET request (requestDeadline); tests shorten it. */
  deadlineMs = DEFAULT_DEADLINE_MS;

  private constructor(
    readonly instance: DuckDBInstance,
    readonly path: string,
  ) {}

  /** Opens (creating if needed) the database file, or ':memory:'. Applies pending schema migrations (server/migrations.ts). */
  static async open(path: string): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const db = new Database(instance, path);
    await db.withConnection((c) => migrate(c));
    await db.exec(namedSql('reference_data').sql);
    return db;
  }

  /**
   * Borrows a connection for the duration of fn (one per concurrent query).
   * Under a deadline (withDeadline), fn's queries are interrupted when it
   * passes, and again every 100 ms until fn gives up (an interrupt that falls
   * between two queries would be lost), and fn's outcome is a 503.
   */
  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const deadline = deadlines.getStore();
    if (deadline && Date.now() >= deadline.at) throw deadlineExceeded(deadline.ms);
    const conn = this.idle.pop() ?? (await this.instance.connect());
    let interrupted = false;
    let timer: NodeJS.Timeout | undefined;
    if (deadline) {
      timer = setTimeout(() => {
        interrupted = true;
        conn.interrupt();
        timer = setInterval(() => conn.interrupt(), 100);
      }, deadline.at - Date.now());
    }
    try {
      const out = await fn(conn);
      if (interrupted) throw deadlineExceeded(deadline!.ms);
      return out;
    } catch (e) {
      throw interrupted ? deadlineExceeded(deadline!.ms) : e;
    } finally {
      clearTimeout(timer);
      clearInterval(timer);
      // An interrupted connection is not lent again: its state after the interrupt is not ours to trust.
      if (!interrupted && this.idle.length < 8) this.idle.push(conn);
      else conn.closeSync();
    }
  }

  /**
   * Runs fn inside one transaction on one connection; rolls back on any error.
   * Never under a request's deadline: a write (an audit batch a GET request
   * queued, an import) is not interrupted halfway.
   */
  async transaction<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return deadlines.exit(() => this.withConnection(async (c) => {
      await c.run('BEGIN TRANSACTION');
      try {
        const out = await fn(c);
        await c.run('COMMIT');
        this.forgetDataVersion();
        return out;
      } catch (e) {
        await c.run('ROLLBACK');
        throw e;
      }
    }));
  }

  /** Runs SQL text with no result (schema, DDL). Never pass user input here. */
  async exec(text: string): Promise<void> {
    await this.withConnection((c) => c.run(text).then(() => undefined));
  }

  /** Runs SQL with named parameters bound, returning plain JS rows. */
  async all(text: string, params: Params = {}): Promise<Row[]> {
    return this.withConnection((c) => runAll(c, text, params));
  }

  /** Runs a named query from sql/ ("file" or "file#name"). */
  async named(id: string, params: Params = {}): Promise<Row[]> {
    return this.all(namedSql(id).sql, params);
  }

  /** A counter bumped by every import: caches key on it. */
  async dataVersion(): Promise<number> {
    if (this.versionCache === null) {
      const rows = await this.all("SELECT value FROM meta WHERE key = 'data_version'");
      this.versionCache = rows.length ? Number(rows[0].value) : 0;
    }
    return this.versionCache;
  }

  /** Called inside an import transaction; the new version is visible after commit. */
  async bumpDataVersion(c: DuckDBConnection): Promise<void> {
    const next = (await this.dataVersion()) + 1;
    await c.run("DELETE FROM meta WHERE key = 'data_version'");
    await c.run("INSERT INTO meta VALUES ('data_version', $v)", { v: String(next) });
    this.versionCache = null;
  }

  /**
   * Called after a commit that bumped the version: a version read by another
   * connection before the commit must not outlive it (caches key on it).
   */
  forgetDataVersion(): void {
    this.versionCache = null;
  }

  close(): void {
    for (const c of this.idle) c.closeSync();
    this.idle = [];
    this.instance.closeSync();
  }
}

/** Express middleware: every GET request's queries share one deadline of `db.deadlineMs`. Writes (imports) have none. */
export function requestDeadline(db: Database): RequestHandler {
  return (req, _res, next) => (req.method === 'GET' || req.method === 'HEAD' ? withDeadline(db.deadlineMs, next) : next());
}

/**
 * Prepares `text`, binds only the named parameters the statement uses (from
 * `params`; a used parameter missing from `params` is bound as NULL) and
 * returns rows as plain JS values (DATE → 'YYYY-MM-DD', TIMESTAMP → 'YYYY-MM-DD HH:MM:SS',
 * BIGINT/HUGEINT → number, DECIMAL → number, lists → arrays).
 */
export async function runAll(c: DuckDBConnection, text: string, params: Params = {}): Promise<Row[]> {
  const stmt = await c.prepare(text);
  const n = stmt.parameterCount;
  if (n > 0) {
    const values: Record<string, DuckDBValue> = {};
    for (let i = 1; i <= n; i++) {
      const name = stmt.parameterName(i);
      values[name] = toDuck(params[name]);
    }
    stmt.bind(values);
  }
  const reader = await stmt.runAndReadAll();
  const names = reader.columnNames();
  const numeric = reader.columnTypes().map((t) => /^(U?BIGINT|HUGEINT|UHUGEINT|DECIMAL)/.test(t.toString()));
  return reader.getRowObjectsJson().map((r) => {
    const out: Row = {};
    names.forEach((name, i) => (out[name] = numeric[i] ? toNumber(r[name]) : r[name]));
    return out;
  });
}

function toDuck(v: unknown): DuckDBValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (v instanceof Date) return v.toISOString();
  throw new Error(`Cannot bind parameter value of type ${typeof v}`);
}

// getRowObjectsJson renders BIGINT/HUGEINT/DECIMAL as strings (and lists of them as
// string arrays) to avoid precision loss; the figures here are far below 2^53.
function toNumber(v: unknown): unknown {
  if (typeof v === 'string') return Number(v);
  if (Array.isArray(v)) return v.map(toNumber);
  return v;
}
