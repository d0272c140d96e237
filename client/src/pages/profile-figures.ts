// Building blocks of the victims, offenders and links pages: a breakdown for the
// period beside the previous period (chart + table with count, % of total,
// previous and change), and the completeness table of a page's fields.
import { barChart } from '../charts/bar-chart.ts';
import { orderRows, type BreakdownRow } from '../components/breakdown.ts';
import { completenessNote } from '../components/completeness.ts';
import { dataTable, type Row } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { figure } from '../components/figure.ts';
import type { QueryParams } from '../api.ts';
import { formatPercent } from '../format.ts';
import { codeLabel, NOT_RECORDED } from '../labels.ts';
import type { PageContext } from '../page.ts';

export interface RowsAnswer {
  rows: BreakdownRow[];
}

/** GETs the same path for the period and the previous period (same parameters otherwise). */
export function fetchPair<T>(ctx: PageContext, path: string, extra: QueryParams = {}): Promise<[T, T]> {
  return Promise.all([
    ctx.getJson<T>(path, { ...extra, from: ctx.period.from, to: ctx.period.to }),
    ctx.getJson<T>(path, { ...extra, from: ctx.previous.from, to: ctx.previous.to }),
  ]);
}

export interface CompareFigureOptions {
  caption: string;
  number: number;
  categoryLabel: string;
  countLabel: string;
  /** Band order; by count otherwise (not recorded last). */
  order?: string[];
  /** Denominator of the % column when rows overlap (e.g. cases for vulnerabilities); the rows' total by default. */
  shareOf?: number;
  shareLabel?: string;
  label?: (key: string) => string;
  /** Recording gap of the field when the rows cannot show it (rows counted once per code). */
  gap?: CompletenessField;
}

export function compareFigure(ctx: PageContext, current: BreakdownRow[], previous: BreakdownRow[], opts: CompareFigureOptions): HTMLElement {
  const label = opts.label ?? codeLabel;
  const before = new Map(previous.map((r) => [r.key, r.count]));
  const now = new Set(current.map((r) => r.key));
  // Categories only present in the previous period still show, with 0 now.
  const ordered = orderRows([...current, ...previous.filter((r) => !now.has(r.key)).map((r) => ({ key: r.key, count: 0 }))], opts.order);
  const total = opts.shareOf ?? ordered.reduce((s, r) => s + (r.count ?? 0), 0);
  const tableRows: Row[] = ordered.map((r) => {
    const then = before.has(r.key) ? (before.get(r.key) ?? null) : 0;
    const comparable = r.count !== null && then !== null;
    return {
      key: r.key,
      count: r.count,
      suppressed: r.suppressed === true || r.count === null,
      share: r.count === null || total === 0 ? null : (r.count / total) * 100,
      previous: then,
      change: comparable ? r.count! - then! : null,
      change_pct: comparable && then !== 0 ? ((r.count! - then!) / then!) * 100 : null,
    };
  });
  const chart = barChart(ordered, { ariaLabel: `Bar chart: ${opts.caption}`, xLabel: opts.countLabel, yLabel: opts.categoryLabel, label });
  const table = dataTable(tableRows, [
    { key: 'key', label: opts.categoryLabel, format: (k) => label(k), code: true },
    { key: 'count', label: `${opts.countLabel}, ${ctx.periodLabel}`, kind: 'count' },
    { key: 'share', label: opts.shareLabel ?? '% of total', kind: 'percent' },
    { key: 'previous', label: ctx.previousLabel, kind: 'count' },
    { key: 'change', label: 'Change', kind: 'change' },
    { key: 'change_pct', label: '% change', kind: 'pct_change' },
  ], { caption: `${opts.caption}, with ${ctx.previousLabel}` });
  const gapRows = opts.gap && opts.gap.total !== null && opts.gap.not_recorded !== null
    ? [{ key: NOT_RECORDED, count: opts.gap.not_recorded }, { key: 'recorded', count: opts.gap.total - opts.gap.not_recorded }]
    : current;
  return figure(chart, table, { caption: opts.caption, number: opts.number, notes: [completenessNote(gapRows)] });
}

export interface CompletenessField {
  field: string;
  denominator: string;
  total: number | null;
  not_recorded: number | null;
  pct_not_recorded: number | null;
}

const DENOMINATORS: Record<string, string> = {
  cases_referred: 'Cases referred',
  offenders_identified: 'Offenders identified',
  links_in_period: 'Offender–child links',
};

/** How complete each field is, with a warning for every field mostly not recorded. */
export function completenessSection(fields: CompletenessField[], caption: string, fieldLabel: (f: string) => string): Node[] {
  const mostlyMissing = fields.filter((f) => f.pct_not_recorded !== null && f.pct_not_recorded > 50);
  const table = dataTable(fields.map((f) => ({ ...f, denominator: DENOMINATORS[f.denominator] ?? f.denominator })), [
    { key: 'field', label: 'Field', format: fieldLabel, code: true },
    { key: 'denominator', label: 'Counted over' },
    { key: 'total', label: 'Records', kind: 'count' },
    { key: 'not_recorded', label: 'Not recorded', kind: 'count' },
    { key: 'pct_not_recorded', label: '% not recorded', kind: 'percent' },
  ], { caption });
  const warnings = mostlyMissing.map((f) => h('li', {},
    `${fieldLabel(f.field)}: ${formatPercent(f.pct_not_recorded)} not recorded — the breakdown rests mostly on unknowns.`));
  return [
    warnings.length
      ? h('div', { class: 'warning', role: 'note' }, h('strong', {}, 'Recording gaps: '), h('ul', {}, ...warnings))
      : h('p', { class: 'note' }, 'No field shown here is mostly not recorded.'),
    table,
  ];
}
