// The missing page's aggregate views (sql/missing/views.sql) and its monthly
// series, which are measures of measures.md computed by the one measures
// runner for each month (no SQL of their own). Thresholds (repeat_min,
// repeat_days, long_hours) are bound into every query.
import type { Database } from '../db.ts';
import { seriesPeriods, type Period } from '../period.ts';
import { computeMeasures, runForPeriods, type BreakdownRow } from '../measures/run.ts';
import { assertSeriesLength } from '../trends/series.ts';
import { MEASURES } from '../measures/definitions.ts';
import { NOT_RECORDED } from '../measures/codes.ts';
import type { Thresholds } from '../measures/params.ts';

/** The measures shown month by month; percentages carry their denominator (episodes returned). */
export const MONTHLY_MEASURES = [
  'missing_episodes', 'children_missing', 'episodes_over_24h', 'episodes_returned', 'pct_rhi_offered', 'pct_rhi_within_72h',
] as const;
const DENOMINATOR: Record<string, string> = { pct_rhi_offered: 'episodes_returned', pct_rhi_within_72h: 'episodes_returned' };

export interface MonthlySeries {
  measure: string;
  label: string;
  unit: 'count' | 'percent';
  points: { period: string; value: number | null; denominator?: number | null }[];
}

/** Each monthly measure for every whole month overlapping the period (only the passes computing them run). */
export async function monthlySeries(db: Database, period: Period, t: Thresholds): Promise<MonthlySeries[]> {
  const months = seriesPeriods(period.date_from, period.date_to, 'month');
  assertSeriesLength(months);
  const values = await computeMeasures(db, months, t, MONTHLY_MEASURES);
  return MONTHLY_MEASURES.map((id) => {
    const def = MEASURES.find((m) => m.id === id)!;
    const den = DENOMINATOR[id];
    return {
      measure: id,
      label: def.label,
      unit: def.unit,
      points: months.map((m) => {
        const v = values.get(m.period) ?? {};
        return den ? { period: m.period, value: v[id] ?? null, denominator: v[den] ?? null } : { period: m.period, value: v[id] ?? null };
      }),
    };
  });
}

/** Breakdowns of this page (key/count rows, as /api/breakdowns). */
export const MISSING_VIEW_BREAKDOWNS = ['episode_type', 'found_location_type', 'found_ward'] as const;
export type MissingViewBreakdown = (typeof MISSING_VIEW_BREAKDOWNS)[number];

/** Largest count first (ties by key), not recorded last. */
function byCount(a: BreakdownRow, b: BreakdownRow): number {
  return Number(a.key === NOT_RECORDED) - Number(b.key === NOT_RECORDED) || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export async function missingBreakdown(db: Database, name: MissingViewBreakdown, period: Period, t: Thresholds): Promise<BreakdownRow[]> {
  const rows = await runForPeriods(db, `missing/views#${name}`, [period], t);
  return rows.map((r) => ({ key: String(r.key), count: Number(r.count) })).sort(byCount);
}

export const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A cell of the start heatmap; day and hour are text ('Mon', '09') so they name the cell. */
export interface HeatmapCell {
  day: string;
  hour: string;
  count: number;
}

/** Episodes started by ISO day of week (Mon..Sun) × hour of day (00..23): all 168 cells, zeros included. */
export async function startHeatmap(db: Database, period: Period, t: Thresholds): Promise<HeatmapCell[]> {
  const rows = await runForPeriods(db, 'missing/views#heatmap', [period], t);
  return rows.map((r) => ({ day: DAYS[Number(r.dow) - 1], hour: String(r.hour).padStart(2, '0'), count: Number(r.count) }));
}

export interface Concentration {
  /** Children missing, and how many make the top 10 % (ceil(children / 10)). */
  children: { total: number; count: number };
  /** Episodes, those of the top 10 % of children, and their share (null without episodes). */
  episodes: { total: number; count: number; pct_top: number | null };
  /** Children by number of episodes (key = episodes, count = children), most episodes first. */
  distribution: { key: string; count: number }[];
}

export async function concentration(db: Database, period: Period, t: Thresholds): Promise<Concentration> {
  const [[c], dist] = await Promise.all([
    runForPeriods(db, 'missing/views#concentration', [period], t),
    runForPeriods(db, 'missing/views#episodes_per_child', [period], t),
  ]);
  const episodes = Number(c.episodes);
  const top = Number(c.top_episodes);
  return {
    children: { total: Number(c.children), count: Number(c.top_children) },
    episodes: { total: episodes, count: top, pct_top: episodes === 0 ? null : (100 * top) / episodes },
    distribution: dist.map((r) => ({ key: String(r.episodes), count: Number(r.count) })),
  };
}

/** The counts behind pct_referred_children_missing: children referred (total) and those who had been missing (count). */
export async function referredMissing(db: Database, period: Period, t: Thresholds): Promise<{ total: number; count: number; pct_missing: number | null }> {
  const [r] = await runForPeriods(db, 'missing/views#referred_missing', [period], t);
  const total = Number(r.children_referred);
  const count = Number(r.went_missing);
  return { total, count, pct_missing: total === 0 ? null : (100 * count) / total };
}
