// The one DuckDB instance of this process, and the way every query is run:
// named SQL from sql/, parameters always bound by name, a connection per
// concurrent query.
import { DuckDBInstance, DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql as namedSql } from './sql.ts';
import { migrate } from './migrations.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export class Database {
  private idle: DuckDBConnection[] = [];
  private versionCache: number | null = null;

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

  /** Borrows a connection for the duration of fn (one per concurrent query). */
  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = this.idle.pop() ?? (await this.instance.connect());
    try {
      return await fn(conn);
    } finally {
      if (this.idle.length < 8) this.idle.push(conn);
      else conn.closeSync();
    }
  }

  /** Runs fn inside one transaction on one connection; rolls back on any error. */
  async transaction<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.withConnection(async (c) => {
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
    });
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
