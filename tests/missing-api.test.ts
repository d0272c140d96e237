// The missing API over real HTTP (signed in through tests/helpers/server.ts):
// views and lists answer the figures of the acceptance data with default and
// other thresholds, the lists are exactly the children the measures count,
// parameters are checked, and the record lists are for the analyst only while
// the viewer gets suppressed aggregates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import * as ref from './reference/missing-reference.ts';
import { fixturePath, acceptanceExpected, expectedNumber } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const expected = acceptanceExpected();
const data = ref.readMissing(`${ACCEPTANCE}extracts`);
const FY = 'from=2024-04-01&to=2025-03-31';
const fy = { from: '2024-04-01', to: '2025-03-31' };

let analyst: TestServer;
let viewer: TestServer;
beforeAll(async () => {
  const db = await Database.open(':memory:');
  expect((await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' })).ok).toBe(true);
  analyst = await startTestServer({ db });
  viewer = await startTestServer({ db, role: 'viewer' });
}, 60_000);
afterAll(async () => {
  await viewer.close();
  await analyst.close();
  analyst.db.close();
});

describe('missing API', () => {
  it('answers the lists with the thresholds, as the measures count them', async () => {
    for (const [params, n, days, want] of [
      ['', 3, 90, expectedNumber(expected[0], 'repeat_missing_children')],
      ['&repeat_min=4&repeat_days=60', 4, 60, expected[0].variants.repeat_4_in_60],
      ['&repeat_min=2&repeat_days=30', 2, 30, expected[0].variants.repeat_2_in_30],
    ] as const) {
      const r = await analyst.get(`/api/missing/children/repeat?${FY}${params}`);
      expect(r.status).toBe(200);
      expect(r.body.thresholds).toEqual({ repeat_min: n, repeat_days: days, long_hours: 24 });
      expect(r.body.children).toHaveLength(want);
      const reference = ref.children(data, fy, n, days).filter((c) => c.repeat);
      expect(r.body.children.map((c: { child_id: string; episodes: number }) => [c.child_id, c.episodes])).toEqual(reference.map((c) => [c.child_id, c.episodes]));
      const without = await analyst.get(`/api/missing/children/repeat-without-case?${FY}${params}`);
      const measures = await analyst.get(`/api/measures?${FY}${params}`);
      expect(without.body.children).toHaveLength(measures.body.measures.repeat_missing_children_without_case);
      expect(measures.body.measures.repeat_missing_children).toBe(want);
    }
  });

  it('answers the aggregate views', async () => {
    const heat = await analyst.get(`/api/missing/heatmap?${FY}`);
    expect(heat.body.cells).toHaveLength(168);
    const want = ref.heatmap(data.episodes, fy);
    for (const c of heat.body.cells) expect(c.count).toBe(want[`${c.day}|${c.hour}`] ?? 0);
    const conc = await analyst.get(`/api/missing/concentration?${FY}`);
    expect(conc.body.children).toEqual({ total: 118, count: 12 });
    expect(conc.body.episodes.count).toBe(ref.concentration(data.episodes, fy).topEpisodes);
    const type = await analyst.get(`/api/missing/breakdowns/episode_type?${FY}`);
    expect(Object.fromEntries(type.body.rows.map((r: { key: string; count: number }) => [r.key, r.count]))).toEqual(ref.episodeTypes(data.episodes, fy));
    const cross = await analyst.get(`/api/missing/cross-reference?${FY}`);
    expect(cross.body.referred.total).toBe(expected[0].measures.children_referred);
    expect(cross.body.referred.pct_missing).toBeCloseTo(expectedNumber(expected[0], 'pct_referred_children_missing'), 9);
    const fromCare = await analyst.get(`/api/missing/children/from-care?${FY}`);
    expect(cross.body.case_missing_from_care.count).toBe(fromCare.body.children.length);
    const monthly = await analyst.get(`/api/missing/monthly?${FY}&long_hours=48`);
    const long = monthly.body.series.find((s: { measure: string }) => s.measure === 'episodes_over_24h');
    expect(long.points.reduce((n: number, p: { value: number }) => n + p.value, 0)).toBe(expected[0].variants.episodes_over_48h);
  });

  it('answers 400 naming a bad parameter and 404 for an unknown list or view', async () => {
    for (const [path, parameter] of [
      [`/api/missing/heatmap?${FY}&repeat_min=0`, 'repeat_min'],
      [`/api/missing/children/repeat?${FY}&long_hours=1.5`, 'long_hours'],
      ['/api/missing/concentration?from=2024-04-01', 'to'],
      ['/api/missing/monthly?from=2025-04-01&to=2024-04-01', 'from'],
    ]) {
      const r = await analyst.get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.parameter, path).toBe(parameter);
    }
    expect((await analyst.get(`/api/missing/children/everyone?${FY}`)).status).toBe(404);
    expect((await analyst.get(`/api/missing/breakdowns/sex?${FY}`)).status).toBe(404);
  });

  it('keeps the record lists from the viewer and suppresses the aggregates', async () => {
    expect((await viewer.get(`/api/missing/children/repeat?${FY}`)).status).toBe(403);
    for (const path of ['heatmap', 'concentration', 'cross-reference', 'monthly', 'breakdowns/found_ward']) {
      expect((await viewer.get(`/api/missing/${path}?${FY}`)).status, path).toBe(200);
      // The published definitions only (server/suppression/publication.ts): another threshold is refused, naming it.
      const r = await viewer.get(`/api/missing/${path}?${FY}&repeat_min=4`);
      expect([r.status, r.body.parameter], path).toEqual([400, 'repeat_min']);
    }
    const heat = await viewer.get(`/api/missing/heatmap?${FY}`);
    expect(heat.body.cells.some((c: { suppressed?: boolean }) => c.suppressed)).toBe(true);
    expect(heat.body.cells.every((c: { count: number | null }) => c.count === null || c.count === 0 || c.count > 5)).toBe(true);
  });
});
