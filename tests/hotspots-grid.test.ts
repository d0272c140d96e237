import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Database } from '../server/db.ts';
import { makeGrid, countPoints, cellIndexOf, cellCentre, EARTH_RADIUS_M } from '../server/hotspots/grid.ts';
import { hotspotGrid, type GridResult } from '../server/hotspots/service.ts';
import { loadTrafford, insertLocations, syntheticLocations } from './hotspots-fixtures.ts';

const RAD = Math.PI / 180;

describe('grid geometry', () => {
  const box = { minLon: -2.5, minLat: 53.3, maxLon: -2.2, maxLat: 53.5 };
  const g = makeGrid(box, 250);

  it('sizes the grid from the box on a local equirectangular projection', () => {
    expect(g.phi0).toBeCloseTo(53.4, 12);
    const width = EARTH_RADIUS_M * Math.cos(53.4 * RAD) * 0.3 * RAD;
    const height = EARTH_RADIUS_M * 0.2 * RAD;
    expect(g.widthM).toBeCloseTo(width, 6);
    expect(g.heightM).toBeCloseTo(height, 6);
    expect(g.ncol).toBe(Math.ceil(width / 250)); // 80 (19 965 m)
    expect(g.nrow).toBe(Math.ceil(height / 250)); // 89 (22 239 m)
    expect([g.ncol, g.nrow]).toEqual([80, 89]);
  });

  it('puts points on the far edges in the last cells and leaves out points outside', () => {
    expect(cellIndexOf(g, box.minLon, box.minLat)).toBe(0);
    expect(cellIndexOf(g, box.maxLon, box.maxLat)).toBe(g.ncol * g.nrow - 1);
    expect(cellIndexOf(g, box.maxLon + 1e-9, box.minLat)).toBe(-1);
    expect(cellIndexOf(g, box.minLon, box.minLat - 1e-9)).toBe(-1);
    const c = countPoints(g, [{ lon: -2.4, lat: 53.4 }, { lon: null, lat: 53.4 }, { lon: -2.1, lat: 53.4 }, { lon: -2.4, lat: 53.4 }]);
    expect([c.outside, c.noCoordinates]).toEqual([1, 1]);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('gives a cell centre that projects back to the middle of the cell', () => {
    const [lon, lat] = cellCentre(g, 7, 11);
    const x = EARTH_RADIUS_M * Math.cos(g.phi0 * RAD) * (lon - box.minLon) * RAD;
    const y = EARTH_RADIUS_M * (lat - box.minLat) * RAD;
    expect(x).toBeCloseTo(7.5 * 250, 6);
    expect(y).toBeCloseTo(11.5 * 250, 6);
  });

  it('has at least one cell for a degenerate box', () => {
    const one = makeGrid({ minLon: -2, minLat: 53, maxLon: -2, maxLat: 53 }, 250);
    expect([one.ncol, one.nrow]).toEqual([1, 1]);
    expect(cellIndexOf(one, -2, 53)).toBe(0);
  });
});

describe('Gi* grid over the real Trafford ward boundaries', () => {
  let db: Database;
  let data: ReturnType<typeof syntheticLocations>;
  let r: GridResult;
  const box = { minLon: 0, minLat: 0, maxLon: 0, maxLat: 0 };

  beforeAll(async () => {
    db = await Database.open(':memory:');
    const wards = await loadTrafford(db);
    Object.assign(box, {
      minLon: Math.min(...wards.map((w) => w.minLon)),
      minLat: Math.min(...wards.map((w) => w.minLat)),
      maxLon: Math.max(...wards.map((w) => w.maxLon)),
      maxLat: Math.max(...wards.map((w) => w.maxLat)),
    });
    data = syntheticLocations(box, [-2.2925, 53.4445]);
    await insertLocations(db, data.locs, data.reports, data.cases);
    r = await hotspotGrid(db, { from: '2024-01-01', to: '2024-12-31', cellM: 250, locationType: null });
  });
  afterAll(() => db.close());

  it('covers the boundaries box, every cell listed with zeros', () => {
    expect(r.extent).toBe('boundaries');
    expect(r.bbox).toEqual({ min_lon: box.minLon, min_lat: box.minLat, max_lon: box.maxLon, max_lat: box.maxLat });
    expect(r.cells.length).toBe(r.ncol * r.nrow);
    expect(r.ncol).toBeGreaterThan(50);
    expect(r.cells.filter((c) => c.count === 0).length).toBeGreaterThan(r.cells.length / 2);
  });

  it('counts each report in the cell its location falls in (independent point-in-cell)', () => {
    const phi0 = ((box.minLat + box.maxLat) / 2) * RAD;
    const xy = (lon: number, lat: number) => [6371008.8 * Math.cos(phi0) * (lon - box.minLon) * RAD, 6371008.8 * (lat - box.minLat) * RAD];
    const where = new Map(data.locs.map((l) => [l.location_id, l]));
    const expected = new Map<string, number>();
    let outside = 0, none = 0;
    for (const rep of data.reports) {
      const l = where.get(rep.location_id)!;
      if (l.longitude === null || l.latitude === null) { none++; continue; }
      if (l.longitude < box.minLon || l.longitude > box.maxLon || l.latitude < box.minLat || l.latitude > box.maxLat) { outside++; continue; }
      const [x, y] = xy(l.longitude, l.latitude);
      const cell = r.cells.find((c) => x >= c.i * 250 && x < (c.i + 1) * 250 && y >= c.j * 250 && y < (c.j + 1) * 250)!;
      expected.set(`${cell.i},${cell.j}`, (expected.get(`${cell.i},${cell.j}`) ?? 0) + 1);
    }
    for (const c of r.cells) expect(c.count).toBe(expected.get(`${c.i},${c.j}`) ?? 0);
    expect([r.outside, r.no_coordinates]).toEqual([outside, none]);
    expect([outside, none]).toEqual([11, 6]); // 5 locations outside, 3 without coordinates, reported 1–3 times each
    expect(r.counted + outside + none).toBe(data.reports.length);
  });

  it('matches an independent all-pairs Gi* to 1e-9 and marks the cluster hot', () => {
    const n = r.cells.length;
    const x = r.cells.map((c) => c.count);
    const mean = x.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    for (let a = 0; a < n; a += 7) {
      let w = 0, sx = 0;
      for (let b = 0; b < n; b++) {
        if (Math.abs(r.cells[a].i - r.cells[b].i) <= 1 && Math.abs(r.cells[a].j - r.cells[b].j) <= 1) { w++; sx += x[b]; }
      }
      const z = (sx - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
      // The guard: fewer than 5 reports in the neighbourhood → no statistic shown.
      if (sx < 5) {
        expect([r.cells[a].gi_z, r.cells[a].gi_status]).toEqual([null, 'too_few_reports']);
      } else {
        expect(r.cells[a].gi_status).toBe('tested');
        expect(Math.abs(r.cells[a].gi_z! - z)).toBeLessThan(1e-9);
      }
    }
    const hot = r.cells.filter((c) => c.class === 'hot_99');
    expect(hot.length).toBeGreaterThan(0);
    for (const c of hot) {
      expect(Math.abs(c.lon - -2.2925)).toBeLessThan(0.012);
      expect(Math.abs(c.lat - 53.4445)).toBeLessThan(0.008);
    }
  });

  it('filters by location type and by period', async () => {
    const hotels = await hotspotGrid(db, { from: '2024-01-01', to: '2024-12-31', cellM: 500, locationType: 'hotel' });
    const hotelIds = new Set(data.locs.filter((l) => l.location_type === 'hotel').map((l) => l.location_id));
    expect(hotels.counted + hotels.outside + hotels.no_coordinates).toBe(data.reports.filter((x) => hotelIds.has(x.location_id)).length);
    const june = await hotspotGrid(db, { from: '2024-06-01', to: '2024-06-30', cellM: 250, locationType: null });
    expect(june.counted + june.outside + june.no_coordinates).toBe(data.reports.filter((x) => x.reported_on.startsWith('2024-06')).length);
  });
});
