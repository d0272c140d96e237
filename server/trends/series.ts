// Series of a measure by month or quarter, with XmR limits and rules. The
// values come from the one measures runner (server/measures/run.ts) given every
// period of the series at once, so a point is exactly the measure of measures.md
// with that month or quarter as the period. No SQL of its own.
import type { Database } from '../db.ts';
import { badRequest } from '../errors.ts';
import { keptFor } from '../cache.ts';
import { seriesPeriods, type Interval, type Period } from '../period.ts';
import { computeMeasures, type MeasureValues } from '../measures/run.ts';
import type { MeasureParams } from '../measures/params.ts';
import { xmr, type Rule, type Signal } from './xmr.ts';
import type { TrendMeasureDef } from './measures.ts';

export interface SeriesPoint {
  period: string;
  value: number | null;
  mean: number | null;
  ucl: number | null;
  lcl: number | null;
  rule: Rule | null;
  signal: Signal;
}

export interface SeriesOptions {
  from: string;
  to: string;
  interval: Interval;
  params?: MeasureParams;
  /** Limits from the first N points. */
  baselineN?: number;
  /** Label ('YYYY-MM' or 'YYYY-Qn') of the point from which limits are recomputed. */
  rebase?: string;
}

// The trends page asks for ten measures over the same periods at once: every
// measure of a period set is computed once and shared (per database and data
// version, keyed on the periods and the parameters), in a kept cache of
// server/cache.ts so that emptying the kept answers empties it too.
const CACHE_SIZE = 16;

/**
 * Longest series computed: 20 years of months. Every point is a run of every
 * measure, so the work of a request grows with its points; a longer series is
 * refused (400 naming 'from') rather than keeping the database busy for minutes.
 */
export const MAX_SERIES_POINTS = 240;

/** 400 (naming 'from') for a series of more than MAX_SERIES_POINTS periods. */
export function assertSeriesLength(periods: Period[]): void {
  if (periods.length > MAX_SERIES_POINTS) {
    throw badRequest(`A series has at most ${MAX_SERIES_POINTS} points; ${periods[0].date_from} to ${periods[periods.length - 1].date_to} makes ${periods.length}`, 'from');
  }
}

/** Every measure for every period of the series. */
export async function seriesValues(db: Database, periods: Period[], params: MeasureParams = {}): Promise<Map<string, MeasureValues>> {
  assertSeriesLength(periods);
  const cache = keptFor(db, 'series', CACHE_SIZE);
  const version = await db.dataVersion();
  const key = JSON.stringify([periods.map((p) => p.period), params]);
  let hit = cache.get(version, key) as Promise<Map<string, MeasureValues>> | undefined;
  if (!hit) {
    hit = computeMeasures(db, periods, params);
    cache.set(version, key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

export async function trendSeries(db: Database, measure: TrendMeasureDef, opts: SeriesOptions): Promise<SeriesPoint[]> {
  const periods = seriesPeriods(opts.from, opts.to, opts.interval);
  const values = await seriesValues(db, periods, opts.params);
  const series = periods.map((p) => values.get(p.period)?.[measure.id] ?? null);
  const rebaseIndex = opts.rebase === undefined ? undefined : periods.findIndex((p) => p.period === opts.rebase);
  const points = xmr(series, { unit: measure.unit, direction: measure.direction, baselineN: opts.baselineN, rebaseIndex });
  return periods.map((p, i) => ({ period: p.period, ...points[i] }));
}
