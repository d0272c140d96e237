// What every section of the report uses: numbered sections, tables and
// figures (every chart with its table), measures against the previous period,
// and breakdowns drawn as this period beside the previous one.
import { compareBarChart } from '../charts/compare-bar-chart.ts';
import { changeOf, pctChangeOf, type Unit } from '../components/card.ts';
import { completenessNote } from '../components/completeness.ts';
import { dataTable, type Column, type Row } from '../components/data-table.ts';
import { h, type Child } from '../components/dom.ts';
import { figure } from '../components/figure.ts';
import { codeLabel, NOT_RECORDED } from '../labels.ts';
import { BAND_ORDER, orderRows } from '../components/breakdown.ts';
import type { Boundaries } from '../charts/map-base.ts';
import type { CountRow, Report, ReportBreakdown } from './types.ts';

/** Width of charts: the text column of an A4 portrait page. */
export const CHART_WIDTH = 640;

/**
 * Most categories a chart draws and a table prints (a regional data set has
 * hundreds of wards): the largest, and "not recorded" always; the table's pager
 * says how many there are, and its downloads hold every row.
 */
export const REPORT_ROWS = 50;

/** The rows a chart shows: all, or the REPORT_ROWS largest (rows come largest first) and not recorded. */
function largest<T extends { key: string }>(rows: T[]): T[] {
  if (rows.length <= REPORT_ROWS) return rows;
  return [...rows.filter((r) => r.key !== NOT_RECORDED).slice(0, REPORT_ROWS), ...rows.filter((r) => r.key === NOT_RECORDED)];
}

/** Numbers tables and figures in the order they appear. */
export class Numbering {
  private tables = 0;
  private figures = 0;
  table(caption: string): string {
    this.tables += 1;
    return `Table ${this.tables}: ${caption}`;
  }
  figure(): number {
    this.figures += 1;
    return this.figures;
  }
}

export interface SectionContext {
  report: Report;
  n: Numbering;
  /** Ward boundaries for the maps; null when none are loaded. */
  boundaries: Boundaries | null;
}

export function reportSection(id: string, number: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'report-section', id: `report-${id}`, 'aria-labelledby': `report-${id}-h` },
    h('h2', { id: `report-${id}-h` }, `${number} ${title}`), ...children);
}

export const para = (text: string): HTMLElement => h('p', {}, text);

export function numberedTable(ctx: SectionContext, caption: string, rows: Row[], columns: Column[]): HTMLElement {
  return dataTable(rows, columns, { caption: ctx.n.table(caption), pageSize: REPORT_ROWS });
}

function label(ctx: SectionContext, id: string): string {
  return ctx.report.methodology.measures.find((m) => m.name === id)?.label ?? id;
}

const unitOf = (id: string): Unit => (id.startsWith('pct_') ? 'percent' : 'count');

/** Measures of a section, this period against the previous: one table for counts, one for percentages. */
export function measuresTables(ctx: SectionContext, ids: string[], caption: string): HTMLElement[] {
  const { report } = ctx;
  const cur = report.figures.current;
  const prev = report.figures.previous;
  const rows = (unit: Unit): Row[] => ids.filter((id) => unitOf(id) === unit).map((id) => {
    const a = cur.measures[id] ?? null;
    const b = prev.measures[id] ?? null;
    return {
      measure: label(ctx, id),
      current: a,
      previous: b,
      unit,
      change: changeOf(a, b),
      change_pct: unit === 'count' ? pctChangeOf(a, b) : null,
    };
  });
  const columns = (unit: Unit): Column[] => [
    { key: 'measure', label: 'Measure' },
    { key: 'current', label: report.period.label, kind: unit },
    { key: 'previous', label: report.previous.label, kind: unit },
    { key: 'change', label: 'Change', kind: 'change' },
    ...(unit === 'count' ? [{ key: 'change_pct', label: '% change', kind: 'pct_change' } as Column] : []),
  ];
  const out: HTMLElement[] = [];
  const counts = rows('count');
  const percents = rows('percent');
  if (counts.length) out.push(numberedTable(ctx, `${caption}, ${report.period.label} and ${report.previous.label}`, counts, columns('count')));
  if (percents.length) out.push(numberedTable(ctx, `${caption} (percentages), ${report.period.label} and ${report.previous.label}`, percents, columns('percent')));
  return out;
}

