// Every API route is declared through a RouteDef, with the access it needs and
// the query parameters it reads, so that access control, the release of
// figures and the route-enumeration test see every route, including those
// added later.
//
// A handler returns its answer (a JSON value, a Reply with another status, or a
// FileReply); it never writes the response. `serve` below is the one path
// every request takes, in plain order:
//   admit (origin, session, role, CSRF) → query parameters declared? →
//   for viewer and partner, is the request on the publication grid? →
//   cache → handler → release (small numbers withheld) → audit → send.
// Nothing patches res.json and no handler is run twice for one request.
import type { Request, Response, Router } from 'express';
import { createHash } from 'node:crypto';
import type { AppContext } from '../app.ts';
import { HttpError } from '../errors.ts';
import { admit } from '../auth/guard.ts';
import { isSuppressed } from '../auth/roles.ts';
import type { Session } from '../auth/sessions.ts';
import { auditEvent, rowsIn, type AuditNote } from '../audit/capture.ts';
import { securityFor } from '../auth/security.ts';
import { cacheKey, responseCacheFor } from '../cache.ts';
import { checkPublishable } from '../suppression/publication.ts';
import { releaseAnswer, UnsuppressedError } from '../suppression/release.ts';

/**
 * - public: no session needed (health, session).
 * - aggregate: counts and percentages (analyst, viewer; released with small numbers withheld for viewer).
 * - records: pseudonymous record lists and the network (analyst only).
 * - shared: hotspot maps and shared exports (analyst, viewer, partner; withheld for viewer and partner).
 * - admin: users, imports, audit (admin only).
 */
export type Access = 'public' | 'aggregate' | 'records' | 'shared' | 'admin';
export type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * What a query parameter does, which decides what viewers and partners may
 * ask (server/suppression/publication.ts):
 * - period: `from`/`to`;
 * - filter: narrows the records counted (sex, ward, location type, …);
 * - definition: changes what is counted (repeat/long-episode thresholds);
 * - grid: the hotspot grid's cell size;
 * - baseline: where XmR limits are computed from;
 * - choice: chooses what is shown of the same records (interval, measure, level, audience, cells, group).
 */
export type ParamKind = 'period' | 'filter' | 'definition' | 'grid' | 'baseline' | 'choice';
export type Params = Readonly<Record<string, ParamKind>>;

export interface RouteDef {
  method: Method;
  path: string;
  access: Access;
  /** Short description for the methodology appendix and audit. */
  summary: string;
  /** Every query parameter the route reads; any other is refused with 400 naming it. */
  params: Params;
  /** Returns the answer: a JSON value (200), a Reply or a FileReply. Reads the session and threshold from res.locals (see `served`). */
  handler: (req: Request, res: Response) => Promise<unknown> | unknown;
  /** 'data': the answer depends only on the data held, the path and query and the threshold, so it is kept per data version (server/cache.ts). */
  cache?: 'data';
}

/** An answer with a status other than 200 (a body of undefined sends none). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
  ) {}
}

/** A file. `released`: its handler built it with small numbers withheld (required for viewer and partner). */
export class FileReply {
  constructor(
    readonly body: string,
    readonly type: string,
    readonly name: string,
    readonly released = false,
  ) {}
}

/** What the pipeline puts in res.locals for the handler. */
export interface Served {
  session: Session | null;
  /** Counts from 1 to this are withheld from this answer; null for the analyst and admin. */
  threshold: number | null;
  /** A handler may name its audit event and add details. */
  audit: AuditNote;
}

export const served = (res: Response): Served => res.locals.served as Served;

/** The threshold when the answer being built will be released to a viewer or partner; null otherwise. */
export const suppressionThreshold = (res: Response): number | null => served(res)?.threshold ?? null;

/** What leaves: a status and JSON text, or a file. */
interface Sent {
  status: number;
  text?: string;
  rows?: number | null;
  file?: FileReply;
}

const PARAM_NAME_SHOWN = 40;

/** 400 naming every query parameter the route does not declare. */
function checkDeclared(def: RouteDef, query: Record<string, unknown>): void {
  const unknown = Object.keys(query).filter((k) => !Object.hasOwn(def.params, k));
  if (unknown.length === 0) return;
  const names = unknown.map((k) => k.slice(0, PARAM_NAME_SHOWN));
  const allowed = Object.keys(def.params);
  throw new HttpError(400, `Unknown query parameter${names.length > 1 ? 's' : ''} ${names.map((n) => `'${n}'`).join(', ')}. This route takes ${allowed.length ? allowed.join(', ') : 'no parameters'}.`, {
    parameter: names[0],
    unknown: names,
    allowed,
  });
}

