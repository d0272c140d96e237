// The benchmark's JSON report and its printed table.
import type { BudgetCheck } from './budgets.ts';

export interface EndpointResult {
  name: string;
  path: string;
  /** The headline figures: the uncached path (as uncached_p50_ms / uncached_p95_ms). */
  p50_ms: number;
  p95_ms: number;
  /** Each run emptied every kept answer and asked for a period not asked for before. */
  uncached_p50_ms: number;
  uncached_p95_ms: number;
  /** The same request repeated, its answer kept. */
  cached_p50_ms: number;
  cached_p95_ms: number;
  /** The SQL the API ran for each uncached run, replayed directly on a DuckDB connection (p50); null when it could not be. */
  duckdb_p50_ms: number | null;
  /** Why the replay failed (a missed budget); null when it ran, or when the call ran no SQL to replay. */
  replay_error: string | null;
  /** Statements the API ran for one uncached run (the most of any run); 0: nothing to replay. */
  sql_statements: number;
  /** The first uncached run. */
  cold_ms: number;
  runs: number;
  pages: string[];
  /** Behind a dashboard page (not only the admin pages): the API budgets apply. */
  dashboard: boolean;
}

export interface BenchReport {
  scale: { name: string; cases: number; missing_episodes: number; offenders: number; locations: number };
  import: { rows: number; seconds: number; rows_per_s: number; duckdb_read_csv_rows_per_s: number };
  /** The default views computed after the import (server/warm.ts): requests, time, and page calls they did not cover. */
  warm: { requests: number; ms: number; failed: string[]; not_covered: string[] };
  endpoints: EndpointResult[];
  /** Median of the later loads of each page, navigation to fully rendered. */
  page_load_ms: Record<string, number>;
  /** Each page's first load after the import (and its default views computed). */
  page_load_cold_ms: Record<string, number>;
  gistar_ms: number;
  rss_mb: number;
  machine: { cpus: number; node: string; at: string; load_average: number[] };
  budgets?: BudgetCheck[];
}

const pad = (s: string | number, n: number, left = false) => (left ? String(s).padEnd(n) : String(s).padStart(n));

export function printReport(r: BenchReport, log: (s: string) => void): void {
  log('');
  log(`scale ${r.scale.name}: ${r.scale.cases} cases, ${r.scale.missing_episodes} missing episodes, ${r.scale.offenders} offenders, ${r.scale.locations} locations`);
  log(`machine: ${r.machine.cpus} CPUs, Node ${r.machine.node}, ${r.machine.at}, load average ${r.machine.load_average.join(' ')}`);
  log(`import: ${r.import.rows} rows in ${r.import.seconds} s = ${r.import.rows_per_s} rows/s (DuckDB read_csv ${r.import.duckdb_read_csv_rows_per_s} rows/s)`);
  log(`default views after the import: ${r.warm.requests} requests in ${Math.round(r.warm.ms)} ms${r.warm.failed.length ? `, ${r.warm.failed.length} failed` : ''}${r.warm.not_covered.length ? `; page calls not covered: ${r.warm.not_covered.join(' ')}` : ''}`);
  log('');
  log(`${pad('endpoint (uncached: periods not asked before, kept answers emptied)', 70, true)} ${pad('p50', 8)} ${pad('p95', 8)} ${pad('duckdb', 8)} ${pad('cached50', 8)}`);
  for (const e of r.endpoints) {
    log(`${pad((e.dashboard ? '' : '(admin) ') + e.name.slice(0, 62), 70, true)} ${pad(e.p50_ms, 8)} ${pad(e.p95_ms, 8)} ${pad(e.duckdb_p50_ms ?? '–', 8)} ${pad(e.cached_p50_ms, 8)}`);
  }
  log('');
  log(`${pad('page', 20, true)} ${pad('first ms', 8)} ${pad('warm ms', 8)}`);
  for (const [p, v] of Object.entries(r.page_load_ms)) log(`${pad(p, 20, true)} ${pad(r.page_load_cold_ms[p], 8)} ${pad(v, 8)}`);
  log('');
  log(`Gi* 200 × 200: ${r.gistar_ms} ms`);
  log(`peak RSS: ${r.rss_mb} MB`);
  if (r.budgets) {
    const missed = r.budgets.filter((b) => !b.met);
    log(`budgets: ${r.budgets.length - missed.length} of ${r.budgets.length} met`);
    for (const b of missed) log(`  MISSED ${b.budget}: ${b.value}`);
  }
}
