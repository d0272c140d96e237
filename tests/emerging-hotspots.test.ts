// Emerging hot spots (issue 17, item 4) on the real Trafford boundaries:
// the API's categories for every cell match an independent computation
// (tests/reference/emerging-reference.ts), planted patterns come out as
// designed, and the export carries the same, small counts withheld.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { insertLocations, lcg, loadTrafford, type Loc, type Report } from './hotspots-fixtures.ts';
import { emergingReference, type RefPoint } from './reference/emerging-reference.ts';
import { emergingCategory } from '../server/hotspots/emerging.ts';
import { mannKendall } from '../server/hotspots/mann-kendall.ts';

const MONTHS = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`);
const lastDay = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).toISOString().slice(0, 10);

// Planted patterns: reports per month (index 0 = January) spread evenly over a
// 1.2 km square around [lon, lat], so that a planted cell's whole Gi*
// neighbourhood (1.5 km at 500 m cells) is busy; centres 2 km or more apart.
const PLANTED: Record<string, { at: [number, number]; perMonth: (t: number) => number }> = {
  persistent_hot: { at: [-2.3205, 53.4255], perMonth: (t) => [90, 104, 84, 98, 88, 106, 86, 100, 92, 108, 94, 104][t] },
  intensifying_hot: { at: [-2.3505, 53.3865], perMonth: (t) => 60 + 8 * t },
  diminishing_hot: { at: [-2.3005, 53.4605], perMonth: (t) => 148 - 8 * t },
  new_hot: { at: [-2.3555, 53.4485], perMonth: (t) => (t === 11 ? 90 : 0) },
  consecutive_hot: { at: [-2.4255, 53.4185], perMonth: (t) => (t >= 9 ? 90 : 0) },
  historical_hot: { at: [-2.3155, 53.3955], perMonth: (t) => (t <= 10 ? 90 : 0) },
  sporadic_hot: { at: [-2.3855, 53.4455], perMonth: (t) => ([2, 6, 11].includes(t) ? 90 : 0) },
};

describe('emerging hot spots', () => {
  let s: TestServer;
  const points: RefPoint[] = [];
  let box = { minLon: 0, minLat: 0, maxLon: 0, maxLat: 0 };

  beforeAll(async () => {
    s = await startTestServer();
    const wards = await loadTrafford(s.db);
    box = {
      minLon: Math.min(...wards.map((w) => w.minLon)), minLat: Math.min(...wards.map((w) => w.minLat)),
      maxLon: Math.max(...wards.map((w) => w.maxLon)), maxLat: Math.max(...wards.map((w) => w.maxLat)),
    };
    const rand = lcg(17);
    MONTHS.forEach((m, t) => {
      for (let k = 0; k < 150; k++) points.push({ lon: box.minLon + rand() * (box.maxLon - box.minLon), lat: box.minLat + rand() * (box.maxLat - box.minLat), on: `${m}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` });
      for (const { at, perMonth } of Object.values(PLANTED)) {
        for (let k = 0; k < perMonth(t); k++) points.push({ lon: at[0] + (rand() - 0.5) * 0.018, lat: at[1] + (rand() - 0.5) * 0.0108, on: `${m}-15` });
      }
    });
    const locs: Loc[] = points.map((p, k) => ({ location_id: `E${k}`, location_type: k % 2 ? 'park' : 'hotel', ward: null, latitude: p.lat, longitude: p.lon }));
    const reports: Report[] = points.map((p, k) => ({ location_id: `E${k}`, case_id: 'EC1', reported_on: p.on }));
    await insertLocations(s.db, locs, reports, [{ case_id: 'EC1', child_id: 'ECH1' }]);
  });
  afterAll(async () => {
    await s.close();
    s.db.close();
  });

  type Cell = { i: number; j: number; lon: number; lat: number; count: number; category: string; pattern: string; ward_name: string | null; grid_ref: string };

  it('matches the independent computation for every cell', async () => {
    const { status, body } = await s.get('/api/hotspots/emerging?from=2024-01-01&to=2024-12-31&cell_m=500');
    expect(status).toBe(200);
    expect(body.steps.length).toBe(12);
    const ref = emergingReference(points, box, 500, MONTHS.map((m) => [`${m}-01`, lastDay(m)]));
    const cells = body.cells as Cell[];
    expect(cells.length).toBe(ref.size);
    for (const c of cells) {
      const r = ref.get(`${c.i},${c.j}`);
      expect({ cell: `${c.i},${c.j}`, category: c.category, count: c.count, pattern: c.pattern })
        .toEqual({ cell: `${c.i},${c.j}`, category: r?.category, count: r?.count, pattern: r?.pattern });
    }
    // Each planted pattern is found where it was planted (the cell nearest its centre).
    const metres = (c: Cell, at: [number, number]) => Math.hypot((c.lon - at[0]) * 66_300, (c.lat - at[1]) * 111_200);
    for (const [category, { at }] of Object.entries(PLANTED)) {
      const near = [...cells].sort((a, b) => metres(a, at) - metres(b, at))[0];
      expect({ planted: category, found: near?.category }).toEqual({ planted: category, found: category });
      expect(near.grid_ref).toMatch(/^SJ \d{4} \d{4}$/);
    }
    expect(new Set(cells.map((c) => c.category)).size).toBeGreaterThanOrEqual(8);
  });

  it('needs at least six steps, by month or quarter', async () => {
    const short = await s.get('/api/hotspots/emerging?from=2024-01-01&to=2024-05-31');
    expect([short.status, short.body.parameter]).toEqual([400, 'step']);
    const quarters = await s.get('/api/hotspots/emerging?from=2023-01-01&to=2024-12-31&step=quarter&cell_m=1000');
    expect(quarters.status).toBe(200);
    expect(quarters.body.steps.map((x: { period: string }) => x.period)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
  });

  it('withholds small cell counts for a partner (a financial year, the published grid), with their categories, keeping the places', async () => {
    const partner = await startTestServer({ role: 'partner', db: s.db });
    try {
      const { status, body } = await partner.get('/api/hotspots/emerging?from=2024-04-01&to=2025-03-31');
      expect(status).toBe(200);
      const cells = body.cells as (Cell & { count: number | null; suppressed?: boolean; trend_z: number | null })[];
      expect(cells.filter((c) => c.count !== null && c.count >= 1 && c.count <= 5)).toEqual([]);
      const withheld = cells.filter((c) => c.suppressed);
      expect(withheld.length).toBeGreaterThan(10);
      expect(withheld.every((c) => c.count === null && c.trend_z === null && c.category === null && c.grid_ref.startsWith('SJ'))).toBe(true);
    } finally {
      await partner.close();
    }
  });

  it('exports the categories with the places, small counts withheld', async () => {
    const text = await (await s.fetch('/api/exports/hotspots.csv?from=2024-01-01&to=2024-12-31&level=emerging&cell_m=500')).text();
    const lines = text.trimEnd().split('\r\n').filter((l) => !/^"?# /.test(l));
    const header = lines[0].split(',');
    expect(header).toEqual(['i', 'j', 'lon', 'lat', 'easting', 'northing', 'grid_ref', 'ward_code', 'ward_name', 'count', 'suppressed', 'category', 'category_label', 'pattern', 'hot_steps', 'cold_steps']);
    const rows = lines.slice(1).map((l) => l.split(','));
    const ref = emergingReference(points, box, 500, MONTHS.map((m) => [`${m}-01`, lastDay(m)]));
    expect(rows.length).toBe(ref.size);
    for (const r of rows) {
      // A withheld count takes its category with it (the category is computed from the cell's counts).
      expect(r[11]).toBe(r[9] === '' ? '' : ref.get(`${r[0]},${r[1]}`)?.category);
      expect(r[9] === '' || Number(r[9]) > 5).toBe(true);
    }
    const geo = JSON.parse(await (await s.fetch('/api/exports/hotspots.geojson?from=2024-01-01&to=2024-12-31&level=emerging&cell_m=500')).text());
    expect(geo.metadata.level).toBe('emerging');
    expect(geo.metadata.method).toMatch(/Mann–Kendall/);
  });
});

describe('categories and trend, by hand', () => {
  it('Mann–Kendall with ties', () => {
    // x = 1 2 2 3: S = 5 (one tied pair), Var = (4·3·13 − 2·1·9)/18 = 138/18, Z = 4/√(138/18).
    const t = mannKendall([1, 2, 2, 3]);
    expect(t.s).toBe(5);
    expect(t.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 12);
  });
  const F = false, T = true;
  const flat = { z: 0, p: 1 }, up = { z: 3, p: 0.001 }, down = { z: -3, p: 0.001 };
  it.each([
    [[F, F, F, F, F, T], [F, F, F, F, F, F], flat, 'new_hot'],
    [[F, F, F, T, T, T], [F, F, F, F, F, F], flat, 'consecutive_hot'],
    [[T, T, T, T, T, T], [F, F, F, F, F, F], up, 'intensifying_hot'],
    [[T, T, T, T, T, T], [F, F, F, F, F, F], flat, 'persistent_hot'],
    [[T, T, T, T, T, T], [F, F, F, F, F, F], down, 'diminishing_hot'],
    [[T, F, T, F, F, T], [F, F, F, F, F, F], flat, 'sporadic_hot'],
    [[F, F, F, F, T, T], [T, F, F, F, F, F], flat, 'consecutive_hot'],
    [[T, F, F, F, T, T], [F, T, F, F, F, F], flat, 'oscillating_hot'],
    [[T, T, T, T, T, T, T, T, T, T, F], [F, F, F, F, F, F, F, F, F, F, F], flat, 'historical_hot'],
    [[F, F, F, F, F, F], [T, T, T, T, T, T], down, 'intensifying_cold'],
    [[F, F, F, F, F, F], [F, F, F, F, F, T], flat, 'new_cold'],
    [[F, F, F, F, F, F], [F, F, F, F, F, F], up, 'no_pattern'],
  ])('hot %j cold %j trend %j → %s', (hot, cold, trend, expected) => {
    expect(emergingCategory(hot, cold, trend)).toBe(expected);
  });
});
