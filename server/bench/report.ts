// The benchmark's JSON report and its printed table.
import type { BudgetCheck } from './budgets.ts';

export interface EndpointResult {
  name: string;
  path: string;
  p50_ms: number;
  p95_ms: number;
  /** The same statements run directly on a DuckDB connection (p50); null when they could not be replayed. */
  duckdb_p50_ms: number | null;
  /** First request, before the answer was kept (includes the SQL). */
  cold_ms: number;
  runs: number;
  pages: string[];
  /** Behind a dashboard page (not only the admin pages): the API budgets apply. */
  dashboard: boolean;
}

export interface BenchReport {
  scale: { name: string; cases: number; missing_episodes: number; offenders: number; locations: number };
  import: { rows: number; seconds: number; rows_per_s: number; duckdb_read_csv_rows_per_s: number };
  endpoints: EndpointResult[];
  /** Median of the warm loads of each page, navigation to fully rendered. */
  page_load_ms: Record<string, number>;
  page_load_cold_ms: Record<string, number>;
  rss_mb: number;
  machine: { cpus: number; node: string; at: string };
  budgets?: BudgetCheck[];
}

const pad = (s: string | number, n: number, left = false) => (left ? String(s).padEnd(n) : String(s).padStart(n));

export function printReport(r: BenchReport, log: (s: string) => void): void {
  log('');
  log(`scale ${r.scale.name}: ${r.scale.cases} cases, ${r.scale.missing_episodes} missing episodes, ${r.scale.offenders} offenders, ${r.scale.locations} locations`);
  log(`import: ${r.import.rows} rows in ${r.import.seconds} s = ${r.import.rows_per_s} rows/s (DuckDB read_csv ${r.import.duckdb_read_csv_rows_per_s} rows/s)`);
  log('');
  log(`${pad('endpoint', 70, true)} ${pad('p50', 8)} ${pad('p95', 8)} ${pad('duckdb', 8)} ${pad('cold', 8)}`);
  for (const e of r.endpoints) {
    log(`${pad((e.dashboard ? '' : '(admin) ') + e.name.slice(0, 62), 70, true)} ${pad(e.p50_ms, 8)} ${pad(e.p95_ms, 8)} ${pad(e.duckdb_p50_ms ?? '–', 8)} ${pad(Math.round(e.cold_ms), 8)}`);
  }
  log('');
  log(`${pad('page', 20, true)} ${pad('warm ms', 8)} ${pad('cold ms', 8)}`);
  for (const [p, v] of Object.entries(r.page_load_ms)) log(`${pad(p, 20, true)} ${pad(v, 8)} ${pad(r.page_load_cold_ms[p], 8)}`);
  log('');
  log(`peak RSS: ${r.rss_mb} MB`);
  if (r.budgets) {
    const missed = r.budgets.filter((b) => !b.met);
    log(`budgets: ${r.budgets.length - missed.length} of ${r.budgets.length} met`);
    for (const b of missed) log(`  MISSED ${b.budget}: ${b.value}`);
  }
}
