// Signing in and out. POST /api/session checks the password (throttled per
// account and address, server/auth/throttle.ts), starts a session and sets its
// cookie; GET answers who is signed in with the CSRF token the client sends on
// state-changing requests; DELETE signs out. Every sign-in, failed or not, is
// audited.
import type { Request, Response } from 'express';
import type { AppContext } from '../app.ts';
import { Reply, served, type RouteDef } from './registry.ts';
import { badRequest } from '../errors.ts';
import { findUser } from '../auth/users.ts';
import { dummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.ts';
import { securityFor } from '../auth/security.ts';
import { clearedSessionCookie, parseCookies, sessionCookie, SESSION_COOKIE, type Session } from '../auth/sessions.ts';

function sessionBody(s: Session, idleMinutes: number) {
  return { user: s.username, role: s.role, csrfToken: s.csrfToken, idleMinutes };
}

function credential(body: unknown, name: 'username' | 'password'): string {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof v !== 'string' || v === '') throw badRequest(`Give a ${name}.`, name);
  // The password's bound is the one it was set with (server/auth/users.ts); a username is far shorter.
  if (v.length > MAX_PASSWORD_LENGTH) throw badRequest(`A ${name} has at most ${MAX_PASSWORD_LENGTH} characters.`, name);
  return v;
}

export function sessionRoutes(ctx: AppContext): RouteDef[] {
  const { sessions, throttle, audit } = securityFor(ctx);
  const idle = ctx.config.sessionIdleMinutes;

  async function signIn(req: Request, res: Response): Promise<unknown> {
    const username = credential(req.body, 'username').trim().toLowerCase();
    const password = credential(req.body, 'password');
    const address = req.ip ?? '';
    const base = { username, address, method: 'POST', route: '/api/session' };
    // The attempt is reserved before any await, so simultaneous guesses share one budget.
    const attempt = throttle.attempt(username, address);
    if (!attempt.ok) {
      const seconds = Math.ceil(attempt.waitMs / 1000);
      audit.record({ ...base, event: 'login_failed', status: 429, details: { reason: 'throttled' } });
      res.set('Retry-After', String(seconds));
      return new Reply(429, { error: 'Too many failed sign-ins. Wait a moment and try again.', retryAfterSeconds: seconds });
    }
    let user: Awaited<ReturnType<typeof findUser>>;
    let ok: boolean;
    try {
      user = await findUser(ctx.db, username);
      ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password);
    } catch (e) {
      attempt.ticket.cancel();
      throw e;
    }
    if (!user || !ok || user.disabled) {
      attempt.ticket.fail();
      const reason = !user ? 'unknown user' : !ok ? 'wrong password' : 'account disabled';
      audit.record({ ...base, event: 'login_failed', status: 401, details: { reason } });
      return new Reply(401, { error: 'Wrong username or password, or the account is disabled.' });
    }
    attempt.ticket.succeed();
    sessions.destroy(parseCookies(req.get('cookie'))[SESSION_COOKIE]);
    const { token, session } = sessions.create(user.username, user.role);
    audit.record({ ...base, role: user.role, event: 'login', status: 200 });
    res.set('Set-Cookie', sessionCookie(token, req.secure));
    return sessionBody(session, idle);
  }

  return [
    {
      method: 'get',
      path: '/api/session',
      access: 'public',
      params: {},
      summary: 'Who is signed in (user null when nobody is), with the CSRF token for state-changing requests',
      handler: (_req, res) => {
        const s = served(res).session;
        // 200 with user null when signed out: asking "who am I?" is not an error, and
        // the browser would log a 401 as a console error on every signed-out page.
        return s ? sessionBody(s, idle) : { user: null };
      },
    },
    { method: 'post', path: '/api/session', access: 'public', params: {}, summary: 'Sign in', handler: signIn },
    {
      method: 'delete',
      path: '/api/session',
      access: 'public',
      params: {},
      summary: 'Sign out',
      handler: (req, res) => {
        const s = served(res).session;
        if (s) {
          sessions.destroy(parseCookies(req.get('cookie'))[SESSION_COOKIE]);
          audit.record({ event: 'logout', username: s.username, role: s.role, address: req.ip ?? null, method: 'DELETE', route: '/api/session', status: 204 });
        }
        res.set('Set-Cookie', clearedSessionCookie(req.secure));
        return new Reply(204);
      },
    },
  ];
}
