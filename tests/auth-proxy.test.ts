// Serving a team behind a TLS reverse proxy (TRUST_PROXY), over real HTTP with
// the headers such a proxy sends (X-Forwarded-Proto/-Host/-For): sign-in and
// other POSTs pass the Origin check, the cookie is Secure, HSTS is sent, and
// the client's address is the one audited and throttled. Without TRUST_PROXY
// the same headers are not believed. HOST defaults to loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { addUser } from '../server/auth/users.ts';
import { configFromEnv, trustProxyFrom } from '../server/config.ts';
import { auditLogFor, readAudit } from '../server/audit/log.ts';

const SITE = 'https://profiler.example.org';
const PROXIED = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'profiler.example.org', 'X-Forwarded-For': '192.0.2.44', Origin: SITE };

let proxied: TestServer;
let direct: TestServer;
beforeAll(async () => {
  proxied = await startTestServer({ role: null, config: { trustProxy: trustProxyFrom('loopback') } });
  direct = await startTestServer({ role: null, db: proxied.db });
  await addUser(proxied.db, 'tess', 'admin', 'tess has a long password');
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

const signIn = (s: TestServer, headers: Record<string, string>) =>
  s.fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username: 'tess', password: 'tess has a long password' }) });

describe('behind a TLS reverse proxy (TRUST_PROXY)', () => {
  it('signs in from the public origin with a Secure cookie and HSTS, and accepts signed-in POSTs', async () => {
    const r = await signIn(proxied, PROXIED);
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/; Secure/);
    expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const { csrfToken } = (await r.json()) as { csrfToken: string };
    const add = await proxied.fetch('/api/users', {
      method: 'POST',
      headers: { ...PROXIED, 'Content-Type': 'application/json', Cookie: cookie.split(';')[0], 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ username: 'uma', role: 'viewer' }),
    });
    expect(add.status).toBe(201);
    await auditLogFor(proxied.db).flush();
    const entries = await readAudit(proxied.db);
    expect(entries.find((e) => e.event === 'login' && e.username === 'tess')?.address).toBe('192.0.2.44');
    expect(entries.find((e) => e.event === 'account' && e.username === 'tess')?.address).toBe('192.0.2.44');
  });

  it('still refuses a POST from another origin', async () => {
    expect((await signIn(proxied, { ...PROXIED, Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('accepts an explicit default port in the forwarded host', async () => {
    expect((await signIn(proxied, { ...PROXIED, 'X-Forwarded-Host': 'profiler.example.org:443' })).status).toBe(200);
  });
});

describe('without TRUST_PROXY', () => {
  it('does not believe forwarded headers: the public origin is cross-site, and no Secure cookie or HSTS on plain HTTP', async () => {
    expect((await signIn(direct, PROXIED)).status).toBe(403);
    const plain = await signIn(direct, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '192.0.2.99' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    await auditLogFor(direct.db).flush();
    expect((await readAudit(direct.db)).at(-1)?.address).toBe('127.0.0.1');
  });
});

describe('configuration', () => {
  it('listens on loopback unless HOST says otherwise, and trusts no proxy unless TRUST_PROXY says so', () => {
    expect(configFromEnv({}).host).toBe('127.0.0.1');
    expect(configFromEnv({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(['', 'false', '0'].map(trustProxyFrom)).toEqual([false, false, false]);
    // 'true' means the one proxy in front, never every address a client could put in X-Forwarded-For.
    expect(trustProxyFrom('true')).toBe(1);
    expect(trustProxyFrom('2')).toBe(2);
    expect(trustProxyFrom('loopback')).toBe('loopback');
    expect(trustProxyFrom('10.0.0.0/8, 192.168.1.5')).toBe('10.0.0.0/8, 192.168.1.5');
  });
});
