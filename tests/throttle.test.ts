// Sign-in throttling: the budget is reserved before a password is checked (60
// simultaneous wrong passwords get at most 10 argon2 checks), delays per
// account are short and capped so a guesser at one address cannot keep the
// owner out from another, delays per address are the long ones, and memory is
// bounded.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import argon2 from 'argon2';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { addUser } from '../server/auth/users.ts';
import { ACCOUNT, ADDRESS, LoginThrottle, type Attempt } from '../server/auth/throttle.ts';

function ticket(a: Attempt) {
  if (!a.ok) throw new Error(`throttled for ${a.waitMs} ms`);
  return a.ticket;
}
/** How long the attempt must wait (0 = allowed; its reserved slot is then given back unused). */
function waitOf(a: Attempt): number {
  if (!a.ok) return a.waitMs;
  a.ticket.cancel();
  return 0;
}

describe('throttle (clock under test)', () => {
  it('lets through at most the free failures of an account while they are in flight', () => {
    const t = new LoginThrottle(() => 0);
    const attempts = Array.from({ length: 60 }, () => t.attempt('admin', 'attacker'));
    expect(attempts.filter((a) => a.ok)).toHaveLength(ACCOUNT.free);
    for (const a of attempts) if (a.ok) a.ticket.fail();
    expect(waitOf(t.attempt('admin', 'elsewhere'))).toBe(ACCOUNT.baseMs);
  });

  it('doubles the delay with every further failure, caps an account at a minute, and forgets after success', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < ACCOUNT.free; i++) ticket(t.attempt('u', `ip${i}`)).fail();
    const expected = [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000];
    for (const ms of expected) {
      expect(waitOf(t.attempt('u', 'other'))).toBe(ms);
      now += ms;
      ticket(t.attempt('u', `ip-${now}`)).fail();
    }
    now += 60_000;
    ticket(t.attempt('u', 'owner')).succeed();
    expect(waitOf(t.attempt('u', 'owner'))).toBe(0);
  });

  it('keeps the owner out no longer than a minute while a guesser at one address tries as fast as allowed', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    let failures = 0;
    let longestOwnerWait = 0;
    // Twelve hours of guessing from one address, each guess as soon as the throttle allows it.
    while (now < 12 * 3600_000) {
      const a = t.attempt('admin', 'attacker');
      if (a.ok) {
        a.ticket.fail();
        failures++;
        longestOwnerWait = Math.max(longestOwnerWait, waitOf(t.attempt('admin', 'owner-office')));
      } else now += a.waitMs;
    }
    expect(longestOwnerWait).toBe(ACCOUNT.maxMs);
    // The address's long delay has slowed the guesser to one try per 15 minutes.
    expect(failures).toBeLessThan(ADDRESS.free + 12 + 12 * 4 + 1);
    // The owner signs in from another address after the account's delay.
    now += waitOf(t.attempt('admin', 'owner-office'));
    ticket(t.attempt('admin', 'owner-office')).succeed();
  });

  it('throttles an address trying many accounts, not other addresses', () => {
    const t = new LoginThrottle(() => 0);
    for (let i = 0; i < ADDRESS.free; i++) ticket(t.attempt(`user${i}`, 'ip')).fail();
    expect(waitOf(t.attempt('fresh', 'ip'))).toBe(1000);
    expect(waitOf(t.attempt('fresh', 'elsewhere'))).toBe(0);
  });

  it('gives back the slot of a check that could not be made', () => {
    const t = new LoginThrottle(() => 0);
    for (let i = 0; i < 20; i++) ticket(t.attempt('u', 'ip')).cancel();
    expect(t.attempt('u', 'ip').ok).toBe(true);
  });

  it('holds a bounded number of keys', () => {
    const t = new LoginThrottle(() => 0, 1000);
    for (let i = 0; i < 5000; i++) ticket(t.attempt(`user${i}`, `10.0.${i >> 8}.${i & 255}`)).fail();
    expect(t.size).toBe(1000);
  });
});

describe('throttle over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    // Behind a proxy on loopback: X-Forwarded-For gives the client's address.
    s = await startTestServer({ role: null, config: { trustProxy: 'loopback' } });
    await addUser(s.db, 'owner', 'admin', 'the owner has a long password');
  });
  afterAll(() => s.close());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const login = (password: string, from: string) =>
    s.fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from }, body: JSON.stringify({ username: 'owner', password }) });

  it('checks at most 10 of 60 simultaneous wrong passwords; the owner signs in from another address after the delay', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
    const verify = vi.spyOn(argon2, 'verify');
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(`wrong guess number ${i}`, '203.0.113.9')));
    const statuses = answers.map((r) => r.status);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(10);
    expect(statuses.filter((x) => x === 401)).toHaveLength(verify.mock.calls.length);
    expect(statuses.filter((x) => x === 429)).toHaveLength(60 - verify.mock.calls.length);

    const early = await login('the owner has a long password', '198.51.100.7');
    expect(early.status).toBe(429);
    const retryAfter = Number(early.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(ACCOUNT.maxMs / 1000);
    vi.setSystemTime(Date.now() + retryAfter * 1000);
    const later = await login('the owner has a long password', '198.51.100.7');
    expect(later.status).toBe(200);
  });
});
