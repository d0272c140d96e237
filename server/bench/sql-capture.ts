// Records the SQL a request runs (every statement prepared or run on any
// connection while capturing), so the benchmark can run exactly the same
// statements, with the same bound values, directly in DuckDB: the baseline an
// API answer is compared with.
import { DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';
import type { Database } from '../db.ts';

type Values = DuckDBValue[] | Record<string, DuckDBValue>;

export interface Statement {
  sql: string;
  values?: Values;
}

let sink: Statement[] | null = null;
let installed = false;

/** Wraps DuckDBConnection.run and .prepare (once per process) so that statements can be recorded. */
function install(): void {
  if (installed) return;
  installed = true;
  const proto = DuckDBConnection.prototype;
  const run = proto.run;
  const prepare = proto.prepare;
  proto.run = function (this: DuckDBConnection, sql: string, values?: Values, ...rest: unknown[]) {
    sink?.push({ sql, values });
    return (run as (...a: unknown[]) => ReturnType<typeof run>).call(this, sql, values, ...rest);
  } as typeof run;
  proto.prepare = async function (this: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
    const stmt = await prepare.call(this, sql);
    const target = sink;
    if (target) {
      const entry: Statement = { sql };
      target.push(entry);
      const bind = stmt.bind.bind(stmt);
      stmt.bind = (values: Values, types?: never) => {
        entry.values = values;
        bind(values, types);
      };
    }
    return stmt;
  };
}

/** Runs `fn` and returns the statements it ran (audit-trail writes left out). */
export async function captureSql(fn: () => Promise<unknown>): Promise<Statement[]> {
  install();
  const mine: Statement[] = [];
  sink = mine;
  try {
    await fn();
  } finally {
    sink = null;
  }
  return mine.filter((s) => !/\baudit_log\b|^\s*(INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK)\b/i.test(s.sql));
}

/** Runs the statements in order on one connection, reading every result in full. */
export async function replaySql(db: Database, statements: Statement[]): Promise<void> {
  await db.withConnection(async (c) => {
    for (const s of statements) {
      if (s.values) {
        const stmt = await c.prepare(s.sql);
        stmt.bind(s.values);
        await stmt.runAndReadAll();
      } else {
        await c.runAndReadAll(s.sql);
      }
    }
  });
}
