// Answers of data routes are kept per data version: the second request is
// served from the cache with the same figures, and an import (which bumps the
// version) makes the next request compute the new figures.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { responseCacheFor, ResponseCache } from '../server/cache.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { addUser } from '../server/auth/users.ts';
import { auditLogFor } from '../server/audit/log.ts';
import { fixturePath } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/extracts');
const DEMO = fileURLToPath(new URL('../data-samples/', import.meta.url));
const Q = '/api/measures?from=2024-04-01&to=2025-03-31';

describe('ResponseCache', () => {
  it('evicts the least recently used entry and empties itself when the version changes', () => {
    const c = new ResponseCache({ entries: 2 });
    c.set(1, 'a', 1);
    c.set(1, 'b', 2);
    expect(c.get(1, 'a')).toBe(1);
    c.set(1, 'c', 3);
    expect(c.get(1, 'b')).toBeUndefined();
    expect(c.get(1, 'a')).toBe(1);
    expect(c.get(2, 'a')).toBeUndefined();
    c.set(2, 'd', 4);
    expect(c.size).toBe(1);
  });
});

describe('ResponseCache bounded in bytes', () => {
  it('evicts the least recently used answers past its bytes, and keeps no answer larger than them', () => {
    const c = new ResponseCache({ bytes: 100 });
    c.set(1, 'a', 'A', 40);
    c.set(1, 'b', 'B', 40);
    expect(c.get(1, 'a')).toBe('A');
    c.set(1, 'c', 'C', 40);
    expect(c.get(1, 'b')).toBeUndefined();
    expect(c.bytes).toBe(80);
    c.set(1, 'd', 'D', 101);
    expect(c.get(1, 'd')).toBeUndefined();
    expect(c.bytes).toBe(80);
    c.set(2, 'e', 'E', 10);
    expect(c.bytes).toBe(10);
  });
});

describe('data routes answered from the cache', () => {
  let server: TestServer;

  beforeAll(async () => {
    const db = await Database.open(':memory:');
    expect((await importFolder(db, ACCEPTANCE, { source: 'cli' })).ok).toBe(true);
    server = await startTestServer({ db });
  });

  afterAll(async () => {
    await server.close();
    server.db.close();
  });

  it('serves the same figures from the cache, and new figures after an import', async () => {
    const cache = responseCacheFor(server.db);
    const first = await server.get(Q);
    const hits = cache.hits;
    const again = await server.get(Q);
    expect(again).toEqual(first);
    expect(cache.hits).toBe(hits + 1);
    // The same query with its parameters in another order is the same answer.
    await server.get('/api/measures?to=2025-03-31&from=2024-04-01');
    expect(cache.hits).toBe(hits + 2);

    expect((await importFolder(server.db, DEMO, { source: 'cli' })).ok).toBe(true);
    const after = await server.get(Q);
    expect(after.status).toBe(200);
    expect(after.body.measures.cases_referred).not.toBe(first.body.measures.cases_referred);
    const direct = await server.get(`${Q}&repeat_min=3`);
    expect(direct.body.measures.cases_referred).toBe(after.body.measures.cases_referred);
  });

  it('keeps suppression for a viewer served from the analyst-warmed cache, ', async () => {
    const path = '/api/breakdowns/victims/age_band?from=2024-04-01&to=2025-03-31';
    const analyst = await server.fetch(path);
    const analystBody = (await analyst.json()) as { rows: { count: number | null }[] };
    expect(analystBody.rows.some((r) => typeof r.count === 'number' && r.count >= 1 && r.count <= 5)).toBe(true);
    expect((await server.fetch(path)).headers.get('content-type')).toBe('application/json; charset=utf-8');

    const { username, password } = await addUser(server.db, 'cache-viewer', 'viewer');
    const viewer = await server.signIn(username, password);
    for (let i = 0; i < 2; i++) {
      const r = await fetch(server.url + path, { headers: { Cookie: viewer.cookie } });
      const body = (await r.json()) as { rows: { count: number | null; suppressed?: boolean }[] };
      expect(body.rows.some((row) => typeof row.count === 'number' && row.count >= 1 && row.count <= 5)).toBe(false);
      expect(body.rows.some((row) => row.suppressed === true)).toBe(true);
    }

    // The audit entry of an answer sent from the cache counts its rows as for a fresh one.
    await auditLogFor(server.db).flush();
    const logged = await server.db.all(
      `SELECT rows_returned FROM audit_log WHERE route = '/api/breakdowns/:subject/:dimension' AND status = 200 AND role = 'analyst' ORDER BY seq`,
    );
    expect(logged.length).toBe(2);
    for (const entry of logged) expect(Number(entry.rows_returned)).toBe(analystBody.rows.length);
  });
});
