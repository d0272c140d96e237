// The audit entry of one answer (server/routes/registry.ts records it before
// the answer is sent): who, route, parameters, status, rows returned (from the
// JSON answer) and, for a file, the SHA-256 of its bytes. A route may name its
// event and add details through its AuditNote (res.locals.served.audit).
import type { Request } from 'express';
import type { Session } from '../auth/sessions.ts';
import type { AuditEvent } from './log.ts';

export interface AuditNote {
  event?: AuditEvent['event'];
  details?: Record<string, unknown>;
}

/** Rows in a JSON answer: elements of arrays of objects, or else its numeric figures. */
export function rowsIn(payload: unknown): number {
  let rows = 0;
  let figures = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (v.some((x) => typeof x === 'object' && x !== null)) rows += v.length;
      for (const x of v) walk(x);
    } else if (typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) walk(x);
    } else if (typeof v === 'number') figures++;
  };
  walk(payload);
  return rows || figures;
}

export interface Answered {
  req: Request;
  route: string;
  session: Session | null;
  status: number;
  rowsReturned: number | null;
  /** SHA-256 of a file answer; null for JSON. */
  fileHash: string | null;
  note: AuditNote;
}

function eventOf(a: Answered): AuditEvent['event'] {
  if (a.note.event) return a.note.event;
  if (a.status === 401 || a.status === 403) return 'denied';
  if (a.fileHash !== null) return 'export';
  if (a.req.method === 'POST' && a.req.path.startsWith('/api/imports')) return 'import';
  return 'request';
}

export function auditEvent(a: Answered): AuditEvent {
  return {
    event: eventOf(a),
    username: a.session?.username ?? null,
    role: a.session?.role ?? null,
    address: a.req.ip ?? null,
    method: a.req.method,
    route: a.route,
    params: { ...(a.req.params as Record<string, unknown>), ...(a.req.query as Record<string, unknown>) },
    status: a.status,
    rowsReturned: a.rowsReturned,
    fileHash: a.fileHash,
    details: a.note.details ?? null,
  };
}
