// The audit trail: what is recorded, who can read it, and the hash chain
// detecting a removed or altered entry.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { auditLogFor, readAudit, verifyAudit } from '../server/audit/log.ts';
import { verifyChain } from '../server/audit/chain.ts';
import { rowsIn } from '../server/audit/capture.ts';

let admin: TestServer;
let viewer: TestServer;
beforeAll(async () => {
  admin = await startTestServer({ role: 'admin' });
  viewer = await startTestServer({ role: 'viewer', db: admin.db });
});
afterAll(async () => {
  await viewer.close();
  await admin.close();
});

describe('audit trail', () => {
  it("shows a viewer's requests to an admin, and never to the viewer", async () => {
    const data = await viewer.get('/api/hotspots/wards?from=2024-04-01&to=2025-03-31');
    expect(data.status).toBe(200);
    await viewer.get('/api/users');
    expect((await viewer.get('/api/audit')).status).toBe(403);
    const { status, body } = await admin.get(`/api/audit?username=${viewer.session!.user}`);
    expect(status).toBe(200);
    const entries = body.entries as Record<string, unknown>[];
    const byRoute = (route: string) => entries.filter((e) => e.route === route);
    expect(byRoute('/api/hotspots/wards')[0]).toMatchObject({
      event: 'request',
      role: 'viewer',
      method: 'GET',
      status: 200,
      params: JSON.stringify({ from: '2024-04-01', to: '2025-03-31' }),
      rows_returned: rowsIn(data.body),
    });
    expect(byRoute('/api/users')[0]).toMatchObject({ event: 'denied', status: 403 });
    expect(byRoute('/api/audit')[0]).toMatchObject({ event: 'denied', status: 403 });
    expect(byRoute('/api/session')[0]).toMatchObject({ event: 'login', status: 200 });
  });

  it('records failed sign-ins and account changes', async () => {
    await admin.fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: '' }, body: JSON.stringify({ username: 'ghost', password: 'not a password' }) });
    const add = await admin.fetch('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'frank', role: 'partner' }) });
    expect(add.status).toBe(201);
    const { body } = await admin.get('/api/audit?event=account');
    expect(body.entries[0]).toMatchObject({ username: admin.session!.user, route: '/api/users', status: 201 });
    expect(JSON.parse(body.entries[0].details)).toEqual({ action: 'add', user: 'frank', role: 'partner' });
    expect(JSON.stringify(body.entries)).not.toContain('password":"');
    const failed = (await admin.get('/api/audit?event=login_failed&username=ghost')).body.entries;
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0].details)).toEqual({ reason: 'unknown user' });
  });

  it('records the SHA-256 of an exported file, and exports the trail as CSV', async () => {
    const r = await admin.fetch('/api/audit.csv?event=login');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.toString().split('\r\n')[0]).toBe('seq,logged_at,username,role,address,event,method,route,params,status,rows_returned,file_hash,details,prev_hash,hash');
    await auditLogFor(admin.db).flush();
    const last = (await readAudit(admin.db)).at(-1)!;
    expect(last).toMatchObject({ event: 'export', route: '/api/audit.csv', file_hash: createHash('sha256').update(bytes).digest('hex') });
  });

  it('chains entries so that an altered or removed entry is detected', async () => {
    const good = await verifyAudit(admin.db);
    expect(good.ok).toBe(true);
    const rows = await readAudit(admin.db);
    expect(rows.length).toBeGreaterThan(8);
    // Keyed: another key does not reproduce the chain.
    expect(verifyChain(rows, { key: randomBytes(32), keyedFrom: 1, recorded: null })).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/keyed hash/) });
    // Tampering in the database itself.
    await admin.db.all("UPDATE audit_log SET username = 'someone-else' WHERE seq = 3");
    expect(await verifyAudit(admin.db)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/altered/) });
  });
});
