// Answers of data routes are kept per data version: the second request is
// served from the cache with the same figures, and an import (which bumps the
// version) makes the next request compute the new figures.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { responseCacheFor, ResponseCache } from '../server/cache.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const ACCEPTANCE = fileURLToPath(new URL('../../shared/acceptance/extracts', import.meta.url));
const DEMO = fileURLToPath(new URL('../data-samples/', import.meta.url));
const Q = '/api/measures?from=2024-04-01&to=2025-03-31';

describe('ResponseCache', () => {
  it('evicts the least recently used entry and empties itself when the version changes', () => {
    const c = new ResponseCache(2);
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
});