function errorAnswer(e: unknown): Sent {
  if (e instanceof HttpError) return { status: e.status, text: JSON.stringify({ error: e.message, ...e.details }), rows: null };
  const status = typeof (e as { status?: unknown })?.status === 'number' && (e as { status: number }).status >= 400 && (e as { status: number }).status < 500 ? (e as { status: number }).status : 500;
  if (status === 500) console.error('[error]', e);
  return { status, text: JSON.stringify({ error: status === 500 ? 'Internal error' : String((e as Error)?.message ?? 'Bad request') }), rows: null };
}

/** Runs the handler and turns its answer into what is sent, released for viewer and partner. */
async function answer(def: RouteDef, req: Request, res: Response, threshold: number | null): Promise<Sent> {
  const out = await def.handler(req, res);
  if (out instanceof FileReply) {
    if (threshold !== null && !out.released) throw new UnsuppressedError(`${def.path} sent a file not built with small numbers withheld`);
    return { status: 200, file: out };
  }
  const status = out instanceof Reply ? out.status : 200;
  let body = out instanceof Reply ? out.body : out;
  if (body === undefined) return { status };
  if (threshold !== null && status < 400) body = releaseAnswer(def.path, body, threshold);
  return { status, text: JSON.stringify(body), rows: rowsIn(body) };
}

async function serve(ctx: AppContext, def: RouteDef, req: Request, res: Response): Promise<void> {
  const query = req.query as Record<string, unknown>;
  const admission = admit(ctx, def, req);
  const session = admission.session;
  const threshold = session && isSuppressed(session.role) && (def.access === 'aggregate' || def.access === 'shared') ? ctx.config.suppressionThreshold : null;
  const note: AuditNote = {};
  res.locals.served = { session, threshold, audit: note } satisfies Served;
  let sent: Sent;
  if (admission.refused) {
    sent = { status: admission.refused.status, text: JSON.stringify({ error: admission.refused.error }), rows: null };
  } else {
    try {
      checkDeclared(def, query);
      if (threshold !== null) checkPublishable(def, query);
      const cache = def.cache === 'data' && def.method === 'get' ? responseCacheFor(ctx.db) : null;
      const version = cache ? await ctx.db.dataVersion() : 0;
      const key = cacheKey(req.path, query, threshold);
      const kept = cache?.get(version, key) as Sent | undefined;
      if (kept) sent = kept;
      else {
        sent = await answer(def, req, res, threshold);
        if (cache && sent.status === 200 && sent.text !== undefined) cache.set(version, key, sent, sent.text.length);
      }
    } catch (e) {
      if (e instanceof UnsuppressedError) {
        console.error(`[release] refused an answer of ${def.method.toUpperCase()} ${def.path}: ${e.message}`);
        sent = { status: 500, text: JSON.stringify({ error: 'This answer could not be made safe to share, so it was withheld.' }), rows: null };
      } else sent = errorAnswer(e);
    }
  }
  if (def.access !== 'public') {
    const audit = securityFor(ctx).audit;
    const entry = auditEvent({
        req,
        route: def.path,
        session,
        status: sent.status,
        rowsReturned: sent.file ? null : (sent.rows ?? null),
        fileHash: sent.file ? createHash('sha256').update(sent.file.body).digest('hex') : null,
        note,
      });
    // A file (an export) does not leave before its entry is stored; other entries are written in batches.
    if (sent.file) await audit.recordNow(entry);
    else audit.record(entry);
  }
  send(res, sent);
}

function send(res: Response, sent: Sent): void {
  res.status(sent.status);
  if (sent.file) {
    res.setHeader('Content-Type', sent.file.type);
    res.setHeader('Content-Disposition', `attachment; filename="${sent.file.name}"`);
    res.send(sent.file.body);
  } else if (sent.text !== undefined) {
    res.type('application/json');
    res.send(sent.text);
  } else res.end();
}

export function mountRoutes(router: Router, defs: RouteDef[], ctx: AppContext): void {
  for (const def of defs) {
    router[def.method](def.path, (req, res, next) => {
      serve(ctx, def, req, res).catch(next);
    });
  }
}

/** `from` and `to` (server/period.ts). */
export const PERIOD_PARAMS: Params = { from: 'period', to: 'period' };
/** The repeat-missing and long-episode thresholds (server/measures/params.ts). */
export const THRESHOLD_PARAMS: Params = { repeat_min: 'definition', repeat_days: 'definition', long_hours: 'definition' };
/** The victims page filters (server/measures/params.ts). */
export const VICTIM_FILTER_PARAMS: Params = { ward: 'filter', risk_level: 'filter', sex: 'filter', age_band: 'filter', looked_after: 'filter', cse_model: 'filter' };
/** Everything measureParamsFromQuery reads, with the period. */
export const MEASURE_PARAMS: Params = { ...PERIOD_PARAMS, ...THRESHOLD_PARAMS, ...VICTIM_FILTER_PARAMS };
