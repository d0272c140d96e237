// The security state of one running app: sessions, login throttle and the
// audit writer, shared by the guard and the session, user and audit routes.
import type { AppContext } from '../app.ts';
import { auditLogFor, type AuditLog } from '../audit/log.ts';
import { SessionStore } from './sessions.ts';
import { LoginThrottle } from './throttle.ts';

export interface Security {
  sessions: SessionStore;
  throttle: LoginThrottle;
  audit: AuditLog;
}

const states = new WeakMap<AppContext, Security>();

export function securityFor(ctx: AppContext): Security {
  let s = states.get(ctx);
  if (!s) {
    s = { sessions: new SessionStore(ctx.config.sessionIdleMinutes), throttle: new LoginThrottle(), audit: auditLogFor(ctx.db) };
    states.set(ctx, s);
  }
  return s;
}
