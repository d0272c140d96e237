// Sessions held in memory: a random token in an HttpOnly cookie, looked up by
// its SHA-256 (so the map never holds a usable token), with an idle timeout
// and an absolute lifetime. A restart signs everyone out. The cookie is Secure
// whenever the request came over HTTPS (req.secure, which believes a TLS reverse
// proxy's X-Forwarded-Proto when TRUST_PROXY is set).
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from './roles.ts';

export const SESSION_COOKIE = 'pp_session';
const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Session {
  username: string;
  role: Role;
  csrfToken: string;
  createdAt: number;
  lastSeen: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(
    private idleMinutes: number,
    private now: () => number = Date.now,
  ) {}

  /** Starts a session; returns the cookie token and the session. */
  create(username: string, role: Role): { token: string; session: Session } {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const t = this.now();
    const session: Session = { username, role, csrfToken: randomBytes(24).toString('base64url'), createdAt: t, lastSeen: t };
    this.sessions.set(digest(token), session);
    return { token, session };
  }

  /** The live session of a token, its idle timer restarted; null when unknown or expired. */
  touch(token: string | undefined): Session | null {
    if (!token) return null;
    const key = digest(token);
    const s = this.sessions.get(key);
    if (!s) return null;
    const t = this.now();
    if (this.expired(s, t)) {
      this.sessions.delete(key);
      return null;
    }
    s.lastSeen = t;
    return s;
  }

  destroy(token: string | undefined): void {
    if (token) this.sessions.delete(digest(token));
  }

  /** Ends every session of a user (disabled, password reset). */
  revokeUser(username: string): void {
    for (const [k, s] of this.sessions) if (s.username === username) this.sessions.delete(k);
  }

  private expired(s: Session, t: number): boolean {
    return t - s.lastSeen > this.idleMinutes * 60_000 || t - s.createdAt > ABSOLUTE_LIFETIME_MS;
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, s] of this.sessions) if (this.expired(s, t)) this.sessions.delete(k);
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const k = part.slice(0, i).trim();
    try {
      out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      /* malformed cookie value: ignored */
    }
  }
  return out;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