interface Compared {
  key: string;
  current: number | null;
  previous: number | null;
  currentSuppressed: boolean;
  previousSuppressed: boolean;
}

/** Categories of both periods, in band order or by this period's count, not recorded last. */
function compared(b: ReportBreakdown): Compared[] {
  const prev = new Map(b.previous.map((r) => [r.key, r]));
  const cur = new Map(b.current.map((r) => [r.key, r]));
  const order = BAND_ORDER[`${b.subject}/${b.dimension}`] ?? (b.banded ? [...b.current, ...b.previous].map((r) => r.key) : undefined);
  const all = [...b.current, ...b.previous.filter((r) => !cur.has(r.key)).map((r) => ({ ...r, count: 0 }))];
  const keys = orderRows(all, order).map((r) => r.key);
  const value = (r: CountRow | undefined) => (r === undefined ? 0 : r.count);
  const withheld = (r: CountRow | undefined) => r !== undefined && (r.count === null || r.suppressed === true);
  return keys.map((key) => ({
    key,
    current: value(cur.get(key)),
    previous: value(prev.get(key)),
    currentSuppressed: withheld(cur.get(key)),
    previousSuppressed: withheld(prev.get(key)),
  }));
}

export interface CompareOptions {
  caption: string;
  categoryLabel: string;
  countLabel: string;
  label?: (key: string) => string;
}

/** A breakdown this period beside the previous one: paired bars and the table of both. */
export function compareFigure(ctx: SectionContext, b: ReportBreakdown, opts: CompareOptions): HTMLElement {
  const { report } = ctx;
  const all = compared(b);
  const shown = largest(all);
  // The table shows first what the chart draws, then the rest (its downloads hold every row).
  const rows = shown.length === all.length ? all : [...shown, ...all.filter((r) => !shown.includes(r))];
  const lbl = opts.label ?? codeLabel;
  const caption = `${opts.caption}, ${report.period.label} and ${report.previous.label}${shown.length < all.length ? ` (the ${REPORT_ROWS} largest of ${all.length})` : ''}`;
  const number = ctx.n.figure();
  const chart = compareBarChart(shown, {
    ariaLabel: `Bar chart: ${caption}`,
    currentLabel: report.period.label,
    previousLabel: report.previous.label,
    xLabel: opts.countLabel,
    yLabel: opts.categoryLabel,
    label: lbl,
    width: CHART_WIDTH,
  });
  const comparable = (r: Compared) => !r.currentSuppressed && !r.previousSuppressed;
  const tableRows: Row[] = rows.map((r) => ({
    key: r.key,
    current: r.currentSuppressed ? null : r.current,
    previous: r.previousSuppressed ? null : r.previous,
    change: comparable(r) ? changeOf(r.current, r.previous) : null,
    change_pct: comparable(r) ? pctChangeOf(r.current, r.previous) : null,
  }));
  const table = dataTable(tableRows, [
    { key: 'key', label: opts.categoryLabel, format: (k) => lbl(k), code: true },
    { key: 'current', label: report.period.label, kind: 'count' },
    { key: 'previous', label: report.previous.label, kind: 'count' },
    { key: 'change', label: 'Change', kind: 'change' },
    { key: 'change_pct', label: '% change', kind: 'pct_change' },
  ], { caption: ctx.n.table(caption), pageSize: shown.length });
  const notRecorded = b.current.some((r) => r.key === NOT_RECORDED) ? completenessNote(b.current) : null;
  return figure(chart, table, { caption, number, notes: [notRecorded, h('p', { class: 'note source' }, `Source: ${b.source}`)] });
}

/** The breakdown of a section with this subject and dimension. */
export function findBreakdown(list: ReportBreakdown[], subject: string, dimension: string): ReportBreakdown | undefined {
  return list.find((b) => b.subject === subject && b.dimension === dimension);
}
