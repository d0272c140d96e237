// The performance budgets at national scale (issue 14), checked against a
// report. Every API figure is the uncached path (no kept answer could serve the
// request); a DuckDB replay that failed is a missed budget, not a missing one.
import type { BenchReport } from './report.ts';

export interface BudgetCheck {
  budget: string;
  value: string;
  met: boolean;
}

export const BUDGETS = {
  /** Every dashboard call, uncached p95. */
  apiP95Ms: 250,
  /** GET /api/measures, uncached p95. */
  measuresP95Ms: 150,
  /** GET /api/report, uncached p95. */
  reportP95Ms: 1000,
  /** Every page's first load after an import (or a restart). */
  pageColdMs: 1500,
  /** Every page's later loads (median). */
  pageWarmMs: 500,
  /** Import rate as a share of DuckDB's own read_csv of the same files. */
  importShareOfReadCsv: 0.6,
  /** Peak resident memory of the whole run (import, server, benchmark). */
  rssMb: 1536,
  /** Gi* with FDR classes on a 200 × 200 grid (server/hotspots/gistar.ts), median. */
  gistarMs: 200,
};
export type Budgets = typeof BUDGETS;

/** The p95 budget of a call: its own for the measures and the report, else every dashboard call's. */
export function apiBudgetMs(path: string, b: Budgets = BUDGETS): number {
  const pathname = new URL(path, 'http://x').pathname;
  if (pathname === '/api/measures') return b.measuresP95Ms;
  if (pathname === '/api/report') return b.reportP95Ms;
  return b.apiP95Ms;
}

export function checkBudgets(r: BenchReport, b: Budgets = BUDGETS): BudgetCheck[] {
  const out: BudgetCheck[] = [];
  for (const e of r.endpoints.filter((x) => x.dashboard)) {
    const limit = apiBudgetMs(e.path, b);
    out.push({ budget: `${e.name}: uncached p95 ≤ ${limit} ms`, value: `${e.p95_ms} ms`, met: e.p95_ms <= limit });
  }
  for (const e of r.endpoints.filter((x) => x.sql_statements > 0)) {
    out.push({
      budget: `${e.name}: its SQL replays in DuckDB`,
      value: e.replay_error ?? `${e.duckdb_p50_ms} ms`,
      met: e.replay_error === null && e.duckdb_p50_ms !== null,
    });
  }
  const share = r.import.rows_per_s / r.import.duckdb_read_csv_rows_per_s;
  out.push({ budget: `import ≥ ${b.importShareOfReadCsv * 100} % of read_csv`, value: `${(share * 100).toFixed(1)} %`, met: share >= b.importShareOfReadCsv });
  for (const [path, v] of Object.entries(r.page_load_cold_ms)) {
    out.push({ budget: `page ${path} first load after import ≤ ${b.pageColdMs} ms`, value: `${v} ms`, met: v <= b.pageColdMs });
  }
  for (const [path, v] of Object.entries(r.page_load_ms)) {
    out.push({ budget: `page ${path} warm load ≤ ${b.pageWarmMs} ms`, value: `${v} ms`, met: v <= b.pageWarmMs });
  }
  out.push({ budget: `Gi* 200 × 200 ≤ ${b.gistarMs} ms`, value: `${r.gistar_ms} ms`, met: r.gistar_ms <= b.gistarMs });
  out.push({ budget: `peak memory ≤ ${b.rssMb} MB`, value: `${r.rss_mb} MB`, met: r.rss_mb <= b.rssMb });
  return out;
}

/** Budgets with overrides from `--budget name=value` (e.g. apiP95Ms=0: an impossible budget, to see the command fail). */
export function budgetsWith(overrides: string[]): Budgets {
  const b = { ...BUDGETS };
  for (const o of overrides) {
    const [name, value] = o.split('=');
    if (!(name in b) || value === undefined || !Number.isFinite(Number(value))) {
      throw new Error(`--budget ${o}: expected one of ${Object.keys(BUDGETS).join(', ')} = a number`);
    }
    b[name as keyof Budgets] = Number(value);
  }
  return b;
}
