// Numbered schema migrations (sql/migrations/NNN_name.sql), applied in order
// when a database opens, all pending ones in one transaction, so that a new
// version opens a file written by an older one without a re-import and keeps
// its accounts, audit trail and figures. `schema_migrations` records what has
// been applied; 001_baseline is the schema as it stood before migrations were
// numbered (every statement IF NOT EXISTS, so it is a no-op on such a file).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SQL_DIR } from './sql.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = join(SQL_DIR, 'migrations');

/** Every migration file, in order of its number. */
export function migrations(): Migration[] {
  const out = readdirSync(MIGRATIONS_DIR)
    .map((f) => /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2], sql: readFileSync(join(MIGRATIONS_DIR, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  out.forEach((m, i) => {
    if (i > 0 && out[i - 1].version === m.version) throw new Error(`Two migrations numbered ${m.version}`);
  });
  return out;
}

/** The highest migration number known to this version of the code. */
export const latestSchemaVersion = (): number => migrations().at(-1)?.version ?? 0;

/** Applies the pending migrations in one transaction; returns the numbers applied. */
export async function migrate(c: DuckDBConnection): Promise<number[]> {
  await c.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`);
  const reader = await c.runAndReadAll('SELECT version FROM schema_migrations');
  const applied = new Set(reader.getRows().map((r) => Number(r[0])));
  const known = migrations();
  const newest = Math.max(0, ...applied);
  if (newest > (known.at(-1)?.version ?? 0)) {
    throw new Error(`This database was written by a newer version of Problem Profiler (schema ${newest}); this version knows schema ${known.at(-1)?.version ?? 0}.`);
  }
  const pending = known.filter((m) => !applied.has(m.version));
  if (!pending.length) return [];
  await c.run('BEGIN TRANSACTION');
  try {
    for (const m of pending) {
      await c.run(m.sql);
      await c.run('INSERT INTO schema_migrations VALUES ($v, $n, current_localtimestamp())', { v: m.version, n: m.name });
    }
    await c.run('COMMIT');
  } catch (e) {
    await c.run('ROLLBACK');
    throw new Error(`Schema migration failed, nothing was changed: ${(e as Error).message}`);
  }
  return pending.map((m) => m.version);
}
