// The performance budgets at national scale (issue 9), checked against a report.
import type { BenchReport } from './report.ts';

export interface BudgetCheck {
  budget: string;
  value: string;
  met: boolean;
}

export const BUDGETS = {
  apiP95Ms: 100,
  apiP50OverDuckdb: 1.3,
  importShareOfReadCsv: 0.5,
  pageLoadMs: 1500,
  rssMb: 1536,
};

export function checkBudgets(r: BenchReport): BudgetCheck[] {
  const out: BudgetCheck[] = [];
  for (const e of r.endpoints.filter((x) => x.dashboard)) {
    out.push({ budget: `${e.name}: p95 ≤ ${BUDGETS.apiP95Ms} ms`, value: `${e.p95_ms} ms`, met: e.p95_ms <= BUDGETS.apiP95Ms });
    if (e.duckdb_p50_ms !== null) {
      out.push({
        budget: `${e.name}: p50 ≤ ${BUDGETS.apiP50OverDuckdb} × DuckDB`,
        value: `${e.p50_ms} vs ${e.duckdb_p50_ms} ms`,
        met: e.p50_ms <= BUDGETS.apiP50OverDuckdb * e.duckdb_p50_ms,
      });
    }
  }
  const share = r.import.rows_per_s / r.import.duckdb_read_csv_rows_per_s;
  out.push({ budget: `import ≥ ${BUDGETS.importShareOfReadCsv * 100} % of read_csv`, value: `${(share * 100).toFixed(1)} %`, met: share >= BUDGETS.importShareOfReadCsv });
  for (const [path, v] of Object.entries(r.page_load_ms)) {
    out.push({ budget: `page ${path} ≤ ${BUDGETS.pageLoadMs} ms`, value: `${v} ms`, met: v <= BUDGETS.pageLoadMs });
  }
  out.push({ budget: `peak memory ≤ ${BUDGETS.rssMb} MB`, value: `${r.rss_mb} MB`, met: r.rss_mb <= BUDGETS.rssMb });
  return out;
}
