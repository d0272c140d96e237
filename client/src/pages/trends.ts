// Trends (/trends): for the strategic sub-group, an XmR chart of each measure
// followed over time (Making Data Count), a summary of their latest variation,
// and this financial year against the last. Clicking a chart opens it large
// with its table (?measure=…). Page parameters: interval (month|quarter),
// baseline (limits from the first N points), rebase (limits recomputed from a
// month or quarter), measure (the chart shown large).
import { periodLabel as pointLabel, xmrChart, type XmrPoint } from '../charts/xmr.ts';
import { latestVariation, variationIcon, variationText, xmrLegend } from '../charts/xmr-icons.ts';
import { append, h, replaceChildren } from '../components/dom.ts';
import { figure } from '../components/figure.ts';
import { loadInto } from '../components/status.ts';
import { summaryTable, xmrTable, yearOnYearTable, type TrendSeries } from '../components/trend-tables.ts';
import { fyLabel } from '../format.ts';
import type { PageContext } from '../page.ts';
import { measureNote } from '../held.ts';
import { fyStartYear, todayIso, type Period } from '../period.ts';

interface TrendMeasure {
  id: string;
  label: string;
  unit: 'count' | 'percent';
  direction: TrendSeries['direction'];
  rationale: string;
}
interface TrendList {
  measures: TrendMeasure[];
}

const DIRECTION_TEXT: Record<TrendSeries['direction'], string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  neither: 'Neither higher nor lower is better in itself',
};
interface TrendAnswer extends TrendSeries {
  interval: 'month' | 'quarter';
  points: XmrPoint[];
}
interface MeasuresAnswer {
  measures: Record<string, number | null>;
}

/** Months shown at least: XmR limits need enough points to mean anything. */
const MIN_MONTHS = 36;
const BASELINES = [12, 18, 24];

/** The series covers the chosen period, extended back to 36 months when it is shorter. */
export function seriesWindow(p: Period): Period {
  const y = +p.to.slice(0, 4);
  const m = +p.to.slice(5, 7) - (MIN_MONTHS - 1);
  const start = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  return { from: start < p.from ? start : p.from, to: p.to };
}

