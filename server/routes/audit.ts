// The audit trail (admin): filtered entries, a CSV download, and the chain check.
import type { AppContext } from '../app.ts';
import { FileReply, type Params, type RouteDef } from './registry.ts';

const FILTER: Params = { username: 'choice', event: 'choice', route: 'choice', from: 'choice', to: 'choice', limit: 'choice' };
import { auditFilterFromQuery, auditCsv, searchAudit } from '../audit/query.ts';
import { verifyAudit } from '../audit/log.ts';
import { securityFor } from '../auth/security.ts';

export function auditRoutes(ctx: AppContext): RouteDef[] {
  const { audit } = securityFor(ctx);
  return [
    {
      method: 'get',
      path: '/api/audit',
      access: 'admin',
      params: FILTER,
      summary: 'Audit trail entries, newest first, filtered by user, event, route and dates',
      handler: async (req) => {
        const filter = auditFilterFromQuery(req.query as Record<string, unknown>);
        await audit.flush();
        return { entries: await searchAudit(ctx.db, filter) };
      },
    },
    {
      method: 'get',
      path: '/api/audit.csv',
      access: 'admin',
      params: FILTER,
      summary: 'Audit trail entries as CSV',
      handler: async (req) => {
        const filter = auditFilterFromQuery(req.query as Record<string, unknown>);
        await audit.flush();
        return new FileReply(auditCsv(await searchAudit(ctx.db, filter)), 'text/csv; charset=utf-8', 'audit.csv');
      },
    },
    {
      method: 'get',
      path: '/api/audit/verify',
      access: 'admin',
      params: {},
      summary: 'Recomputes the hash chain of the audit trail',
      handler: () => verifyAudit(ctx.db),
    },
  ];
}
