// A breakdown (/api/breakdowns/<subject>/<dimension>) as a figure: bar chart,
// completeness note, and its table. Shared by the overview and profile pages.
import { barChart } from '../charts/bar-chart.ts';
import { codeLabel, NOT_RECORDED } from '../labels.ts';
import type { PageContext } from '../page.ts';
import { completenessNote } from './completeness.ts';
import { dataTable, type Row } from './data-table.ts';
import { figure } from './figure.ts';

export interface BreakdownRow {
  key: string;
  count: number | null;
  suppressed?: boolean;
}

export interface Breakdown {
  subject: string;
  dimension: string;
  /** Sum of every row (withheld ones included): the share's denominator; null when withheld. */
  total?: number | null;
  rows: BreakdownRow[];
}

/** Canonical order of banded dimensions (measures.md); other dimensions sort by count. */
export const BAND_ORDER: Record<string, string[]> = {
  'victims/age_band': ['0-11', '12-13', '14-15', '16-17', '18+'],
  'missing/age_band': ['0-11', '12-13', '14-15', '16-17', '18+'],
  'missing/duration_band': ['under_6h', '6-24h', '24-72h', 'over_72h', 'ongoing'],
  'offenders/age_band': ['under_18', '18-24', '25-34', '35-44', '45+'],
};

/** Rows in band order (or by count, largest first), not recorded last. */
export function orderRows(rows: BreakdownRow[], order?: string[]): BreakdownRow[] {
  const rank = (r: BreakdownRow) => (r.key === NOT_RECORDED ? 1 : 0);
  return [...rows].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (order) return (order.indexOf(a.key) + 1 || 999) - (order.indexOf(b.key) + 1 || 999);
    return (b.count ?? 0) - (a.count ?? 0) || (a.key < b.key ? -1 : 1);
  });
}

export function getBreakdown(ctx: PageContext, subject: string, dimension: string): Promise<Breakdown> {
  return ctx.getJson<Breakdown>(`/api/breakdowns/${encodeURIComponent(subject)}/${encodeURIComponent(dimension)}`, {
    from: ctx.period.from,
    to: ctx.period.to,
  });
}

export interface BreakdownFigureOptions {
  caption: string;
  number?: number;
  /** Category column / axis, e.g. 'Age band'. */
  categoryLabel: string;
  /** Count column / axis, e.g. 'Number of cases'. */
  countLabel: string;
  label?: (key: string) => string;
  /** Chart width in pixels (see chartWidth). */
  width?: number;
}

export function breakdownFigure(b: Breakdown, opts: BreakdownFigureOptions): HTMLElement {
  const rows = orderRows(b.rows, BAND_ORDER[`${b.subject}/${b.dimension}`]);
  const label = opts.label ?? codeLabel;
  // A share is over every row, withheld ones included (the answer's total), so a viewer's share is the analyst's.
  const anySuppressed = rows.some((r) => r.count === null || r.suppressed);
  const total = b.total !== undefined ? b.total : anySuppressed ? null : rows.reduce((s, r) => s + (r.count ?? 0), 0);
  const tableRows: Row[] = rows.map((r) => ({
    key: r.key,
    count: r.count,
    suppressed: r.suppressed === true || r.count === null,
    share: total === null || total === 0 || r.count === null ? null : (r.count / total) * 100,
  }));
  const chart = barChart(rows, { ariaLabel: `Bar chart: ${opts.caption}`, xLabel: opts.countLabel, yLabel: opts.categoryLabel, label, width: opts.width });
  const table = dataTable(tableRows, [
    { key: 'key', label: opts.categoryLabel, format: (k) => label(k), code: true },
    { key: 'count', label: opts.countLabel, kind: 'count' },
    { key: 'share', label: '% of total', kind: 'percent' },
  ], { caption: opts.caption });
  return figure(chart, table, { caption: opts.caption, number: opts.number, notes: [completenessNote(rows)] });
}