/** Labels of the whole months or calendar quarters overlapping a period (as the server's series). */
export function seriesLabels(p: Period, interval: 'month' | 'quarter'): string[] {
  const out: string[] = [];
  let y = +p.from.slice(0, 4);
  let m = +p.from.slice(5, 7);
  if (interval === 'quarter') m = Math.floor((m - 1) / 3) * 3 + 1;
  while (`${y}-${String(m).padStart(2, '0')}-01` <= p.to) {
    out.push(interval === 'month' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${(m - 1) / 3 + 1}`);
    m += interval === 'month' ? 1 : 3;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}

function select(id: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLElement {
  const sel = h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  sel.addEventListener('change', () => onChange(sel.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

function controls(ctx: PageContext, interval: 'month' | 'quarter', labels: string[]): HTMLElement {
  const unit = interval === 'month' ? 'months' : 'quarters';
  return h('form', { class: 'trend-options', 'aria-label': 'Chart options' },
    select('trend-interval', 'Points', [['month', 'Months'], ['quarter', 'Quarters']], interval,
      (v) => ctx.setParams({ interval: v === 'month' ? null : v, baseline: null, rebase: null })),
    select('trend-baseline', 'Limits from', [['', 'All points'], ...BASELINES.map((n): [string, string] => [String(n), `First ${n} ${unit}`])],
      ctx.params.get('baseline') ?? '', (v) => ctx.setParams({ baseline: v || null })),
    select('trend-rebase', 'Recalculate limits from', [['', 'No recalculation'], ...labels.slice(1).map((l): [string, string] => [l, pointLabel(l)])],
      ctx.params.get('rebase') ?? '', (v) => ctx.setParams({ rebase: v || null })));
}

function smallMultiple(ctx: PageContext, s: TrendAnswer, baselineN: number | undefined): HTMLElement {
  const chart = xmrChart(s.points, { ariaLabel: `XmR chart of ${s.label} by ${s.interval}`, unit: s.unit, compact: true, baselineN });
  // Named by its (visually hidden) text and the chart's own label, not aria-label: the tick labels are visible text too (WCAG 2.5.3).
  const open = h('button', { type: 'button', class: 'xmr-open' }, h('span', { class: 'visually-hidden' }, `Open the chart of ${s.label} large, with its table: `), chart);
  open.addEventListener('click', () => {
    ctx.setParams({ measure: s.measure });
    window.scrollTo(0, 0);
  });
  const v = latestVariation(s.points);
  return h('article', { class: 'xmr-card', 'data-measure': s.measure },
    h('div', { class: 'xmr-card-head' },
      h('h3', {}, s.label), variationIcon(v, 36)),
    h('p', { class: 'xmr-card-variation' }, variationText(v)),
    open);
}

function detail(ctx: PageContext, m: TrendMeasure, s: TrendAnswer, baselineN: number | undefined, window: string): HTMLElement {
  const caption = `${s.label} by ${s.interval}, ${window}, with mean and process limits`;
  const chart = xmrChart(s.points, { ariaLabel: `XmR chart of ${caption}`, unit: s.unit, baselineN });
  const back = h('button', { type: 'button', class: 'secondary' }, 'Back to all charts');
  back.addEventListener('click', () => ctx.setParams({ measure: null }));
  const v = latestVariation(s.points);
  return h('div', { class: 'xmr-detail' },
    h('p', { class: 'xmr-detail-variation' }, variationIcon(v, 48), variationText(v)),
    h('p', { class: 'note' }, `${DIRECTION_TEXT[m.direction]}: ${m.rationale}`),
    figure(chart, xmrTable(s, caption), { caption }),
    back);
}

async function yearOnYear(ctx: PageContext, list: TrendList): Promise<Node[]> {
  const start = fyStartYear(ctx.period.to);
  const fy = (y: number) => ({ from: `${y}-04-01`, to: `${y + 1}-03-31` });
  const [last, current] = await Promise.all([
    ctx.getJson<MeasuresAnswer>('/api/measures', fy(start - 1)),
    ctx.getJson<MeasuresAnswer>('/api/measures', fy(start)),
  ]);
  const incomplete = fy(start).to >= todayIso();
  const caption = `Year on year: ${fyLabel(start)} against ${fyLabel(start - 1)}`;
  return [
    incomplete ? h('p', { class: 'note' }, `${fyLabel(start)} is not over yet: its figures cover part of the year only.`) : null,
    yearOnYearTable(list.measures, { label: fyLabel(start - 1), values: last.measures }, { label: fyLabel(start), values: current.measures }, caption),
  ].filter((n): n is HTMLElement => n !== null);
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const interval = ctx.params.get('interval') === 'quarter' ? 'quarter' : 'month';
  const b = ctx.params.get('baseline');
  const baselineN = b && /^\d+$/.test(b) ? Number(b) : undefined;
  const win = seriesWindow(ctx.period);
  const labels = seriesLabels(win, interval);
  const rebase = ctx.params.get('rebase') ?? undefined;
  const windowText = `${pointLabel(labels[0])} to ${pointLabel(labels[labels.length - 1])}`;
  const chosen = ctx.params.get('measure');

  const detailBox = h('div', { class: 'section-body' });
  const grid = h('div', { class: 'xmr-grid' });
  const summary = h('div', { class: 'section-body' });
  const yoy = h('div', { class: 'section-body' });
  append(root,
    h('h1', {}, `Trends, ${ctx.periodLabel}`),
    h('p', { class: 'lede' },
      `Each chart shows whole ${interval === 'month' ? 'months' : 'calendar quarters'} from ${windowText} `,
      `(at least ${MIN_MONTHS} months up to the end of the period chosen). `,
      'Points are coloured and shaped by the Making Data Count rules: a point beyond a process limit, ',
      'a run of 7 or more on one side of the mean (shift), or 7 or more rising or falling (trend).'),
    controls(ctx, interval, labels),
    xmrLegend(),
    chosen ? h('section', { 'aria-labelledby': 'detail-h' }, h('h2', { id: 'detail-h' }, 'Chart in detail'), detailBox) : null,
    h('section', { 'aria-labelledby': 'charts-h' }, h('h2', { id: 'charts-h' }, 'Measures over time'), grid),
    h('section', { 'aria-labelledby': 'summary-h' }, h('h2', { id: 'summary-h' }, 'Summary'), summary),
    h('section', { 'aria-labelledby': 'yoy-h' }, h('h2', { id: 'yoy-h' }, 'This financial year against the last'), yoy),
  );

  const list = await ctx.getJson<TrendList>('/api/trends');
  const query = { ...win, interval, baseline: baselineN, rebase };
  const series = list.measures.map((m) => ctx.getJson<TrendAnswer>(`/api/trends/${m.id}`, query));
  const cells = list.measures.map((m) => h('div', { class: 'xmr-cell', 'data-measure': m.id }));
  replaceChildren(grid, ...cells);
  const chosenIndex = list.measures.findIndex((m) => m.id === chosen);
  await Promise.all([
    // A measure whose records are not held, or not in the sources held, says so instead of a flat line at 0.
    ...cells.map((cell, i) => loadInto(cell, `the chart of ${list.measures[i].label}`, async () => {
      const note = measureNote(list.measures[i].id);
      return note === null ? smallMultiple(ctx, await series[i], baselineN) : h('article', { class: 'xmr-card', 'data-measure': list.measures[i].id },
        h('div', { class: 'xmr-card-head' }, h('h3', {}, list.measures[i].label)), h('p', { class: 'note not-in-source' }, note));
    })),
    chosenIndex >= 0
      ? loadInto(detailBox, `the chart of ${list.measures[chosenIndex].label}`, async () => detail(ctx, list.measures[chosenIndex], await series[chosenIndex], baselineN, windowText))
      : chosen
        ? loadInto(detailBox, 'the chart', () => Promise.reject(new Error(`'${chosen}' is not a measure followed over time.`)))
        : Promise.resolve(),
    loadInto(summary, 'the summary', async () => summaryTable(await Promise.all(series), `Latest value, mean and variation of each measure, ${windowText}`)),
    loadInto(yoy, 'the year-on-year table', () => yearOnYear(ctx, list)),
  ]);
}
