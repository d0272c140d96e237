// Admission of a request to a route (server/routes/registry.ts asks first):
// 1. a state-changing request from a foreign Origin → 403;
// 2. the session cookie is looked up (idle timer restarted);
// 3. any access but `public` without a session → 401, with a role not granted
//    that access (roles.ts) → 403; a state-changing request of a signed-in user
//    without the session's CSRF token → 403 (sign-in itself excepted: it has no
//    token yet and relies on the Origin check and SameSite=Strict).
// What a role may then be shown is decided by the release layer (server/suppression).
import type { Request } from 'express';
import type { AppContext } from '../app.ts';
import type { RouteDef } from '../routes/registry.ts';
import { csrfTokenMatches, fromSameOrigin, isStateChanging } from './csrf.ts';
import { mayAccess } from './roles.ts';
import { parseCookies, SESSION_COOKIE, type Session } from './sessions.ts';
import { securityFor } from './security.ts';

/** Routes a state-changing request may reach without a CSRF token. */
const CSRF_EXEMPT = new Set(['post /api/session']);

export interface Admission {
  session: Session | null;
  refused?: { status: number; error: string };
}

export function admit(ctx: AppContext, def: RouteDef, req: Request): Admission {
  const changing = isStateChanging(req.method);
  if (changing && !fromSameOrigin(req)) return { session: null, refused: { status: 403, error: 'Cross-site requests are refused.' } };
  const session = securityFor(ctx).sessions.touch(parseCookies(req.get('cookie'))[SESSION_COOKIE]) ?? null;
  if (def.access !== 'public') {
    if (!session) return { session, refused: { status: 401, error: 'Please sign in.' } };
    if (!mayAccess(session.role, def.access)) return { session, refused: { status: 403, error: 'Your role does not give access to this.' } };
  }
  if (changing && session && !CSRF_EXEMPT.has(`${def.method} ${def.path}`) && !csrfTokenMatches(req, session.csrfToken)) {
    return { session, refused: { status: 403, error: 'The request is missing its security token. Reload the page and try again.' } };
  }
  return { session };
}
