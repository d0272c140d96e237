// One API call timed the way an analyst exploring meets it: uncached. Each run
// empties every kept answer first (server/cache.ts) and asks for a period
// nobody asked for before (from/to moved back by 35 days more each run, so no
// answer, series or list of any period asked before can serve it); the SQL the
// API ran for that run is then replayed directly in DuckDB, the baseline. The
// cached figure (the same request repeated) is reported beside it.
import type { Database } from '../db.ts';
import { auditLogFor } from '../audit/log.ts';
import { forgetKept } from '../cache.ts';
import type { BenchServer } from './http.ts';
import { captureSql, replaySql } from './sql-capture.ts';
import { median, ms, percentile, timeRuns } from './stats.ts';
import type { EndpointResult } from './report.ts';

/** Days each uncached run moves the period back by, times the run's number. */
export const SHIFT_DAYS = 35;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The path with its `from` and `to` dates moved back by `days` (unchanged when it has none).
 * A copy of the report that leaves the analyst (audience board or partner) is
 * for whole financial years only, so it moves back by a year per SHIFT_DAYS.
 */
export function shifted(path: string, days: number): string {
  const u = new URL(path, 'http://x');
  const wholeYears = ['board', 'partner'].includes(u.searchParams.get('audience') ?? '');
  for (const k of ['from', 'to']) {
    const v = u.searchParams.get(k);
    if (v && DATE.test(v)) u.searchParams.set(k, wholeYears ? `${+v.slice(0, 4) - Math.round(days / SHIFT_DAYS)}${v.slice(4)}` : addDays(v, -days));
  }
  return u.pathname + u.search;
}

/** A readable name for an API call: its path, its other parameters, its period. */
export function endpointName(path: string): string {
  const u = new URL(path, 'http://x');
  const period = u.searchParams.get('from') ? ` ${u.searchParams.get('from')}..${u.searchParams.get('to')}` : '';
  u.searchParams.delete('from');
  u.searchParams.delete('to');
  const rest = u.searchParams.toString();
  return `${u.pathname}${rest ? `?${rest}` : ''}${period}`;
}

export async function timeEndpoint(
  db: Database,
  server: BenchServer,
  path: string,
  pages: string[],
  dashboard: boolean,
  runs: number,
): Promise<EndpointResult> {
  const uncached: number[] = [];
  const duckdb: number[] = [];
  let replayError: string | null = null;
  let statementsRun = 0;
  for (let i = 1; i <= runs; i++) {
    await auditLogFor(db).flush();
    forgetKept(db);
    const asked = shifted(path, SHIFT_DAYS * i);
    let took = 0;
    const statements = await captureSql(async () => {
      const t = performance.now();
      await server.get(asked);
      took = performance.now() - t;
    });
    uncached.push(took);
    statementsRun = Math.max(statementsRun, statements.length);
    // A call that ran no SQL of the data (the audit trail's own reads are not captured) has no baseline to replay.
    if (replayError !== null || statements.length === 0) continue;
    try {
      const t = performance.now();
      await replaySql(db, statements);
      duckdb.push(performance.now() - t);
    } catch (e) {
      replayError = `replay failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
  }
  await server.get(path);
  const cached = await timeRuns(runs, () => server.get(path));
  return {
    name: endpointName(path),
    path,
    p50_ms: ms(percentile(uncached, 50)),
    p95_ms: ms(percentile(uncached, 95)),
    uncached_p50_ms: ms(percentile(uncached, 50)),
    uncached_p95_ms: ms(percentile(uncached, 95)),
    cached_p50_ms: ms(percentile(cached, 50)),
    cached_p95_ms: ms(percentile(cached, 95)),
    duckdb_p50_ms: replayError === null && duckdb.length ? ms(median(duckdb)) : null,
    replay_error: replayError,
    sql_statements: statementsRun,
    cold_ms: ms(uncached[0]),
    runs,
    pages,
    dashboard,
  };
}
