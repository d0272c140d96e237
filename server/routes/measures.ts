// The measures API: every measure for a period, one breakdown for a period, and
// the catalogue of definitions (for labels and the methodology appendix).
import type { AppContext } from '../app.ts';
import { MEASURE_PARAMS, suppressionThreshold, type RouteDef } from './registry.ts';
import { LINKED_BREAKDOWNS } from '../suppression/links.ts';
import { offenderBreakdown } from '../profiles/offenders.ts';
import { notFound } from '../errors.ts';
import { periodFromQuery } from '../period.ts';
import { MEASURES, BREAKDOWNS, findBreakdown } from '../measures/definitions.ts';
import { measureParamsFromQuery } from '../measures/params.ts';
import { computeMeasures, computeBreakdown } from '../measures/run.ts';

export function measuresRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/measures',
      access: 'aggregate',
      cache: 'data',
      params: MEASURE_PARAMS,
      summary: 'Every measure for a period',
      handler: async (req, res) => {
        const q = req.query as Record<string, unknown>;
        const period = periodFromQuery(q);
        const values = (await computeMeasures(ctx.db, [period], measureParamsFromQuery(q))).get(period.period) ?? {};
        const measures = Object.fromEntries(MEASURES.map((m) => [m.id, values[m.id] ?? null]));
        // For viewers and partners, the breakdowns whose cells some measures restate (server/suppression/links.ts).
        const basis = suppressionThreshold(res) === null
          ? undefined
          : Object.fromEntries(await Promise.all(LINKED_BREAKDOWNS.map(async (id) => {
            const [subject, dimension] = id.split('/');
            const def = findBreakdown(subject, dimension);
            const rows = def ? ((await computeBreakdown(ctx.db, def, [period])).get(period.period) ?? []) : await offenderBreakdown(ctx.db, dimension as 'lone_group', period);
            return [id, rows] as const;
          })));
        return { ...(basis ? { basis } : {}), period: { from: period.date_from, to: period.date_to }, measures };
      },
    },
    {
      method: 'get',
      path: '/api/breakdowns/:subject/:dimension',
      access: 'aggregate',
      cache: 'data',
      params: MEASURE_PARAMS,
      summary: 'One breakdown of a measure for a period',
      handler: async (req) => {
        const { subject, dimension } = req.params as { subject: string; dimension: string };
        const def = findBreakdown(subject, dimension);
        if (!def) throw notFound(`No breakdown '${dimension}' of '${subject}'`);
        const q = req.query as Record<string, unknown>;
        const period = periodFromQuery(q);
        const rows = (await computeBreakdown(ctx.db, def, [period], measureParamsFromQuery(q))).get(period.period) ?? [];
        // The sum of every row, so that a share is the analyst's whatever rows a viewer has withheld.
        return { subject, dimension, total: rows.reduce((s, r) => s + r.count, 0), rows };
      },
    },
    {
      method: 'get',
      path: '/api/definitions',
      access: 'aggregate',
      cache: 'data',
      params: {},
      summary: 'Definitions of every measure and breakdown',
      handler: () => ({ measures: MEASURES, breakdowns: BREAKDOWNS }),
    },
  ];
}
