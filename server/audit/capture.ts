// Records one audit entry per data request, after the answer has been sent:
// who, route, parameters, status, rows returned (from the JSON answer) and, for
// a file (an answer that is not JSON), the SHA-256 of its bytes. A route may
// name its event and add details through res.locals.audit; an answer sent as
// JSON text (server/cache.ts) gives its row count in res.locals.rowsReturned.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { RouteDef } from '../routes/registry.ts';
import type { Session } from '../auth/sessions.ts';
import type { AuditEvent, AuditLog } from './log.ts';

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
      v.forEach(walk);
    } else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
    else if (typeof v === 'number') figures++;
  };
  walk(payload);
  return rows || figures;
}

/** A file: an answer that is not plain JSON (GeoJSON and downloads included). */
function isFileAnswer(res: Response): boolean {
  const type = String(res.get('Content-Type') ?? '');
  return res.statusCode < 400 && (!type.includes('json') || type.includes('geo+json') || Boolean(res.get('Content-Disposition')));
}

function eventOf(req: Request, res: Response, isFile: boolean): AuditEvent['event'] {
  const note = res.locals.audit as AuditNote | undefined;
  if (note?.event) return note.event;
  if (res.statusCode === 401 || res.statusCode === 403) return 'denied';
  if (isFile) return 'export';
  if (req.method === 'POST' && req.path.startsWith('/api/imports')) return 'import';
  return 'request';
}

export function auditCapture(audit: AuditLog, def: RouteDef): RequestHandler {
  return (req, res, next) => {
    let rowsReturned: number | null = null;
    const hash = createHash('sha256');
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      rowsReturned = rowsIn(body);
      return json(body);
    };
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => Response;
    // Only a file's bytes are hashed (a JSON answer's rows are counted instead); headers are set before the first byte.
    let hashing: boolean | null = null;
    const take = (chunk: unknown, enc: unknown) => {
      hashing ??= isFileAnswer(res);
      if (!hashing) return;
      if (typeof chunk === 'string') hash.update(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8');
      else if (chunk instanceof Uint8Array) hash.update(chunk);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      take(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') take(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    res.on('finish', () => {
      const isFile = isFileAnswer(res);
      const session = res.locals.session as Session | undefined;
      audit.record({
        event: eventOf(req, res, isFile),
        username: session?.username ?? null,
        role: session?.role ?? null,
        address: req.ip ?? null,
        method: req.method,
        route: def.path,
        params: { ...(req.params as Record<string, unknown>), ...(req.query as Record<string, unknown>) },
        status: res.statusCode,
        rowsReturned: isFile ? null : typeof res.locals.rowsReturned === 'number' ? res.locals.rowsReturned : rowsReturned,
        fileHash: isFile ? hash.digest('hex') : null,
        details: (res.locals.audit as AuditNote | undefined)?.details ?? null,
      });
    });
    next();
  };
}
