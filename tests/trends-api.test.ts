// GET /api/trends/:measure over real HTTP against a real DuckDB holding
// hand-made records whose monthly figures are known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { seriesPeriods } from '../server/period.ts';
import { xmr } from '../server/trends/xmr.ts';

// Cases referred per month of 2024 (Jan..Dec); 9 cases in Jan-Mar etc.
const MONTHLY = [3, 5, 1, 4, 6, 2, 3, 5, 4, 9, 3, 2];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  let n = 0;
  for (const [m, count] of MONTHLY.entries()) {
    for (let k = 0; k < count; k++) {
      n++;
      // Days 1..count: the first case of each month falls on the 1st, before a mid-month `from`.
      const date = `2024-${String(m + 1).padStart(2, '0')}-${String(k + 1).padStart(2, '0')}`;
      await server.db.all(
        "INSERT INTO cases (case_id, child_id, referral_date, risk_level) VALUES ($id, $child, $date::DATE, $risk)",
        { id: `CASE-${n}`, child: `C${n % 7}`, date, risk: k === 0 ? 'high' : 'low' },
      );
    }
  }
  // Missing episodes returned in Jan (2, one with an interview within 72h) and Mar (1, within); none in Feb.
  const eps: [string, string, string | null][] = [
    ['2024-01-05 10:00', '2024-01-06 10:00', '2024-01-08'],
    ['2024-01-10 10:00', '2024-01-10 12:00', '2024-01-20'],
    ['2024-03-01 10:00', '2024-03-02 09:00', '2024-03-02'],
  ];
  for (const [i, [start, end, rhi]] of eps.entries()) {
    await server.db.all(
      "INSERT INTO missing_episodes (episode_id, child_id, start_at, end_at, episode_type, rhi_completed_date) VALUES ($id, 'C1', $s::TIMESTAMP, $e::TIMESTAMP, 'missing', $r::DATE)",
      { id: `EP${i}`, s: start, e: end, r: rhi },
    );
  }
});

afterAll(async () => {
  if (!server) return;
  await server.close();
  server.db.close();
});

