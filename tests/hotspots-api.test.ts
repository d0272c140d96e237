import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { loadTrafford, insertLocations, insertJson, syntheticLocations } from './hotspots-fixtures.ts';
import { CROWN_ATTRIBUTION } from '../server/hotspots/service.ts';

let s: TestServer;
let data: ReturnType<typeof syntheticLocations>;
const Q = 'from=2024-01-01&to=2024-12-31';

beforeAll(async () => {
  s = await startTestServer();
  const wards = await loadTrafford(s.db);
  const box = {
    minLon: Math.min(...wards.map((w) => w.minLon)), minLat: Math.min(...wards.map((w) => w.minLat)),
    maxLon: Math.max(...wards.map((w) => w.maxLon)), maxLat: Math.max(...wards.map((w) => w.maxLat)),
  };
  data = syntheticLocations(box, [-2.2925, 53.4445]);
  // Wards for the choropleth: the first three locations in Altrincham (E05015239), one in an unknown ward.
  data.locs[0].ward = data.locs[1].ward = data.locs[2].ward = 'E05015239';
  data.locs[3].ward = 'E05999999';
  await insertLocations(s.db, data.locs, data.reports, data.cases);
  // 2023 and 2024 population of Altrincham aged 0–17 (and an 18-year-old, not counted): 2024 is used.
  await insertJson(s.db, 'population', [
    { area_code: 'E05015239', year: 2023, sex: 'F', age: 5, population: 1 },
    { area_code: 'E05015239', year: 2024, sex: 'F', age: 5, population: 1500 },
    { area_code: 'E05015239', year: 2024, sex: 'M', age: 17, population: 1500 },
    { area_code: 'E05015239', year: 2024, sex: 'M', age: 18, population: 999 },
    { area_code: 'E05015239', year: 2026, sex: 'M', age: 10, population: 7 },
  ], { area_code: 'VARCHAR', year: 'INTEGER', sex: 'VARCHAR', age: 'INTEGER', population: 'INTEGER' });
});
afterAll(async () => {
  await s.close();
  s.db.close();
});

describe('GET /api/hotspots/grid', () => {
  it('answers one entry per cell of the box with i, j, centre, count, z, p and class', async () => {
    const { status, body } = await s.get(`/api/hotspots/grid?${Q}`);
    expect(status).toBe(200);
    expect(body.cell_m).toBe(250);
    expect(body.cells.length).toBe(body.ncol * body.nrow);
    expect(Object.keys(body.cells[0]).sort()).toEqual([
      'class', 'count', 'easting', 'gi_p', 'gi_q', 'gi_status', 'gi_z', 'grid_ref', 'i', 'j', 'lat', 'lon', 'northing', 'ward_code', 'ward_name',
    ]);
    expect(body.cells[0]).toMatchObject({ i: 0, j: 0 });
    expect(body.cells[1]).toMatchObject({ i: 1, j: 0 });
    expect(body.outside).toBe(11);
    expect(body.no_coordinates).toBe(6);
    expect(body.counted + 17).toBe(data.reports.length);
    expect(body.cells.some((c: { class: string }) => c.class === 'hot_99')).toBe(true);
  });

  it('with cells=reported, lists only the cells with reports or a significant class, in grid order', async () => {
    type Cell = { i: number; j: number; count: number; class: string };
    const all = (await s.get(`/api/hotspots/grid?${Q}`)).body;
    const { status, body } = await s.get(`/api/hotspots/grid?${Q}&cells=reported`);
    expect(status).toBe(200);
    expect(body.cells).toEqual((all.cells as Cell[]).filter((c) => c.count > 0 || c.class !== 'not_significant'));
    expect(body.cells.length).toBeLessThan(all.cells.length);
    expect((body.cells as Cell[]).reduce((n, c) => n + c.count, 0)).toBe(body.counted);
    expect({ ...body, cells: null }).toEqual({ ...all, cells: null });
    expect((await s.get(`/api/hotspots/grid?${Q}&cells=some`)).body.parameter).toBe('cells');
  });

  it('takes cell_m and location_type', async () => {
    const { body } = await s.get(`/api/hotspots/grid?${Q}&cell_m=1000&location_type=Park`);
    expect(body.cell_m).toBe(1000);
    expect(body.location_type).toBe('park');
    const parks = new Set(data.locs.filter((l) => l.location_type === 'park').map((l) => l.location_id));
    expect(body.counted + body.outside + body.no_coordinates).toBe(data.reports.filter((r) => parks.has(r.location_id)).length);
  });

  it('answers 400 naming the parameter', async () => {
    for (const [q, p] of [['&cell_m=abc', 'cell_m'], ['&cell_m=5', 'cell_m'], ['&location_type=pub', 'location_type']]) {
      const { status, body } = await s.get(`/api/hotspots/grid?${Q}${q}`);
      expect(status).toBe(400);
      expect(body.parameter).toBe(p);
    }
    expect((await s.get('/api/hotspots/grid?from=2024-01-01')).body.parameter).toBe('to');
  });
});

describe('GET /api/hotspots/wards', () => {
  it('counts location reports by ward with rates per 10,000 children', async () => {
    const { status, body } = await s.get(`/api/hotspots/wards?${Q}&measure=location_reports`);
    expect(status).toBe(200);
    expect(body.rows.length).toBe(21);
    const alt = body.rows.find((r: { area_code: string }) => r.area_code === 'E05015239');
    // locations 1–3 are reported 1, 2 and 3 times (all in 2024)
    expect(alt).toMatchObject({ area_name: 'Altrincham', count: 6, population: 3000 });
    expect(alt.rate).toBeCloseTo(20, 10);
    expect(body.rows.filter((r: { population: number | null }) => r.population !== null).length).toBe(1);
    expect(body.unmapped).toEqual([
      { ward: 'E05999999', count: 1 },
      { ward: 'not_recorded', count: data.reports.length - 7 },
    ]);
  });

  it('rejects an unknown measure', async () => {
    const { status, body } = await s.get(`/api/hotspots/wards?${Q}&measure=nope`);
    expect([status, body.parameter]).toEqual([400, 'measure']);
  });
});

describe('GET /api/hotspots/boundaries and /locations', () => {
  it('serves the boundaries with the Crown copyright attribution', async () => {
    const { body } = await s.get('/api/hotspots/boundaries');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBe(21);
    expect(body.attribution).toBe(CROWN_ATTRIBUTION);
    const altrincham = body.features.find((f: { id: string }) => f.id === 'E05015239');
    expect(altrincham.properties).toEqual({ area_code: 'E05015239', area_name: 'Altrincham' });
    expect(altrincham.geometry.type).toMatch(/Polygon$/);
  });

  it('lists located locations reported in the period, repeat ones marked', async () => {
    const { body } = await s.get(`/api/hotspots/locations?${Q}&location_type=hotel`);
    expect(body.rows.every((r: { location_type: string }) => r.location_type === 'hotel')).toBe(true);
    const hotels = data.locs.filter((l) => l.location_type === 'hotel' && l.longitude !== null);
    expect(body.rows.length).toBe(hotels.length);
    for (const r of body.rows) expect(r.repeat).toBe(r.children >= 2);
    expect(body.rows.some((r: { repeat: boolean }) => r.repeat)).toBe(true);
  });
});
