// Every API route is declared here through `defineRoute`, with the access it
// needs, so that access control (server/auth) and the route-enumeration test
// see every route, including those added later.
import type { Request, Response, Router, RequestHandler } from 'express';
import type { Database } from '../db.ts';
import { cachedHandler } from '../cache.ts';

/**
 * - public: no session needed (health only).
 * - aggregate: counts and percentages (analyst, viewer; suppressed for viewer).
 * - records: pseudonymous record lists and the network (analyst only).
 * - shared: hotspot maps and shared exports (analyst, viewer, partner; suppressed for viewer and partner).
 * - admin: users, imports, audit (admin only).
 */
export type Access = 'public' | 'aggregate' | 'records' | 'shared' | 'admin';
export type Method = 'get' | 'post' | 'put' | 'delete';

export interface RouteDef {
  method: Method;
  path: string;
  access: Access;
  /** Short description for the methodology appendix and audit. */
  summary: string;
  handler: (req: Request, res: Response) => Promise<void> | void;
  /** 'data': the JSON answer depends only on the data held and the path and query, so it is kept per data version (server/cache.ts). */
  cache?: 'data';
}

/** Middleware placed in front of every route handler (access control, audit). Set by server/app.ts. */
export type Guard = (def: RouteDef) => RequestHandler[];

export function mountRoutes(router: Router, defs: RouteDef[], guard: Guard, db?: Database): void {
  for (const def of defs) {
    const handler = def.cache === 'data' && def.method === 'get' && db ? cachedHandler(db, def.handler) : def.handler;
    const wrapped: RequestHandler = async (req, res, next) => {
      try {
        await handler(req, res);
      } catch (e) {
        next(e);
      }
    };
    router[def.method](def.path, ...guard(def), wrapped);
  }
}
