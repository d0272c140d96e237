// Accounts, sessions, throttling and the hardening of state-changing requests, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { addUser, findUser } from '../server/auth/users.ts';
import { SessionStore } from '../server/auth/sessions.ts';
import { ensureFirstAdmin } from '../server/auth/first-start.ts';
import { Database } from '../server/db.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ role: null });
  await addUser(s.db, 'alice', 'viewer', 'correct horse battery');
  await addUser(s.db, 'bob', 'analyst', 'another long password');
});
afterAll(() => s.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  s.fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });

describe('sign-in', () => {
  it('stores argon2id hashes', async () => {
    expect((await findUser(s.db, 'alice'))?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('sets an HttpOnly SameSite=Strict cookie and answers the role and CSRF token', async () => {
    const r = await login('Alice', 'correct horse battery');
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({ user: 'alice', role: 'viewer', idleMinutes: 30 });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pp_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const me = await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie.split(';')[0] } });
    expect(await me.json()).toMatchObject({ user: 'alice', role: 'viewer', csrfToken: body.csrfToken });
  });

  it('answers 401 to a wrong password and an unknown user alike', async () => {
    expect((await login('bob', 'wrong password!')).status).toBe(401);
    expect((await login('nobody', 'wrong password!')).status).toBe(401);
    expect((await login('bob', 'another long password')).status).toBe(200); // resets bob's failures
  });

  it('answers 400 without credentials and 413 to an oversized body', async () => {
    expect((await s.fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(400);
    const big = await login('bob', 'x'.repeat(200_000));
    expect(big.status).toBe(413);
    expect(await big.text()).not.toMatch(/at |node_modules/);
  });

  it('signs out', async () => {
    const r = await login('bob', 'another long password');
    const { csrfToken } = await r.json();
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } });
    expect(out.status).toBe(204);
    const after = await fetch(`${s.url}/api/session`, { headers: { Cookie: cookie } });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ user: null });
    expect((await fetch(`${s.url}/api/measures?from=2024-04-01&to=2025-03-31`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('refuses a disabled account', async () => {
    await addUser(s.db, 'carol', 'analyst', 'a long enough password');
    await s.db.named('auth#set_disabled', { username: 'carol', disabled: true });
    expect((await login('carol', 'a long enough password')).status).toBe(401);
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After after 5 failures for an account, even to the right password', async () => {
    await addUser(s.db, 'dave', 'analyst', 'dave has a long password');
    for (let i = 0; i < 5; i++) expect((await login('dave', `wrong ${i} password`)).status).toBe(401);
    const r = await login('dave', 'dave has a long password');
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

});

describe('sessions', () => {
  it('expire after the idle timeout, and stay alive while used', () => {
    let now = 0;
    const store = new SessionStore(30, () => now);
    const { token } = store.create('u', 'analyst');
    now = 29 * 60_000;
    expect(store.touch(token)).not.toBeNull();
    now += 29 * 60_000;
    expect(store.touch(token)).not.toBeNull();
    now += 31 * 60_000;
    expect(store.touch(token)).toBeNull();
  });
  it('are revoked with their user', () => {
    const store = new SessionStore(30);
    const { token } = store.create('u', 'analyst');
    store.revokeUser('u');
    expect(store.touch(token)).toBeNull();
  });
});

describe('hardening', () => {
  it('refuses a cross-site POST with 403, signed in or not', async () => {
    expect((await login('bob', 'another long password', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await login('bob', 'another long password', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    const admin = await startTestServer({ role: 'admin', db: s.db });
    const r = await admin.fetch('/api/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'mallory', role: 'admin' }),
    });
    expect(r.status).toBe(403);
    expect(await findUser(s.db, 'mallory')).toBeNull();
    await admin.close();
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const admin = await startTestServer({ role: 'admin', db: s.db });
    const body = JSON.stringify({ username: 'eve', role: 'viewer' });
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': 'not-the-token' };
    expect((await admin.fetch('/api/users', { method: 'POST', headers, body })).status).toBe(403);
    const ok = await admin.fetch('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(ok.status).toBe(201);
    expect((await ok.json()).password).toHaveLength(20);
    await admin.close();
  });

  it('sends the security headers', async () => {
    const r = await s.fetch('/api/health');
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('first start', () => {
  it('creates admin with a random password printed once, and only when there is no account', async () => {
    const db = await Database.open(':memory:');
    const lines: string[] = [];
    await ensureFirstAdmin(db, (l) => lines.push(l));
    const password = /password (\S+)$/.exec(lines[0])?.[1] ?? '';
    expect(password).toHaveLength(20);
    expect((await findUser(db, 'admin'))?.role).toBe('admin');
    await ensureFirstAdmin(db, (l) => lines.push(l));
    expect(lines).toHaveLength(2);
    db.close();
  });
});
