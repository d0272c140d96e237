// The missing page: monthly series of the missing measures, breakdowns that
// measures.md does not define (episode type, where children were found), the
// heatmap of episode starts, the concentration of episodes, the missing × CSE
// cross-reference ('aggregate'), and the lists of children ('records':
// pseudonymous ids). Every route takes ?from=&to= and the thresholds
// repeat_min, repeat_days and long_hours (400 naming a bad parameter).
import type { Request } from 'express';
import type { AppContext } from '../app.ts';
import { PERIOD_PARAMS, THRESHOLD_PARAMS, type Params, type RouteDef } from './registry.ts';

const PARAMS: Params = { ...PERIOD_PARAMS, ...THRESHOLD_PARAMS };
import { notFound } from '../errors.ts';
import { periodFromQuery, type Period } from '../period.ts';
import { DEFAULT_THRESHOLDS, measureParamsFromQuery, type Thresholds } from '../measures/params.ts';
import {
  MISSING_VIEW_BREAKDOWNS, concentration, missingBreakdown, monthlySeries, referredMissing, startHeatmap,
  type MissingViewBreakdown,
} from '../missing/views.ts';
import { MISSING_LISTS, missingChildren, missingList, type MissingList } from '../missing/children.ts';

interface Asked {
  period: Period;
  thresholds: Thresholds;
  /** Echoed in every answer. */
  echo: { period: { from: string; to: string }; thresholds: Thresholds };
}

function asked(req: Request): Asked {
  const q = req.query as Record<string, unknown>;
  const period = periodFromQuery(q);
  const { repeat_min, repeat_days, long_hours } = { ...DEFAULT_THRESHOLDS, ...measureParamsFromQuery(q) };
  const thresholds = { repeat_min, repeat_days, long_hours };
  return { period, thresholds, echo: { period: { from: period.date_from, to: period.date_to }, thresholds } };
}

export function missingRoutes(ctx: AppContext): RouteDef[] {
  const { db } = ctx;
  return [
    {
      method: 'get',
      path: '/api/missing/monthly',
      access: 'aggregate',
      cache: 'data',
      params: PARAMS,
      summary: 'Missing: episodes, children, long episodes and return home interviews by month',
      handler: async (req) => {
        const a = asked(req);
        return { ...a.echo, series: await monthlySeries(db, a.period, a.thresholds) };
      },
    },
    {
      method: 'get',
      path: '/api/missing/breakdowns/:dimension',
      access: 'aggregate',
      cache: 'data',
      params: PARAMS,
      summary: 'Missing: episodes by type, and where children were found (location type, ward)',
      handler: async (req) => {
        const { dimension } = req.params as { dimension: string };
        if (!(MISSING_VIEW_BREAKDOWNS as readonly string[]).includes(dimension)) throw notFound(`No missing breakdown '${dimension}'`);
        const a = asked(req);
        return { ...a.echo, dimension, rows: await missingBreakdown(db, dimension as MissingViewBreakdown, a.period, a.thresholds) };
      },
    },
    {
      method: 'get',
      path: '/api/missing/heatmap',
      access: 'aggregate',
      cache: 'data',
      params: PARAMS,
      summary: 'Missing: episodes started by day of the week and hour of the day',
      handler: async (req) => {
        const a = asked(req);
        return { ...a.echo, cells: await startHeatmap(db, a.period, a.thresholds) };
      },
    },
    {
      method: 'get',
      path: '/api/missing/concentration',
      access: 'aggregate',
      cache: 'data',
      params: PARAMS,
      summary: 'Missing: share of episodes from the most frequently missing 10% of children',
      handler: async (req) => {
        const a = asked(req);
        return { ...a.echo, ...(await concentration(db, a.period, a.thresholds)) };
      },
    },
    {
      method: 'get',
      path: '/api/missing/cross-reference',
      access: 'aggregate',
      cache: 'data',
      params: PARAMS,
      summary: 'Missing × CSE: referred children who had been missing, and children with a case missing from care',
      handler: async (req) => {
        const a = asked(req);
        const [referred, children] = await Promise.all([
          referredMissing(db, a.period, a.thresholds),
          missingChildren(db, a.period, a.thresholds),
        ]);
        return { ...a.echo, referred, case_missing_from_care: { count: children.filter(MISSING_LISTS['from-care']).length } };
      },
    },
    {
      method: 'get',
      path: '/api/missing/children/:list',
      access: 'records',
      cache: 'data',
      params: PARAMS,
      summary: 'Missing: children missing repeatedly, those without an open CSE case, and children with a case missing from care (pseudonymous ids)',
      handler: async (req) => {
        const { list } = req.params as { list: string };
        if (!Object.hasOwn(MISSING_LISTS, list)) throw notFound(`No list of children '${list}'`);
        const a = asked(req);
        return { ...a.echo, list, children: await missingList(db, list as MissingList, a.period, a.thresholds) };
      },
    },
  ];
}
