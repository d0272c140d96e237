// Overview (/): headline measures against the previous period, and the first
// charts of the profile, each with its table.
import { columnChart, lineChart, type MonthPoint } from '../charts/month-charts.ts';
import { breakdownFigure, getBreakdown } from '../components/breakdown.ts';
import { card, changeOf, notInSourceCard, pctChangeOf, type Unit } from '../components/card.ts';
import { isHeld, measureNote, noDataHeld } from '../held.ts';
import { dataTable, type Column, type Row } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { chartWidth, figure } from '../components/figure.ts';
import { loadInto } from '../components/status.ts';
import { formatMonth } from '../format.ts';
import { describePeriod } from '../period.ts';
import { isPercentMeasure, MEASURE_LABELS } from '../labels.ts';
import type { PageContext } from '../page.ts';

interface MeasuresAnswer {
  period: { from: string; to: string };
  measures: Record<string, number | null>;
}

interface TrendAnswer {
  measure: string;
  interval: string;
  points: { period: string; value: number | null }[];
}

const HEADLINES = [
  'cases_referred', 'children_referred', 'children_open', 'children_high_risk',
  'missing_episodes', 'children_missing', 'repeat_missing_children', 'episodes_over_24h',
  'pct_rhi_within_72h', 'offenders_identified', 'disruptions', 'cawns_issued',
];

async function headlines(ctx: PageContext): Promise<Node[]> {
  const [now, before] = await Promise.all([
    ctx.getJson<MeasuresAnswer>('/api/measures', { ...ctx.period }),
    ctx.getJson<MeasuresAnswer>('/api/measures', { ...ctx.previous }),
  ]);
  // Not held or not in the sources held: no value (the card says which), never a 0.
  const value = (a: MeasuresAnswer, id: string) => (measureNote(id) === null ? a.measures[id] ?? null : null);
  const unit = (id: string): Unit => (isPercentMeasure(id) ? 'percent' : 'count');
  // A measure whose records are not held, or which the sources held cannot give, says so instead of a number.
  const cards = h('div', { class: 'cards' }, ...HEADLINES.map((id) => {
    const note = measureNote(id);
    return note !== null
      ? notInSourceCard(MEASURE_LABELS[id] ?? id, note)
      : card(MEASURE_LABELS[id] ?? id, value(now, id), value(before, id), unit(id), { previousLabel: ctx.previousLabel });
  }));
  const rows: Row[] = HEADLINES.map((id) => ({
    measure: measureNote(id) === null ? MEASURE_LABELS[id] ?? id : `${MEASURE_LABELS[id] ?? id} (${measureNote(id)})`,
    current: value(now, id),
    previous: value(before, id),
    change: changeOf(value(now, id), value(before, id)),
    change_pct: unit(id) === 'count' ? pctChangeOf(value(now, id), value(before, id)) : null,
    unit: unit(id),
  }));
  // One table per unit keeps counts and percentages in correctly formatted columns.
  const columns = (kind: Unit): Column[] => [
    { key: 'measure', label: 'Measure' },
    { key: 'current', label: ctx.periodLabel, kind },
    { key: 'previous', label: ctx.previousLabel, kind },
    { key: 'change', label: 'Change', kind: 'change' },
    ...(kind === 'count' ? [{ key: 'change_pct', label: '% change', kind: 'pct_change' } as Column] : []),
  ];
  return [
    cards,
    h('details', { class: 'figure-table' }, h('summary', {}, 'Headline figures as a table'),
      dataTable(rows.filter((r) => r.unit === 'count'), columns('count'), { caption: `Headline counts, ${ctx.periodLabel} and ${ctx.previousLabel}` }),
      dataTable(rows.filter((r) => r.unit === 'percent'), columns('percent'), { caption: `Headline percentages, ${ctx.periodLabel} and ${ctx.previousLabel}` })),
  ];
}

async function monthFigure(ctx: PageContext, measure: string, caption: string, number: number, kind: 'column' | 'line', width?: number): Promise<Node> {
  const answer = await ctx.getJson<TrendAnswer>(`/api/trends/${measure}`, { ...ctx.period, interval: 'month' });
  const points: MonthPoint[] = answer.points.map((p) => ({ period: p.period, value: p.value }));
  const yLabel = MEASURE_LABELS[measure] ?? measure;
  const draw = kind === 'column' ? columnChart : lineChart;
  const chart = draw(points, { ariaLabel: `${kind === 'column' ? 'Column' : 'Line'} chart: ${caption}`, yLabel, width });
  const table = dataTable(points.map((p) => ({ month: p.period, value: p.value })), [
    { key: 'month', label: 'Month', format: formatMonth },
    { key: 'value', label: yLabel, kind: 'count' },
  ], { caption });
  return figure(chart, table, { caption, number });
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const cards = h('div', { class: 'section-body' });
  const ageBand = h('div', { class: 'section-body' });
  const duration = h('div', { class: 'section-body' });
  const referrals = h('div', { class: 'section-body' });
  const missing = h('div', { class: 'section-body' });
  root.append(
    h('h1', {}, `Overview, ${ctx.periodLabel}`),
    h('p', { class: 'lede' }, `${describePeriod(ctx.period)}, compared with ${describePeriod(ctx.previous)}.`),
    h('section', { 'aria-labelledby': 'headlines-h' }, h('h2', { id: 'headlines-h' }, 'Headline figures'), cards),
    h('section', { 'aria-labelledby': 'profile-h' }, h('h2', { id: 'profile-h' }, 'Children and missing episodes'),
      h('div', { class: 'figures' }, ageBand, duration)),
    h('section', { 'aria-labelledby': 'months-h' }, h('h2', { id: 'months-h' }, 'Month by month'),
      h('div', { class: 'figures' }, referrals, missing)),
  );
  await Promise.all([
    loadInto(cards, 'the headline figures', () => headlines(ctx)),
    loadInto(ageBand, 'victims by age band', async () => !isHeld('cases') ? noDataHeld('cases') : breakdownFigure(await getBreakdown(ctx, 'victims', 'age_band'), {
      caption: `Cases referred by age band, ${ctx.periodLabel}`, number: 1, categoryLabel: 'Age at referral', countLabel: 'Number of cases', width: chartWidth(ageBand),
    })),
    loadInto(duration, 'missing episodes by duration', async () => !isHeld('missing_episodes') ? noDataHeld('missing_episodes') : breakdownFigure(await getBreakdown(ctx, 'missing', 'duration_band'), {
      caption: `Missing episodes by duration, ${ctx.periodLabel}`, number: 2, categoryLabel: 'Time missing', countLabel: 'Number of episodes', width: chartWidth(duration),
    })),
    loadInto(referrals, 'referrals by month', async () => !isHeld('cases') ? noDataHeld('cases') : monthFigure(ctx, 'cases_referred', `Cases referred by month, ${ctx.periodLabel}`, 3, 'column', chartWidth(referrals))),
    loadInto(missing, 'missing episodes by month', async () => !isHeld('missing_episodes') ? noDataHeld('missing_episodes') : monthFigure(ctx, 'missing_episodes', `Missing episodes by month, ${ctx.periodLabel}`, 4, 'line', chartWidth(missing))),
  ]);
}
