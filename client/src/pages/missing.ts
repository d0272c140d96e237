// Missing (/missing): missing episodes and return home interviews for the
// strategic sub-group — headline measures against the previous period,
// episodes and children by month, where from, type, police risk, length,
// when episodes start (day × hour), how concentrated they are (Pareto), return
// home interviews by month and where children were found — then the missing ×
// CSE cross-reference and, for the analyst, the lists of children. The
// repeat-missing and long-episode thresholds are page parameters in the URL.
import { heatmapChart, type HeatCell } from '../charts/heatmap.ts';
import { multiLineChart } from '../charts/multi-line.ts';
import { paretoChart } from '../charts/pareto.ts';
import { currentSession, mayUse } from '../api.ts';
import { breakdownFigure, getBreakdown, type BreakdownRow } from '../components/breakdown.ts';
import { card, notInSourceCard } from '../components/card.ts';
import { onPublicationGrid, publicationNote } from '../audience.ts';
import { measureNote, notInSourceNote } from '../held.ts';
import { dataTable, type Column, type Row } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { chartWidth, figure } from '../components/figure.ts';
import { loadInto } from '../components/status.ts';
import { formatCount, formatMonth, formatPercent } from '../format.ts';
import type { PageContext } from '../page.ts';
import { childList, crossReference, LIST_NAMES } from './missing-lists.ts';
import { repeatText, thresholdForm, thresholdQuery, thresholdsOf, type Thresholds } from './missing-thresholds.ts';

/** The thresholds are definitions off the publication grid (viewers and partners see the published ones). */
export const offGrid = ['repeat_min', 'repeat_days', 'long_hours'];
export const extracts = ['missing_episodes'];
export const needs = 'missing_episodes';

