// Account rules: the password bounds are the same when set and at sign-in,
// the last enabled admin cannot be disabled, and every change is committed
// with its audit entry (present as soon as the answer arrives, no flush).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { addUser, findUser, setDisabled } from '../server/auth/users.ts';
import { MAX_PASSWORD_LENGTH } from '../server/auth/passwords.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ role: 'admin' });
});
afterAll(() => s.close());

const post = (path: string, body: unknown) => s.fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const login = (username: string, password: string) => fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
const accountEntries = () => s.db.all("SELECT username, route, status, details FROM audit_log WHERE event = 'account' ORDER BY seq");

describe('password length', () => {
  it('refuses to set a password that sign-in would refuse, and accepts the longest sign-in takes', async () => {
    const tooLong = 'x'.repeat(MAX_PASSWORD_LENGTH + 1);
    expect(MAX_PASSWORD_LENGTH).toBe(256);
    const r = await post('/api/users', { username: 'lena', role: 'viewer', password: tooLong });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ parameter: 'password' });
    await expect(addUser(s.db, 'lena', 'viewer', tooLong)).rejects.toThrow(/10 to 256 characters/);
    expect((await login('lena', tooLong)).status).toBe(400);

    const longest = 'y'.repeat(MAX_PASSWORD_LENGTH);
    expect((await post('/api/users', { username: 'lena', role: 'viewer', password: longest })).status).toBe(201);
    expect((await login('lena', longest)).status).toBe(200);
    expect((await post('/api/users/lena/reset-password', { password: tooLong })).status).toBe(400);
  });
});

describe('the last admin', () => {
  it('cannot be disabled, through the API or the CLI functions; another admin can be', async () => {
    const me = s.session!.user;
    const before = (await accountEntries()).length;
    const r = await post(`/api/users/${me}/disable`, {});
    expect(r.status).toBe(409);
    expect((await r.json()).error).toMatch(/last enabled admin/);
    expect((await findUser(s.db, me))?.disabled).toBe(false);
    await expect(setDisabled(s.db, me, true)).rejects.toThrow(/last enabled admin/);
    // Refused changes leave no account entry.
    expect(await accountEntries()).toHaveLength(before);

    await addUser(s.db, 'second-admin', 'admin', 'a second long password');
    expect((await post(`/api/users/second-admin/disable`, {})).status).toBe(200);
    expect((await post(`/api/users/${me}/disable`, {})).status).toBe(409);
    expect((await post(`/api/users/second-admin/enable`, {})).status).toBe(200);
  });
});

describe('account changes', () => {
  it('are committed with their audit entry, present when the answer arrives', async () => {
    const r = await post('/api/users', { username: 'omar', role: 'partner' });
    expect(r.status).toBe(201);
    // No flush: the entry was written in the change's transaction.
    const last = (await accountEntries()).at(-1)!;
    expect(last).toMatchObject({ username: s.session!.user, route: '/api/users', status: 201 });
    expect(JSON.parse(String(last.details))).toEqual({ action: 'add', user: 'omar', role: 'partner' });
  });
});
