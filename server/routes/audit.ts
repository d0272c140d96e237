// The audit trail (admin): filtered entries, a CSV download, and the chain check.
import type { AppContext } from '../app.ts';
import type { RouteDef } from './registry.ts';
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
      summary: 'Audit trail entries, newest first, filtered by user, event, route and dates',
      handler: async (req, res) => {
        const filter = auditFilterFromQuery(req.query as Record<string, unknown>);
        await audit.flush();
        res.json({ entries: await searchAudit(ctx.db, filter) });
      },
    },
    {
      method: 'get',
      path: '/api/audit.csv',
      access: 'admin',
      summary: 'Audit trail entries as CSV',
      handler: async (req, res) => {
        const filter = auditFilterFromQuery(req.query as Record<string, unknown>);
        await audit.flush();
        const csv = auditCsv(await searchAudit(ctx.db, filter));
        res.set('Content-Type', 'text/csv; charset=utf-8');
        res.set('Content-Disposition', 'attachment; filename="audit.csv"');
        res.send(csv);
      },
    },
    {
      method: 'get',
      path: '/api/audit/verify',
      access: 'admin',
      summary: 'Recomputes the hash chain of the audit trail',
      handler: async (_req, res) => {
        res.json(await verifyAudit(ctx.db));
      },
    },
  ];
}