interface MeasuresAnswer { measures: Record<string, number | null> }
interface Series { measure: string; label: string; unit: 'count' | 'percent'; points: { period: string; value: number | null; denominator?: number | null }[] }
interface MonthlyAnswer { series: Series[] }
interface RowsAnswer { rows: BreakdownRow[] }
interface HeatmapAnswer { cells: HeatCell[] }
interface ConcentrationAnswer {
  children: { total: number | null; count: number | null };
  episodes: { total: number | null; count: number | null; pct_top: number | null };
  /** null when withheld as a whole (viewer, partner). */
  distribution: { key: string; count: number | null; suppressed?: boolean }[] | null;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0'));

function headlineIds(t: Thresholds): [string, string][] {
  return [
    ['missing_episodes', 'Missing episodes'],
    ['children_missing', 'Children missing'],
    ['episodes_from_care', 'Episodes missing from care'],
    ['episodes_over_24h', `Episodes over ${t.long_hours} hours`],
    ['repeat_missing_children', `Children missing repeatedly (${repeatText(t)})`],
    ['repeat_missing_children_without_case', '… of whom with no CSE case open'],
    ['pct_rhi_offered', 'Return home interviews offered'],
    ['pct_rhi_within_72h', 'Return home interviews within 72 hours'],
  ];
}

async function headlines(ctx: PageContext, t: Thresholds): Promise<Node> {
  const q = thresholdQuery(t);
  const [now, before] = await Promise.all([
    ctx.getJson<MeasuresAnswer>('/api/measures', { ...ctx.period, ...q }),
    ctx.getJson<MeasuresAnswer>('/api/measures', { ...ctx.previous, ...q }),
  ]);
  return h('div', { class: 'cards' }, ...headlineIds(t).map(([id, label]) => {
    const note = measureNote(id);
    return note !== null
      ? notInSourceCard(label, note)
      : card(label, now.measures[id] ?? null, before.measures[id] ?? null, id.startsWith('pct_') ? 'percent' : 'count', { previousLabel: ctx.previousLabel });
  }));
}

function monthFigure(all: Series[], ids: string[], o: { caption: string; number: number; yLabel: string; unit: 'count' | 'percent'; width?: number; extra?: Column[] }): HTMLElement {
  const series = ids.map((id) => all.find((s) => s.measure === id)!);
  const chart = multiLineChart(series.map((s) => ({ label: s.label, points: s.points.map((p) => ({ period: p.period, value: p.value })) })),
    { ariaLabel: `Line chart: ${o.caption}`, yLabel: o.yLabel, unit: o.unit, width: o.width });
  const rows: Row[] = series[0].points.map((p, i) => ({
    month: p.period,
    ...Object.fromEntries(all.map((s) => [s.measure, s.points[i].value])),
  }));
  const table = dataTable(rows, [
    { key: 'month', label: 'Month', format: formatMonth, csv: (v) => v },
    ...series.map((s): Column => ({ key: s.measure, label: s.label, kind: s.unit })),
    ...(o.extra ?? []),
  ], { caption: o.caption });
  return figure(chart, table, { caption: o.caption, number: o.number });
}

function heatmapFigure(ctx: PageContext, cells: HeatCell[], number: number, width?: number): HTMLElement {
  const caption = `Missing episodes by day of the week and hour they started, ${ctx.periodLabel}`;
  const chart = heatmapChart(cells, { ariaLabel: `Heatmap: ${caption}`, days: DAYS, hours: HOURS, xLabel: 'Hour of the day the episode started', yLabel: 'Day', width });
  const rows: Row[] = DAYS.map((d, i) => {
    const mine = cells.filter((c) => c.day === d);
    const row: Row = { day: DAY_NAMES[i] };
    for (const c of mine) row[`h${c.hour}`] = c.count === null || c.suppressed ? null : c.count;
    return row;
  });
  const table = dataTable(rows, [
    { key: 'day', label: 'Day' },
    ...HOURS.map((hh): Column => ({ key: `h${hh}`, label: hh, kind: 'count' })),
  ], { caption: `${caption} (columns: hour from 00 to 23)` });
  return figure(chart, table, { caption, number });
}

function paretoFigure(ctx: PageContext, c: ConcentrationAnswer, number: number, width?: number): Node[] {
  const caption = `Share of missing episodes by child, most frequently missing first, ${ctx.periodLabel}`;
  const summary = h('p', {}, c.episodes.pct_top === null
    ? 'No missing episodes started in the period.'
    : `The most frequently missing 10% of children (${formatCount(c.children.count)} of ${formatCount(c.children.total)}) account for ${formatPercent(c.episodes.pct_top)} of missing episodes (${formatCount(c.episodes.count)} of ${formatCount(c.episodes.total)}).`);
  // Released without its distribution when a row of it would reveal a small number (with the totals beside it).
  if (c.distribution === null) return [summary, h('p', { class: 'note' }, 'The number of children by number of episodes is withheld: some of its rows rest on small numbers that the totals would reveal.')];
  let children = 0;
  let episodes = 0;
  const known = c.distribution.every((r) => r.count !== null && !r.suppressed);
  const rows: Row[] = c.distribution.map((r) => {
    children += r.count ?? 0;
    episodes += (r.count ?? 0) * Number(r.key);
    return {
      episodes: r.key, count: r.count, suppressed: r.count === null || r.suppressed === true,
      pct_children: known && c.children.total ? (100 * children) / c.children.total : null,
      pct_episodes: known && c.episodes.total ? (100 * episodes) / c.episodes.total : null,
    };
  });
  const table = dataTable(rows, [
    { key: 'episodes', label: 'Episodes in the period' },
    { key: 'count', label: 'Children', kind: 'count' },
    { key: 'pct_children', label: 'Cumulative % of children', kind: 'percent' },
    { key: 'pct_episodes', label: 'Cumulative % of episodes', kind: 'percent' },
  ], { caption: `Children by number of missing episodes, ${ctx.periodLabel}` });
  if (!known || c.children.count === null) return [summary, h('p', { class: 'note' }, 'The chart is not drawn because some figures are withheld (small numbers).'), table];
  const values = c.distribution.flatMap((r) => Array.from({ length: r.count ?? 0 }, () => Number(r.key)));
  const chart = paretoChart(values, {
    ariaLabel: `Pareto chart: ${caption}`, top: c.children.count, topLabel: `Top 10%: ${formatPercent(c.episodes.pct_top)} of episodes`,
    xLabel: 'Children, ranked by episodes', yLabel: 'Episodes', cumulativeLabel: 'Cumulative % of episodes', width,
  });
  return [summary, figure(chart, table, { caption, number })];
}

const RHI = ['pct_rhi_offered', 'pct_rhi_within_72h'];

/** The notes of the return-interview measures the sources held cannot give ("not in this source"). */
function rhiNotes(): HTMLElement[] {
  return RHI.map((id) => notInSourceNote(id)).filter((n): n is string => n !== null).map((n) => h('p', { class: 'note not-in-source' }, n));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const t = thresholdsOf(ctx);
  const q = { from: ctx.period.from, to: ctx.period.to, ...thresholdQuery(t) };
  const slot = () => h('div', { class: 'section-body' });
  const [cards, months, rhi, from, type, risk, duration, heat, pareto, foundType, foundWard, cross] = Array.from({ length: 12 }, slot);
  const lists = LIST_NAMES.map(slot);
  const session = await currentSession();
  const records = session !== null && mayUse(session.role, 'records');
  root.append(
    h('h1', {}, `Missing, ${ctx.periodLabel}`),
    h('p', { class: 'lede' }, `Children reported missing or absent: episodes that started in ${ctx.periodLabel}, compared with ${ctx.previousLabel}. `,
      `Return home interviews are counted over episodes that ended in the period. A child is missing repeatedly with ${repeatText(t)} (calendar dates); an episode is long when it lasts over ${t.long_hours} hours.`),
    onPublicationGrid() ? publicationNote() : thresholdForm(ctx, t),
    h('section', { 'aria-labelledby': 'm-headlines-h' }, h('h2', { id: 'm-headlines-h' }, 'Headline figures'), cards),
    h('section', { 'aria-labelledby': 'm-months-h' }, h('h2', { id: 'm-months-h' }, 'Month by month'), h('div', { class: 'figures' }, months, rhi)),
    h('section', { 'aria-labelledby': 'm-episodes-h' }, h('h2', { id: 'm-episodes-h' }, 'The episodes'), h('div', { class: 'figures' }, from, type, risk, duration)),
    h('section', { 'aria-labelledby': 'm-when-h' }, h('h2', { id: 'm-when-h' }, 'When episodes start'), heat),
    h('section', { 'aria-labelledby': 'm-conc-h' }, h('h2', { id: 'm-conc-h' }, 'How concentrated episodes are'), pareto),
    h('section', { 'aria-labelledby': 'm-found-h' }, h('h2', { id: 'm-found-h' }, 'Where children were found'),
      h('p', { class: 'note' }, 'Episodes that ended in the period, by where the child was found.'), h('div', { class: 'figures' }, foundType, foundWard)),
    h('section', { 'aria-labelledby': 'm-cross-h' }, h('h2', { id: 'm-cross-h' }, 'Missing and CSE'), cross),
    h('section', { 'aria-labelledby': 'm-lists-h' }, h('h2', { id: 'm-lists-h' }, 'Children to discuss'),
      records ? h('div', {}, ...lists) : h('p', { class: 'note' }, 'The lists of children are for the analyst role.')),
  );
  const monthly = ctx.getJson<MonthlyAnswer>('/api/missing/monthly', q);
  const bd = (el: HTMLElement, dimension: string, label: string, n: number, own: boolean) => loadInto(el, `episodes by ${label.toLowerCase()}`, async () => {
    const b = own
      ? { subject: 'missing', dimension, rows: (await ctx.getJson<RowsAnswer>(`/api/missing/breakdowns/${dimension}`, q)).rows }
      : await getBreakdown(ctx, 'missing', dimension);
    const found = dimension.startsWith('found_');
    return breakdownFigure(b, {
      caption: `${found ? 'Episodes ended' : 'Missing episodes'} by ${label.toLowerCase()}, ${ctx.periodLabel}`, number: n,
      categoryLabel: label, countLabel: 'Number of episodes', width: chartWidth(el),
    });
  });
  await Promise.all([
    loadInto(cards, 'the headline figures', () => headlines(ctx, t)),
    loadInto(months, 'episodes by month', async () => monthFigure((await monthly).series, ['missing_episodes', 'children_missing'], {
      caption: `Missing episodes and children missing by month, ${ctx.periodLabel}`, number: 1, yLabel: 'Number', unit: 'count', width: chartWidth(months),
      extra: [{ key: 'episodes_over_24h', label: `Episodes over ${t.long_hours} hours`, kind: 'count' }],
    })),
    loadInto(rhi, 'return home interviews by month', async () => {
      // A measure not in the sources held shows its note, never a 0 %.
      const held = RHI.filter((id) => notInSourceNote(id) === null);
      if (held.length === 0) return [h('h3', {}, 'Return home interviews by month'), ...rhiNotes()];
      return [...rhiNotes(), monthFigure((await monthly).series, held, {
        caption: `Return home interviews offered and within 72 hours by month, ${ctx.periodLabel}`, number: 2, yLabel: '% of episodes ended', unit: 'percent', width: chartWidth(rhi),
        extra: [{ key: 'episodes_returned', label: 'Episodes ended', kind: 'count' }],
      })];
    }),
    bd(from, 'missing_from', 'Missing from', 3, false),
    bd(type, 'episode_type', 'Episode type', 4, true),
    bd(risk, 'police_risk', 'Police risk', 5, false),
    bd(duration, 'duration_band', 'Length of episode', 6, false),
    loadInto(heat, 'the heatmap', async () => heatmapFigure(ctx, (await ctx.getJson<HeatmapAnswer>('/api/missing/heatmap', q)).cells, 7, chartWidth(heat))),
    loadInto(pareto, 'the concentration of episodes', async () => paretoFigure(ctx, await ctx.getJson<ConcentrationAnswer>('/api/missing/concentration', q), 8, chartWidth(pareto))),
    bd(foundType, 'found_location_type', 'Type of place found', 9, true),
    bd(foundWard, 'found_ward', 'Ward found in', 10, true),
    loadInto(cross, 'the cross-reference', () => crossReference(ctx, t)),
    ...(records ? LIST_NAMES.map((name, i) => loadInto(lists[i], 'the list of children', () => childList(ctx, t, name))) : []),
  ]);
}
