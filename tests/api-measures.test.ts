// The measures API over real HTTP, signed in as an analyst, on the acceptance
// data imported through the real import: figures, thresholds, victims filters,
// breakdown order, definitions, and the 400/404 answers.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { MEASURES } from '../server/measures/definitions.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { fixturePath, acceptanceExpected } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const expected = acceptanceExpected();
const FY = expected[0]; // 2024-04-01 – 2025-03-31
const Q = `from=${FY.from}&to=${FY.to}`;

let server: TestServer;
beforeAll(async () => {
  const db = await Database.open(':memory:');
  const result = await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' });
  expect(result.ok).toBe(true);
  server = await startTestServer({ db });
}, 60_000);
afterAll(async () => {
  await server.close();
  server.db.close();
});

describe('GET /api/measures', () => {
  it('answers every measure of the period', async () => {
    const { status, body } = await server.get(`/api/measures?${Q}`);
    expect(status).toBe(200);
    expect(body.period).toEqual({ from: FY.from, to: FY.to });
    expect(Object.keys(body.measures)).toEqual(MEASURES.map((m) => m.id));
    // Counts exactly, percentages to nine places (expected.json is computed independently of our SQL).
    for (const [id, want] of Object.entries(FY.measures)) {
      if (want === null || Number.isInteger(want)) expect(body.measures[id], id).toBe(want);
      else expect(body.measures[id], id).toBeCloseTo(want, 9);
    }
  });

  it('answers null for a percentage with nothing to divide by', async () => {
    const { body } = await server.get('/api/measures?from=2000-01-01&to=2000-01-31');
    expect(body.measures.cases_referred).toBe(0);
    expect(body.measures.pct_cases_male).toBeNull();
  });

  it('applies the repeat and long-episode thresholds', async () => {
    const repeat = await server.get(`/api/measures?${Q}&repeat_min=4&repeat_days=60`);
    expect(repeat.body.measures.repeat_missing_children).toBe(FY.variants.repeat_4_in_60);
    const pairs = await server.get(`/api/measures?${Q}&repeat_min=2&repeat_days=30`);
    expect(pairs.body.measures.repeat_missing_children).toBe(FY.variants.repeat_2_in_30);
    const long = await server.get(`/api/measures?${Q}&long_hours=48`);
    expect(long.body.measures.episodes_over_24h).toBe(FY.variants.episodes_over_48h);
    expect(long.body.measures.repeat_missing_children).toBe(FY.measures.repeat_missing_children);
  });

  it('applies the victims filters (codes in any case, not_recorded for blanks)', async () => {
    const girls = await server.get(`/api/measures?${Q}&sex=f`);
    expect(girls.body.measures.cases_referred).toBe(FY.breakdowns['victims/sex'].F);
    expect(girls.body.measures.pct_cases_male).toBe(0);
    expect(girls.body.measures.missing_episodes).toBe(FY.measures.missing_episodes);
    const blank = await server.get(`/api/measures?${Q}&sex=not_recorded`);
    expect(blank.body.measures.cases_referred).toBe(FY.breakdowns['victims/sex'].not_recorded);
    const adults = await server.get(`/api/measures?${Q}&age_band=${encodeURIComponent('18+')}`);
    expect(adults.body.measures.cases_referred).toBe(FY.breakdowns['victims/age_band']['18+']);
    const high = await server.get(`/api/measures?${Q}&risk_level=HIGH`);
    expect(high.body.measures.children_high_risk).toBe(FY.measures.children_high_risk);
    expect(high.body.measures.cases_referred).toBe(FY.breakdowns['victims/risk_level'].high);
  });
});

