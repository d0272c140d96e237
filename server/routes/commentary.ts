// The analyst's commentary of the annual profile (server/report/commentary.ts):
// read by every role that may read the report, written by the analyst (and the
// admin); every change is in the audit trail with its period, part and size.
import { createHash } from 'node:crypto';
import type { AppContext } from '../app.ts';
import { PERIOD_PARAMS, served, type RouteDef } from './registry.ts';
import { periodFromQuery } from '../period.ts';
import { commentaryChange, commentaryFor, saveCommentary } from '../report/commentary.ts';

export function commentaryRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/report/commentary',
      access: 'aggregate',
      params: PERIOD_PARAMS,
      summary: 'The analyst’s key findings, section commentary, recommendations and intelligence requirements for a period',
      handler: async (req) => {
        const p = periodFromQuery(req.query as Record<string, unknown>);
        return { from: p.date_from, to: p.date_to, commentary: await commentaryFor(ctx.db, p.date_from, p.date_to) };
      },
    },
    {
      method: 'put',
      path: '/api/report/commentary',
      access: 'records',
      params: {},
      summary: 'Writes one part of the analyst’s commentary for a period (an empty text removes it)',
      handler: async (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const p = periodFromQuery(body);
        const { part, text } = commentaryChange(body);
        const user = served(res).session?.username ?? 'unknown';
        const entry = await saveCommentary(ctx.db, p.date_from, p.date_to, part, text, user);
        // The audit entry of this request names what changed (not the words themselves: their hash).
        Object.assign(served(res).audit, {
          details: {
            change: entry ? 'report_commentary_saved' : 'report_commentary_removed',
            from: p.date_from,
            to: p.date_to,
            part,
            characters: text.length,
            sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
          },
        });
        return { from: p.date_from, to: p.date_to, part, entry };
      },
    },
  ];
}
