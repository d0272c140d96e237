// The guard placed in front of every route (server/app.ts): one chain per
// RouteDef, built from its declared access, so a new route is covered without
// doing anything:
// 1. a state-changing request from a foreign Origin → 403;
// 2. the session cookie is looked up (idle timer restarted);
// 3. any access but `public` without a session → 401, with a role not granted
//    that access (roles.ts) → 403; a state-changing request of a signed-in user
//    without the session's CSRF token → 403 (sign-in itself excepted: it has no
//    token yet and relies on the Origin check and SameSite=Strict);
// 4. every non-public request is written to the audit trail after the answer;
// 5. aggregate and shared answers to viewer and partner are suppressed.
import type { RequestHandler } from 'express';
import type { AppContext } from '../app.ts';
import type { Guard, RouteDef } from '../routes/registry.ts';
import { auditCapture } from '../audit/capture.ts';
import { csrfTokenMatches, fromSameOrigin, isStateChanging } from './csrf.ts';
import { isSuppressed, mayAccess } from './roles.ts';
import { parseCookies, SESSION_COOKIE, type Session } from './sessions.ts';
import { securityFor } from './security.ts';
import { suppressedResponses } from './suppressed-responses.ts';

/** Routes a state-changing request may reach without a CSRF token. */
const CSRF_EXEMPT = new Set(['post /api/session']);

export function authGuard(ctx: AppContext): Guard {
  const security = securityFor(ctx);
  return (def: RouteDef) => {
    const check: RequestHandler = (req, res, next) => {
      const changing = isStateChanging(req.method);
      if (changing && !fromSameOrigin(req)) {
        res.status(403).json({ error: 'Cross-site requests are refused.' });
        return;
      }
      const session = security.sessions.touch(parseCookies(req.get('cookie'))[SESSION_COOKIE]);
      if (session) res.locals.session = session;
      if (def.access !== 'public') {
        if (!session) {
          res.status(401).json({ error: 'Please sign in.' });
          return;
        }
        if (!mayAccess(session.role, def.access)) {
          res.status(403).json({ error: 'Your role does not give access to this.' });
          return;
        }
      }
      if (changing && session && !CSRF_EXEMPT.has(`${def.method} ${def.path}`) && !csrfTokenMatches(req, session.csrfToken)) {
        res.status(403).json({ error: 'The request is missing its security token. Reload the page and try again.' });
        return;
      }
      next();
    };
    if (def.access === 'public') return [check];
    const chain: RequestHandler[] = [auditCapture(security.audit, def), check];
    if (def.access === 'aggregate' || def.access === 'shared') {
      const suppress = suppressedResponses(def, ctx.config.suppressionThreshold);
      chain.push((req, res, next) => {
        const s = res.locals.session as Session | undefined;
        if (s && isSuppressed(s.role)) suppress(req, res, next);
        else next();
      });
    }
    return chain;
  };
}
