// The annual CSE problem profile: every figure, table, map and sentence of the
// /report page (and of the PDF `npm run report` prints from it) in one answer.
// ?from=&to= (400 naming a bad parameter), ?audience=analyst|board|partner
// (board by default; see server/report/audience.ts). A suppressed role (viewer)
// gets at least the board's copy; the guard suppresses its answer again.
import type { AppContext } from '../app.ts';
import { PERIOD_PARAMS, suppressionThreshold, type RouteDef } from './registry.ts';
import { limitSpan, periodFromQuery } from '../period.ts';
import { audienceFromQuery, isSuppressedAudience } from '../report/audience.ts';
import { financialYears } from '../suppression/publication.ts';
import { badRequest } from '../errors.ts';
import { buildReport } from '../report/build.ts';
// A report's trend charts run month by month over the whole period: it spans at most a series' months.
import { MAX_SERIES_POINTS } from '../trends/series.ts';

export function reportRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/report',
      access: 'aggregate',
      cache: 'data',
      params: { ...PERIOD_PARAMS, audience: 'choice' },
      summary: 'The annual problem profile: every section’s figures against the previous period, key findings and methodology',
      handler: async (req, res) => {
        const q = req.query as Record<string, unknown>;
        const period = limitSpan(periodFromQuery(q), MAX_SERIES_POINTS, 'A report');
        const audience = audienceFromQuery(q, suppressionThreshold(res) !== null);
        // A copy that leaves the analyst is on the publication grid whoever asks for it: two board copies a few days apart would difference.
        if (isSuppressedAudience(audience) && financialYears(period.date_from, period.date_to) !== 1) {
          throw badRequest(`The ${audience} copy is for one whole financial year (it leaves the analyst, and copies for overlapping periods would reveal withheld counts by subtraction): 'from' a 1 April and 'to' the 31 March after it. The analyst copy (audience=analyst) takes any period.`, 'from');
        }
        return buildReport(ctx.db, period, {
          audience,
          threshold: suppressionThreshold(res) ?? ctx.config.suppressionThreshold,
          areaName: ctx.config.areaName,
        });
      },
    },
  ];
}
