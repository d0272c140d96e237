// Trends API: a measure by month or quarter with XmR mean, limits and
// special-cause rules, and the list of measures followed over time.
import type { AppContext } from '../app.ts';
import { MEASURE_PARAMS, suppressionThreshold, type RouteDef } from './registry.ts';
import { badRequest, notFound } from '../errors.ts';
import { periodFromQuery, seriesPeriods, type Interval } from '../period.ts';
import { measureParamsFromQuery } from '../measures/params.ts';
import { TREND_MEASURES, trendMeasure } from '../trends/measures.ts';
import { seriesValues, trendSeries } from '../trends/series.ts';
import { PERCENT_DENOMINATOR } from '../suppression/measures.ts';

/** Longest series served: 20 years of months. */
const MAX_POINTS = 240;

function one(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw badRequest(`Parameter '${name}' must be given once`, name);
  return v;
}

export function trendsRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/trends',
      access: 'aggregate',
      cache: 'data',
      params: {},
      summary: 'The measures followed over time, with their direction of improvement',
      handler: () => ({ measures: TREND_MEASURES.map((m) => trendMeasure(m.id)) }),
    },
    {
      method: 'get',
      path: '/api/trends/:measure',
      access: 'aggregate',
      cache: 'data',
      params: { ...MEASURE_PARAMS, interval: 'choice', baseline: 'baseline', rebase: 'baseline' },
      summary: 'A measure by month or quarter with XmR limits and special causes',
      handler: async (req, res) => {
        const { measure: id } = req.params as { measure: string };
        const measure = trendMeasure(id);
        if (!measure) throw notFound(`No trend for measure '${id}'`);
        const q = req.query as Record<string, unknown>;
        const period = periodFromQuery(q);
        const interval = one(q, 'interval') ?? 'month';
        if (interval !== 'month' && interval !== 'quarter') throw badRequest("Parameter 'interval' must be 'month' or 'quarter'", 'interval');
        const periods = seriesPeriods(period.date_from, period.date_to, interval as Interval);
        if (periods.length > MAX_POINTS) throw badRequest(`The period from 'from' to 'to' has more than ${MAX_POINTS} points`, 'from');
        const b = one(q, 'baseline');
        if (b !== undefined && (!/^\d+$/.test(b) || Number(b) < 2)) throw badRequest("Parameter 'baseline' must be a whole number of points, at least 2", 'baseline');
        const rebase = one(q, 'rebase');
        if (rebase !== undefined && (rebase === periods[0].period || !periods.some((p) => p.period === rebase))) {
          throw badRequest(`Parameter 'rebase' must be a ${interval} of the series after the first (YYYY-${interval === 'month' ? 'MM' : 'Qn'})`, 'rebase');
        }
        const points = await trendSeries(ctx.db, measure, {
          from: period.date_from,
          to: period.date_to,
          interval,
          params: measureParamsFromQuery(q),
          baselineN: b === undefined ? undefined : Number(b),
          rebase,
        });
        // For viewers and partners, the release (server/suppression/routes.ts) judges
        // the months behind each point and a percentage's denominators: its basis.
        let basis: { months?: { period: string; value: number | null; denominator: number | null }[]; denominators?: Record<string, number | null> } | undefined;
        if (suppressionThreshold(res) !== null) {
          const denId = PERCENT_DENOMINATOR[measure.id];
          const months = seriesPeriods(period.date_from, period.date_to, 'month');
          const [byMonth, byPoint] = await Promise.all([seriesValues(ctx.db, months, measureParamsFromQuery(q)), seriesValues(ctx.db, periods, measureParamsFromQuery(q))]);
          basis = {
            months: months.map((m) => ({ period: m.period, value: byMonth.get(m.period)?.[measure.id] ?? null, denominator: denId ? (byMonth.get(m.period)?.[denId] ?? null) : null })),
            denominators: denId ? Object.fromEntries(periods.map((p) => [p.period, byPoint.get(p.period)?.[denId] ?? null])) : {},
          };
        }
        return {
          ...(basis ? { basis } : {}),
          measure: measure.id,
          interval,
          label: measure.label,
          unit: measure.unit,
          direction: measure.direction,
          baseline: b === undefined ? null : Number(b),
          rebase: rebase ?? null,
          points,
        };
      },
    },
  ];
}
