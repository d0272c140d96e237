// Every registered route, enumerated from the app itself (so a route added
// later is covered): 401 without a session, and the role × route matrix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { allRoutes } from '../server/app.ts';
import { configFromEnv } from '../server/config.ts';
import { ROLES, type Role } from '../server/auth/roles.ts';
import type { Access, RouteDef } from '../server/routes/registry.ts';

/** Who may use each access level (the role definitions, written out independently of roles.ts). */
const MATRIX: Record<Access, Role[]> = {
  public: ['admin', 'analyst', 'viewer', 'partner'],
  aggregate: ['admin', 'analyst', 'viewer'],
  records: ['admin', 'analyst'],
  shared: ['admin', 'analyst', 'viewer', 'partner'],
  admin: ['admin'],
};

let anon: TestServer;
const servers = {} as Record<Role, TestServer>;
let routes: RouteDef[];

beforeAll(async () => {
  anon = await startTestServer({ role: null });
  for (const role of ROLES) servers[role] = await startTestServer({ role, db: anon.db });
  routes = allRoutes({ db: anon.db, config: configFromEnv({}) });
});
afterAll(async () => {
  for (const s of [anon, ...Object.values(servers)]) await s.close();
});

const concrete = (path: string) => path.replace(/:(\w+)/g, 'x');
const request = (s: TestServer, def: RouteDef, headers: Record<string, string> = {}) =>
  s.fetch(concrete(def.path), {
    method: def.method.toUpperCase(),
    headers: { 'Content-Type': 'application/json', ...headers },
    body: def.method === 'get' ? undefined : '{}',
  });

describe('route enumeration', () => {
  it('finds the routes of every module', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain('get /api/health');
    expect(paths).toContain('post /api/session');
    expect(paths).toContain('get /api/audit');
    expect(routes.filter((r) => r.access === 'public').map((r) => r.path).sort()).toEqual(['/api/health', '/api/session', '/api/session', '/api/session']);
  });

  it('answers 401 JSON to every non-public route without a session, and with an unknown session', async () => {
    for (const def of routes.filter((r) => r.access !== 'public')) {
      for (const headers of [{}, { Cookie: 'pp_session=forged' }] as Record<string, string>[]) {
        const r = await request(anon, def, headers);
        expect(r.status, `${def.method} ${def.path}`).toBe(401);
        expect(await r.json()).toEqual({ error: 'Please sign in.' });
      }
    }
  });

  it('keeps GET /api/health open', async () => {
    expect((await anon.get('/api/health')).status).toBe(200);
  });

  it('applies the role × route matrix to every route', async () => {
    for (const def of routes.filter((r) => r.access !== 'public')) {
      for (const role of ROLES) {
        const r = await request(servers[role], def);
        const label = `${role} ${def.method} ${def.path} (${def.access})`;
        if (MATRIX[def.access].includes(role)) expect([401, 403], label).not.toContain(r.status);
        else expect(r.status, label).toBe(403);
        await r.arrayBuffer();
      }
    }
  });
});
