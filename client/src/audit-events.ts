// The events of the audit trail: written by the server (server/audit/log.ts),
// offered as a filter on the Audit page. `audit` records an administrator
// accepting the trail as it stands after a mismatch (npm run audit -- accept).
export const AUDIT_EVENTS = ['login', 'login_failed', 'logout', 'request', 'denied', 'export', 'import', 'account', 'audit'] as const;

export type AuditEventName = (typeof AUDIT_EVENTS)[number];
