// Starts the real app over HTTP on an ephemeral port, against a real DuckDB,
// signed in (role `analyst` unless `role` says otherwise; `role: null` stays
// signed out): an account is created in the database and POST /api/session
// run, and the cookie and CSRF token go with every later request.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Database } from '../../server/db.ts';
import { createApp } from '../../server/app.ts';
import { configFromEnv, type Config } from '../../server/config.ts';
import { addUser } from '../../server/auth/users.ts';
import { auditLogFor } from '../../server/audit/log.ts';
import type { Role } from '../../server/auth/roles.ts';

export interface TestSession {
  user: string;
  password: string;
  role: Role;
  cookie: string;
  csrfToken: string;
}

export interface TestServer {
  url: string;
  db: Database;
  /** The signed-in account, null when started with `role: null`. */
  session: TestSession | null;
  /** GET a path, parse JSON; returns status and body. */
  get(path: string): Promise<{ status: number; body: any }>;
  /** fetch with the session cookie and CSRF token (headers given in init win). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in with these credentials and returns the session (for another role on the same server). */
  signIn(user: string, password: string): Promise<TestSession>;
  close(): Promise<void>;
}

/** Signs in over HTTP; throws unless the server answers 200. */
async function signIn(url: string, user: string, password: string): Promise<TestSession> {
  const r = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user, password }),
  });
  if (r.status !== 200) throw new Error(`Sign-in as ${user} answered ${r.status}`);
  const body = (await r.json()) as { role: Role; csrfToken: string };
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  return { user, password, role: body.role, cookie, csrfToken: body.csrfToken };
}

export async function startTestServer(opts: { db?: Database; config?: Partial<Config>; role?: Role | null } = {}): Promise<TestServer> {
  const db = opts.db ?? (await Database.open(':memory:'));
  const config = { ...configFromEnv({}), ...opts.config };
  const app = createApp({ db, config });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const role = opts.role === undefined ? 'analyst' : opts.role;
  let session: TestSession | null = null;
  if (role) {
    const { username, password } = await addUser(db, `test-${role}-${randomBytes(4).toString('hex')}`, role);
    session = await signIn(url, username, password);
  }
  const doFetch = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken } : {});
    new Headers(init.headers).forEach((v, k) => headers.set(k, v));
    return fetch(url + path, { ...init, headers });
  };
  return {
    url,
    db,
    session,
    fetch: doFetch,
    signIn: (user, password) => signIn(url, user, password),
    async get(path) {
      const r = await doFetch(path);
      const text = await r.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: r.status, body };
    },
    // The audit entries still queued are written before the caller closes the database.
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await auditLogFor(db).flush();
    },
  };
}
