// Every API route is declared here through `defineRoute`, with the access it
// needs, so that access control (server/auth) and the route-enumeration test
// see every route, including those added later.
import type { Request, Response, Router, RequestHandler } from 'express';

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
}

export const routes: RouteDef[] = [];

/** Middleware placed in front of every route handler (access control, audit). Set by server/app.ts. */
export type Guard = (def: RouteDef) => RequestHandler[];

export function mountRoutes(router: Router, defs: RouteDef[], guard: Guard): void {
  for (const def of defs) {
    const wrapped: RequestHandler = async (req, res, next) => {
      try {
        await def.handler(req, res);
      } catch (e) {
        next(e);
      }
    };
    router[def.method](def.path, ...guard(def), wrapped);
  }
}