describe('GET /api/breakdowns/:subject/:dimension', () => {
  it('answers bands in band order', async () => {
    const { status, body } = await server.get(`/api/breakdowns/victims/age_band?${Q}`);
    expect(status).toBe(200);
    const keys = ['12-13', '14-15', '16-17', '18+', 'not_recorded'];
    expect(body).toEqual({
      subject: 'victims',
      dimension: 'age_band',
      // The sum of every row: the denominator of each row's share.
      total: keys.reduce((s, key) => s + FY.breakdowns['victims/age_band'][key], 0),
      rows: keys.map((key) => ({ key, count: FY.breakdowns['victims/age_band'][key] })),
    });
  });

  it('answers codes largest first, not_recorded last', async () => {
    const { body } = await server.get(`/api/breakdowns/missing/police_risk?${Q}`);
    const want = Object.entries(FY.breakdowns['missing/police_risk']).map(([key, count]) => ({ key, count }));
    const coded = want.filter((r) => r.key !== 'not_recorded').sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    expect(new Set(coded.map((r) => r.count)).size, 'no ties, so the order is the count order alone').toBe(coded.length);
    expect(body.rows).toEqual([...coded, ...want.filter((r) => r.key === 'not_recorded')]);
  });

  it('applies victims filters to victims breakdowns', async () => {
    const { body } = await server.get(`/api/breakdowns/victims/sex?${Q}&risk_level=high`);
    const total = body.rows.reduce((n: number, r: { count: number }) => n + r.count, 0);
    expect(total).toBe(FY.breakdowns['victims/risk_level'].high);
  });

  it('answers 404 for an unknown subject or dimension', async () => {
    for (const path of ['/api/breakdowns/victims/shoe_size', '/api/breakdowns/nobody/sex']) {
      const { status, body } = await server.get(`${path}?${Q}`);
      expect(status, path).toBe(404);
      expect(typeof body.error).toBe('string');
    }
  });
});

describe('bad parameters', () => {
  const cases: [string, string][] = [
    ['/api/measures?to=2025-03-31', 'from'],
    ['/api/measures?from=2024-04-01', 'to'],
    ['/api/measures?from=2024-02-30&to=2025-03-31', 'from'],
    ['/api/measures?from=01/04/2024&to=2025-03-31', 'from'],
    ['/api/measures?from=2025-04-01&to=2025-03-31', 'from'],
    [`/api/measures?${Q}&repeat_min=0`, 'repeat_min'],
    [`/api/measures?${Q}&repeat_days=ninety`, 'repeat_days'],
    [`/api/measures?${Q}&long_hours=1.5`, 'long_hours'],
    [`/api/measures?${Q}&long_hours=-24`, 'long_hours'],
    [`/api/measures?${Q}&sex=X`, 'sex'],
    [`/api/measures?${Q}&ward=${encodeURIComponent("E05'; DROP TABLE cases")}`, 'ward'],
    [`/api/measures?${Q}&age_band=11-12`, 'age_band'],
    [`/api/measures?${Q}&cse_model=pirates`, 'cse_model'],
    [`/api/measures?${Q}&looked_after=maybe`, 'looked_after'],
    [`/api/measures?${Q}&risk_level=extreme`, 'risk_level'],
    [`/api/breakdowns/victims/sex?from=2024-04-01&to=nope`, 'to'],
    [`/api/breakdowns/missing/sex?${Q}&repeat_min=x`, 'repeat_min'],
  ];
  it.each(cases)('%s answers 400 naming %s', async (path, parameter) => {
    const { status, body } = await server.get(path);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(Object.keys(body).sort()).toEqual(['error', 'parameter']);
    expect(body.error).not.toMatch(/SELECT|at .*\.ts/);
  });
});

describe('GET /api/definitions', () => {
  it('lists measures and breakdowns with their SQL definitions', async () => {
    const { status, body } = await server.get('/api/definitions');
    expect(status).toBe(200);
    expect(body.measures.map((m: { id: string }) => m.id)).toEqual(MEASURES.map((m) => m.id));
    const over24 = body.measures.find((m: { id: string }) => m.id === 'episodes_over_24h');
    expect(over24).toMatchObject({ group: 'missing', unit: 'count', file: 'sql/measures/missing.sql' });
    expect(over24.definition).toMatch(/more than 24 hours/);
    const duration = body.breakdowns.find((b: { dimension: string }) => b.dimension === 'duration_band');
    expect(duration).toMatchObject({ subject: 'missing', banded: true, keys: ['under_6h', '6-24h', '24-72h', 'over_72h', 'ongoing', 'not_recorded'] });
  });
});