describe('GET /api/trends/:measure', () => {
  it('answers whole months overlapping the period with their values, mean, limits and rules', async () => {
    const r = await server.get('/api/trends/cases_referred?from=2024-01-15&to=2024-12-10&interval=month');
    expect(r.status).toBe(200);
    expect(r.body.measure).toBe('cases_referred');
    expect(r.body.interval).toBe('month');
    expect(r.body.points.map((p: { period: string }) => p.period)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2024-${m}`),
    );
    // Whole months: January counts its cases of the 1st to the 3rd, December those of the 1st and 2nd.
    expect(r.body.points.map((p: { value: number }) => p.value)).toEqual(MONTHLY);
    const want = xmr(MONTHLY, { unit: 'count', direction: 'neither' });
    // mean 47/12; mR 2,4,3,2,4,1,2,1,5,6,1 → 31/11, 3.267 × that = 9.2: none dropped.
    expect(r.body.points[0].mean).toBeCloseTo(47 / 12, 10);
    expect(r.body.points[0].ucl).toBeCloseTo(47 / 12 + (2.66 * 31) / 11, 10);
    expect(r.body.points[0].lcl).toBe(0);
    r.body.points.forEach((p: Record<string, unknown>, i: number) => {
      expect(p).toEqual({ period: p.period, ...want[i] });
    });
    // 9 > ucl 11.41? no: 3.92 + 7.50 = 11.41, so no point is outside.
    expect(r.body.points.every((p: { rule: null }) => p.rule === null)).toBe(true);
  });

  it('labels calendar quarters YYYY-Qn and sums their months', async () => {
    const r = await server.get('/api/trends/cases_referred?from=2024-02-01&to=2024-11-30&interval=quarter');
    expect(r.status).toBe(200);
    expect(r.body.points.map((p: { period: string; value: number }) => [p.period, p.value])).toEqual([
      ['2024-Q1', 9], ['2024-Q2', 12], ['2024-Q3', 12], ['2024-Q4', 14],
    ]);
  });

  it('baseline=N takes the limits from the first N points', async () => {
    const r = await server.get('/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&baseline=6');
    expect(r.status).toBe(200);
    expect(r.body.baseline).toBe(6);
    const want = xmr(MONTHLY, { unit: 'count', direction: 'neither', baselineN: 6 });
    expect(r.body.points[11].mean).toBeCloseTo(21 / 6, 10);
    expect(r.body.points.map((p: { rule: string }) => p.rule)).toEqual(want.map((p) => p.rule));
    // mR of Jan-Jun 2,4,3,2,4 → 3; ucl 3.5 + 7.98 = 11.48 < … Oct's 9 is inside.
    expect(r.body.points[9].rule).toBeNull();
  });

  it('rebase=YYYY-MM recomputes mean and limits from that month (a step)', async () => {
    const r = await server.get('/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&rebase=2024-07');
    expect(r.status).toBe(200);
    expect(r.body.points[5].mean).toBeCloseTo(21 / 6, 10);
    expect(r.body.points[6].mean).toBeCloseTo(26 / 6, 10);
  });

  it('gives a percentage with no denominator null, skipped by the rules', async () => {
    const r = await server.get('/api/trends/pct_rhi_within_72h?from=2024-01-01&to=2024-03-31');
    expect(r.status).toBe(200);
    expect(r.body.unit).toBe('percent');
    expect(r.body.direction).toBe('higher');
    expect(r.body.points.map((p: { value: number | null }) => p.value)).toEqual([50, null, 100]);
    expect(r.body.points[1]).toMatchObject({ period: '2024-02', rule: null, signal: 'none', mean: 75 });
    // mean 75, mR 50 → 75 ± 133: capped at 100, floored at 0.
    expect(r.body.points[0]).toMatchObject({ ucl: 100, lcl: 0 });
  });

  it('children_high_risk counts distinct children at high risk', async () => {
    const r = await server.get('/api/trends/children_high_risk?from=2024-01-01&to=2024-02-29');
    expect(r.body.points.map((p: { value: number }) => p.value)).toEqual([1, 1]);
  });

  it('lists the measures followed with their direction', async () => {
    const r = await server.get('/api/trends');
    expect(r.status).toBe(200);
    expect(r.body.measures.map((m: { id: string }) => m.id)).toEqual([
      'cases_referred', 'children_referred', 'children_high_risk', 'missing_episodes', 'children_missing',
      'episodes_over_24h', 'pct_rhi_within_72h', 'offenders_identified', 'disruptions', 'cawns_issued',
    ]);
    expect(r.body.measures[3]).toMatchObject({ direction: 'lower', unit: 'count' });
  });

  it.each([
    ['/api/trends/cases_referred?to=2024-12-31', 'from'],
    ['/api/trends/cases_referred?from=2024-02-30&to=2024-12-31', 'from'],
    ['/api/trends/cases_referred?from=2024-01-01&to=2024-13-01', 'to'],
    ['/api/trends/cases_referred?from=2024-05-01&to=2024-01-01', 'from'],
    ['/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&interval=week', 'interval'],
    ['/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&baseline=1', 'baseline'],
    ['/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&baseline=x', 'baseline'],
    ['/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&rebase=2025-01', 'rebase'],
    ['/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&rebase=2024-01', 'rebase'],
    ['/api/trends/cases_referred?from=2024-01-01&to=2024-12-31&interval=quarter&rebase=2024-07', 'rebase'],
    ['/api/trends/cases_referred?from=1900-01-01&to=2024-12-31', 'from'],
  ])('%s → 400 naming %s', async (path, parameter) => {
    const r = await server.get(path);
    expect(r.status).toBe(400);
    expect(r.body.parameter).toBe(parameter);
    expect(r.body.error).toContain(parameter);
  });

  it('answers 404 for a measure not followed over time', async () => {
    for (const m of ['children_open', 'nonsense']) {
      const r = await server.get(`/api/trends/${m}?from=2024-01-01&to=2024-12-31`);
      expect(r.status).toBe(404);
      expect(typeof r.body.error).toBe('string');
    }
  });
});

describe('seriesPeriods', () => {
  it('takes whole months overlapping the period, unclipped', () => {
    expect(seriesPeriods('2024-01-15', '2024-03-02', 'month')).toEqual([
      { period: '2024-01', date_from: '2024-01-01', date_to: '2024-01-31' },
      { period: '2024-02', date_from: '2024-02-01', date_to: '2024-02-29' },
      { period: '2024-03', date_from: '2024-03-01', date_to: '2024-03-31' },
    ]);
  });

  it('takes calendar quarters; a financial year is Q2-Q4 and the next Q1', () => {
    expect(seriesPeriods('2024-04-01', '2025-03-31', 'quarter')).toEqual([
      { period: '2024-Q2', date_from: '2024-04-01', date_to: '2024-06-30' },
      { period: '2024-Q3', date_from: '2024-07-01', date_to: '2024-09-30' },
      { period: '2024-Q4', date_from: '2024-10-01', date_to: '2024-12-31' },
      { period: '2025-Q1', date_from: '2025-01-01', date_to: '2025-03-31' },
    ]);
    expect(seriesPeriods('2024-12-31', '2024-12-31', 'quarter').map((p) => p.period)).toEqual(['2024-Q4']);
  });
});
