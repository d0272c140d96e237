// Series against the acceptance data (tests/fixtures/acceptance): every monthly
// point equals /api/measures for that month alone, event counts add up to the
// expected figures of whole periods, a calendar quarter equals the expected
// figures of the same three months, and the XmR figures match a direct computation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { seriesPeriods } from '../server/period.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { fixturePath, expectedPeriod } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const expectedFor = (from: string, to: string) => expectedPeriod(from, to).measures;

const TREND_IDS = [
  'cases_referred', 'children_referred', 'children_high_risk', 'missing_episodes', 'children_missing',
  'episodes_over_24h', 'pct_rhi_within_72h', 'offenders_identified', 'disruptions', 'cawns_issued',
];
/** Counts of events (not distinct children): a period's figure is the sum of its months'. */
const ADDITIVE = ['cases_referred', 'missing_episodes', 'episodes_over_24h', 'offenders_identified', 'disruptions', 'cawns_issued'];

interface Point { period: string; value: number | null; mean: number | null; ucl: number | null; lcl: number | null; rule: string | null }

let server: TestServer;
const fy: Record<string, Point[]> = {};

beforeAll(async () => {
  const db = await Database.open(':memory:');
  const result = await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' });
  expect(result.ok, result.ok ? '' : result.report).toBe(true);
  server = await startTestServer({ db });
  for (const id of TREND_IDS) {
    const r = await server.get(`/api/trends/${id}?from=2024-04-01&to=2025-03-31&interval=month`);
    expect(r.status).toBe(200);
    fy[id] = r.body.points;
  }
});

afterAll(async () => {
  if (!server) return;
  await server.close();
  server.db.close();
});

describe('series on the acceptance data', () => {
  it('each month of FY 2024/25 equals /api/measures for that month alone', async () => {
    const months = seriesPeriods('2024-04-01', '2025-03-31', 'month');
    expect(months).toHaveLength(12);
    for (const [i, m] of months.entries()) {
      const r = await server.get(`/api/measures?from=${m.date_from}&to=${m.date_to}`);
      expect(r.status).toBe(200);
      for (const id of TREND_IDS) {
        expect(fy[id][i].period).toBe(m.period);
        expect(fy[id][i].value, `${id} ${m.period}`).toBe(r.body.measures[id]);
      }
    }
  });

  it('monthly event counts sum to the expected financial year (cases referred: 98)', () => {
    const e = expectedFor('2024-04-01', '2025-03-31');
    const sum = (id: string) => fy[id].reduce((a, p) => a + (p.value ?? 0), 0);
    expect(sum('cases_referred')).toBe(98);
    for (const id of ADDITIVE) expect(sum(id), id).toBe(e[id]);
  });

  it('June to September 2024 month by month sums to the expected four months', () => {
    const e = expectedFor('2024-06-01', '2024-09-30');
    for (const id of ADDITIVE) {
      const sum = fy[id].filter((p) => p.period >= '2024-06' && p.period <= '2024-09').reduce((a, p) => a + (p.value ?? 0), 0);
      expect(sum, id).toBe(e[id]);
    }
  });

  it('the quarter 2025-Q1 equals the expected figures of January to March 2025, for every measure', async () => {
    const e = expectedFor('2025-01-01', '2025-03-31');
    for (const id of TREND_IDS) {
      const r = await server.get(`/api/trends/${id}?from=2024-04-01&to=2025-03-31&interval=quarter`);
      expect(r.body.points.map((p: Point) => p.period)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
      const q1 = r.body.points[3].value;
      if (id.startsWith('pct_')) expect(Math.abs(q1 - (e[id] as number)), id).toBeLessThan(0.05);
      else expect(q1, id).toBe(e[id]);
    }
  });

  it('mean and limits are those of the values, computed directly', () => {
    for (const id of TREND_IDS) {
      const xs = fy[id].map((p) => p.value).filter((v): v is number => v !== null);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const mr = xs.slice(1).map((v, i) => Math.abs(v - xs[i]));
      const mr1 = mr.reduce((a, b) => a + b, 0) / mr.length;
      const kept = mr.filter((r) => r <= 3.267 * mr1);
      const mrBar = kept.reduce((a, b) => a + b, 0) / kept.length;
      const cap = id.startsWith('pct_') ? 100 : Infinity;
      for (const p of fy[id]) {
        expect(p.mean, id).toBeCloseTo(mean, 9);
        expect(p.ucl, id).toBeCloseTo(Math.min(cap, mean + 2.66 * mrBar), 9);
        expect(p.lcl, id).toBeCloseTo(Math.max(0, mean - 2.66 * mrBar), 9);
        if (p.value !== null && (p.value > p.ucl! || p.value < p.lcl!)) expect(p.rule).toBe('outside');
      }
    }
  });
});
