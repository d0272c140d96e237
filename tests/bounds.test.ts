// Limits on what one request may ask (issue #18): dates within 1900..2100, a
// report and a series of at most 20 years of months, a grid of at most
// MAX_GRID_CELLS cells — each refused with 400 naming the parameter and saying
// what is allowed, never a 500 or minutes of work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { loadDemoArea } from '../server/demo.ts';
import { MAX_GRID_CELLS } from '../server/hotspots/params.ts';
import { DEFAULT_DEADLINE_MS, withDeadline } from '../server/db.ts';
import { HttpError } from '../server/errors.ts';

let analyst: TestServer;
let viewer: TestServer;

beforeAll(async () => {
  analyst = await startTestServer({ role: 'analyst' });
  const loaded = await loadDemoArea(analyst.db);
  if (!loaded.ok) throw new Error('demo area did not load');
  viewer = await startTestServer({ role: 'viewer', db: analyst.db });
});
afterAll(async () => {
  await viewer.close();
  await analyst.close();
  analyst.db.close();
});

describe('dates a request may name', () => {
  const routes = ['/api/trends/cases_referred', '/api/missing/monthly', '/api/report', '/api/measures', '/api/hotspots/wards'];

  it('refuses a date past 2100 or before 1900 with 400 naming the parameter, on every dated route', async () => {
    for (const path of routes) {
      for (const [q, param] of [['from=2024-01-01&to=9999-12-31', 'to'], ['from=1000-01-01&to=2024-12-31', 'from'], ['from=2024-01-01&to=2101-01-01', 'to']]) {
        const { status, body } = await analyst.get(`${path}?${q}`);
        expect(status, `${path}?${q}`).toBe(400);
        expect(body.parameter, `${path}?${q}`).toBe(param);
        expect(body.error).toMatch(/from 1900-01-01 to 2100-12-31/);
      }
    }
  });

  it('accepts the first and last allowed dates', async () => {
    const { status } = await analyst.get('/api/measures?from=1900-01-01&to=2100-12-31');
    expect(status).toBe(200);
  });

  it('refuses a day that does not exist (30 February)', async () => {
    const { status, body } = await analyst.get('/api/measures?from=2024-02-30&to=2024-03-31');
    expect(status).toBe(400);
    expect(body.parameter).toBe('from');
  });
});

describe('length of a series and a report', () => {
  it('refuses a monthly series of more than 240 months, naming its length', async () => {
    const { status, body } = await analyst.get('/api/missing/monthly?from=2000-01-01&to=2020-01-31');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'A series has at most 240 points; 2000-01-01 to 2020-01-31 makes 241', parameter: 'from' });
    const ok = await analyst.get('/api/missing/monthly?from=2000-01-01&to=2019-12-31');
    expect(ok.status).toBe(200);
    expect(ok.body.series[0].points).toHaveLength(240);
  });

  it('refuses a report longer than 20 years and serves one of 20 years', async () => {
    const { status, body } = await analyst.get('/api/report?from=1900-01-01&to=2100-12-31&audience=analyst');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'A report covers at most 20 years; 1900-01-01 to 2100-12-31 spans 2412 months', parameter: 'from' });
    expect((await analyst.get('/api/report?from=2005-01-01&to=2025-01-01&audience=analyst')).status).toBe(400);
    const ok = await analyst.get('/api/report?from=2005-04-01&to=2025-03-31&audience=analyst');
    expect(ok.status).toBe(200);
    expect(ok.body.trends.series[0].points).toHaveLength(240);
  });
});

describe('grid cells', () => {
  const Q = '/api/hotspots/grid?from=2024-01-01&to=2024-12-31&cells=reported';

  it('refuses a cell size that makes too many cells, stating the smallest allowed, which is served', async () => {
    const { status, body } = await analyst.get(`${Q}&cell_m=10`);
    expect(status).toBe(400);
    expect(body.parameter).toBe('cell_m');
    const smallest = Number(/cell_m must be at least (\d+)$/.exec(body.error)?.[1]);
    expect(smallest).toBeGreaterThan(10);
    const [ncol, nrow] = (/gives (\d+) × (\d+) cells/.exec(body.error) ?? []).slice(1).map(Number);
    expect(ncol * nrow).toBeGreaterThan(MAX_GRID_CELLS);

    const ok = await analyst.get(`${Q}&cell_m=${smallest}`);
    expect(ok.status).toBe(200);
    expect(ok.body.ncol * ok.body.nrow).toBeLessThanOrEqual(MAX_GRID_CELLS);
    const finer = await analyst.get(`${Q}&cell_m=${smallest - 1}`);
    expect(finer.status).toBe(400);
    expect(finer.body.parameter).toBe('cell_m');
  });
});

describe('a deadline per request', () => {
  it('interrupts a query still running at the deadline and answers 503', async () => {
    const started = Date.now();
    // Minutes of work if not interrupted.
    const slow = withDeadline(200, () => analyst.db.all('SELECT sum(hash(i)) AS s FROM range(100000000000) t(i)'));
    const err = await slow.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
    // Outside a deadline the database still answers.
    expect(await analyst.db.all('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('answers a GET request past its deadline 503 with a plain message, and the next one normally', async () => {
    expect(DEFAULT_DEADLINE_MS).toBe(10_000);
    analyst.db.deadlineMs = 1;
    try {
      const { status, body } = await viewer.get('/api/report?from=2023-04-01&to=2024-03-31');
      expect(status).toBe(503);
      expect(body.error).toMatch(/^The request took longer than 0.001 s and was stopped\. Ask for a shorter period/);
    } finally {
      analyst.db.deadlineMs = DEFAULT_DEADLINE_MS;
    }
    expect((await viewer.get('/api/report?from=2023-04-01&to=2024-03-31')).status).toBe(200);
  });
});

describe('audit filters', () => {
  let admin: TestServer;
  beforeAll(async () => {
    admin = await startTestServer({ role: 'admin', db: analyst.db });
    await viewer.get('/api/measures?from=2024-04-01&to=2025-03-31');
  });
  afterAll(() => admin.close());

  it('takes to=9999-12-31 as no upper bound: every entry', async () => {
    const all = await admin.get('/api/audit');
    expect(all.status).toBe(200);
    expect(all.body.entries.length).toBeGreaterThan(0);
    const { status, body } = await admin.get('/api/audit?from=1900-01-01&to=9999-12-31');
    expect(status).toBe(200);
    // Newest first: the entries of the unfiltered answer, after the one entry that answer added (its own request).
    const seqs = (r: { entries: { seq: number }[] }) => r.entries.map((e) => e.seq);
    expect(seqs(body)).toEqual([Math.max(...seqs(all.body)) + 1, ...seqs(all.body)]);
  });

  it('refuses days that do not exist and a from after to, naming the parameter', async () => {
    for (const [q, param] of [['from=2024-02-30', 'from'], ['to=2023-02-29', 'to'], ['to=2024-13-01', 'to'], ['from=2024-02-02&to=2024-02-01', 'from']]) {
      const { status, body } = await admin.get(`/api/audit?${q}`);
      expect(status, q).toBe(400);
      expect(body.parameter, q).toBe(param);
    }
    expect((await admin.get('/api/audit?from=2024-02-29&to=2024-02-29')).status).toBe(200);
  });
});
