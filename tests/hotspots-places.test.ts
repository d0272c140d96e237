// Grid cells as places (issue 17, items 1–2): British National Grid by the OS
// formulae, checked against Ordnance Survey's published worked example; the
// ward of each cell by point-in-polygon on the real Trafford boundaries,
// checked against an independent winding-number test; "too few reports"
// instead of a statistic on sparse data; the FDR classes recomputed apart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osgb36ToGrid, toBritishNationalGrid, gridReference } from '../server/hotspots/bng.ts';
import { wardScanner } from '../server/hotspots/pip.ts';
import type { AreaGeometry } from '../server/hotspots/winding.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { TRAFFORD, insertLocations, loadTrafford, syntheticLocations } from './hotspots-fixtures.ts';

const DEG = Math.PI / 180;
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

describe('British National Grid (OS, A guide to coordinate systems in Great Britain)', () => {
  it('projects the OS worked example (Annex C) to the millimetre', () => {
    // OSGB36 52°39′27.2531″N 1°43′4.5177″E → E 651 409.903, N 313 177.270.
    const [e, n] = osgb36ToGrid(dms(52, 39, 27.2531) * DEG, dms(1, 43, 4.5177) * DEG);
    expect(Math.abs(e - 651409.903)).toBeLessThan(0.001);
    expect(Math.abs(n - 313177.27)).toBeLessThan(0.001);
  });

  it('takes ETRS89 (WGS84) to the National Grid within 5 m by the Helmert transformation', () => {
    // The same point (Caister water tower) in ETRS89: 52°39′28.8282″N 1°42′57.8663″E.
    const [e, n] = toBritishNationalGrid(dms(1, 42, 57.8663), dms(52, 39, 28.8282));
    expect(Math.hypot(e - 651409.903, n - 313177.27)).toBeLessThan(5);
  });

  it('writes OS grid references with the 100 km square letters', () => {
    expect(gridReference(651409.903, 313177.27)).toBe('TG 5140 1317');
    expect(gridReference(530000, 180000)).toBe('TQ 3000 8000');
    expect(gridReference(380669, 394232)).toBe('SJ 8066 9423');
    expect(gridReference(216000, 771000)).toBe('NN 1600 7100');
    expect(gridReference(-1, 10)).toBeNull();
  });
});

/** Independent point-in-polygon: winding number (non-zero rule) summed over a polygon's rings, holes wound opposite. */
function windingContains(g: AreaGeometry, x: number, y: number): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((rings) => {
    let wn = 0;
    for (const ring of rings) {
      let w = 0;
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x1, y1] = ring[k], [x2, y2] = ring[k + 1];
        const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
        if (y1 <= y && y2 > y && side > 0) w++;
        else if (y1 > y && y2 <= y && side < 0) w--;
      }
      // Exterior and holes must cancel whatever the file's winding: count the exterior's sense as +.
      wn += ring === rings[0] ? Math.abs(w) : -Math.abs(w);
    }
    return wn !== 0;
  });
}

describe('ward of a point on the real Trafford boundaries', () => {
  const raw = JSON.parse(readFileSync(fileURLToPath(TRAFFORD), 'utf8')) as { features: { properties: Record<string, string>; geometry: AreaGeometry }[] };
  const areas = raw.features.map((f, k) => ({ area_code: String(k), area_name: null, geometry: f.geometry }));

  it('agrees with an independent winding-number test along scan lines', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let inside = 0;
    for (let row = 0; row < 40; row++) {
      const lat = 53.36 + rand() * 0.12;
      const lons = Array.from({ length: 60 }, () => -2.48 + rand() * 0.27).sort((a, b) => a - b);
      const found = wardScanner(areas)(lat, lons);
      lons.forEach((lon, i) => {
        const expected = areas.filter((a) => windingContains(a.geometry, lon, lat)).map((a) => a.area_code);
        expect(expected.length).toBeLessThanOrEqual(1);
        expect(found[i]?.area_code ?? null).toBe(expected[0] ?? null);
        if (expected.length) inside++;
      });
    }
    expect(inside).toBeGreaterThan(1000);
  });
});

describe('grid cells as places, and statistics that say when they cannot speak', () => {
  let s: TestServer;
  let sparse: TestServer;
  const Q = 'from=2024-01-01&to=2024-12-31';
  type Cell = { i: number; j: number; lon: number; lat: number; easting: number; northing: number; grid_ref: string; ward_code: string | null; ward_name: string | null; count: number; gi_z: number | null; gi_p: number | null; gi_status: string; class: string };
  let wards: Map<string, { name: string; geometry: AreaGeometry }>;

  beforeAll(async () => {
    s = await startTestServer();
    const boxes = await loadTrafford(s.db);
    const box = {
      minLon: Math.min(...boxes.map((w) => w.minLon)), minLat: Math.min(...boxes.map((w) => w.minLat)),
      maxLon: Math.max(...boxes.map((w) => w.maxLon)), maxLat: Math.max(...boxes.map((w) => w.maxLat)),
    };
    const data = syntheticLocations(box, [-2.2925, 53.4445]);
    await insertLocations(s.db, data.locs, data.reports, data.cases);
    const raw = JSON.parse(readFileSync(fileURLToPath(TRAFFORD), 'utf8')) as { features: { properties: Record<string, string>; geometry: AreaGeometry }[] };
    wards = new Map(raw.features.map((f) => [f.properties.area_code, { name: f.properties.area_name, geometry: f.geometry }]));
    // A handful of reports: 6 reports at 3 places.
    sparse = await startTestServer();
    await loadTrafford(sparse.db);
    const few = data.locs.slice(400, 403);
    await insertLocations(sparse.db, few, few.flatMap((l) => [0, 1].map(() => ({ location_id: l.location_id, case_id: 'C1', reported_on: '2024-03-01' }))), [{ case_id: 'C1', child_id: 'CH1' }]);
  });
  afterAll(async () => {
    await s.close();
    s.db.close();
    await sparse.close();
    sparse.db.close();
  });

  it('gives each listed cell its centre, National Grid, grid reference and ward by name', async () => {
    const { body } = await s.get(`/api/hotspots/grid?${Q}&cells=reported`);
    const cells = body.cells as Cell[];
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.every((c) => c.count > 0 || c.class !== 'not_significant')).toBe(true);
    for (const c of cells) {
      const [e, n] = toBritishNationalGrid(c.lon, c.lat);
      expect([c.easting, c.northing]).toEqual([Math.round(e), Math.round(n)]);
      expect(c.grid_ref).toBe(gridReference(e, n));
      const holder = [...wards].filter(([, w]) => windingContains(w.geometry, c.lon, c.lat));
      expect(c.ward_code).toBe(holder[0]?.[0] ?? null);
      expect(c.ward_name).toBe(holder[0]?.[1].name ?? null);
    }
    // Trafford lies in the SJ square. The cluster straddles the borough's edge: some hot cells lie in a named ward, some outside every boundary held.
    expect(cells.filter((c) => !c.grid_ref.startsWith('SJ ')).map((c) => c.grid_ref)).toEqual([]);
    const hot = cells.filter((c) => c.class.startsWith('hot_'));
    expect(hot.length).toBeGreaterThan(0);
    expect(hot.some((c) => c.ward_name !== null)).toBe(true);
    expect(hot.some((c) => c.ward_name === null)).toBe(true);
    expect(body.neighbourhood).toEqual({ cells: 9, side_m: 750, max_centre_distance_m: 354 });
    expect([body.min_neighbourhood_reports, body.min_total_reports]).toEqual([5, 30]);
  });

  it('classes cells by Benjamini–Hochberg over every cell, recomputed apart', async () => {
    const { body } = await s.get(`/api/hotspots/grid?${Q}`);
    const cells = body.cells as Cell[];
    const p = cells.map((c) => (c.gi_p === null ? 1 : c.gi_p));
    const sorted = [...p].sort((a, b) => a - b);
    const cut = (alpha: number) => {
      let best = -1;
      sorted.forEach((v, k) => { if (v <= ((k + 1) / sorted.length) * alpha) best = v; });
      return best;
    };
    const c99 = cut(0.01), c95 = cut(0.05), c90 = cut(0.1);
    cells.forEach((c, k) => {
      const level = c.gi_p === null ? null : p[k] <= c99 ? 99 : p[k] <= c95 ? 95 : p[k] <= c90 ? 90 : null;
      expect(c.class).toBe(level === null ? 'not_significant' : `${c.gi_z! > 0 ? 'hot' : 'cold'}_${level}`);
    });
    expect(cells.filter((c) => c.gi_status === 'too_few_reports').length).toBeGreaterThan(cells.length / 2);
    // Adjusted p (q) by the step-up formula, recomputed: q of rank r = min over ranks ≥ r of n/rank · p.
    const ranked = p.map((v, k) => ({ v, k })).sort((a, b) => a.v - b.v);
    const q = new Array<number>(p.length);
    let m = 1;
    for (let r = ranked.length - 1; r >= 0; r--) { m = Math.min(m, (ranked.length / (r + 1)) * ranked[r].v); q[ranked[r].k] = m; }
    cells.forEach((c, k) => {
      if (c.gi_p === null) expect((c as Cell & { gi_q: number | null }).gi_q).toBeNull();
      else expect(Math.abs((c as Cell & { gi_q: number }).gi_q - q[k])).toBeLessThan(1e-12);
      // Significant at FDR 0.05 exactly when q ≤ 0.05.
      expect(/_(99|95)$/.test(c.class)).toBe(c.gi_p !== null && q[k] <= 0.05);
    });
  });

  it('says "too few reports" on sparse data instead of a statistic', async () => {
    const { body } = await sparse.get(`/api/hotspots/grid?${Q}&cells=reported`);
    expect(body.counted).toBe(6);
    const cells = body.cells as Cell[];
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect([c.gi_z, c.gi_p, c.gi_status, c.class]).toEqual([null, null, 'too_few_reports', 'not_significant']);
    // With the guard lowered to one report the bare statistic would claim a hot spot: that is what the guard prevents.
    const all = (await sparse.get(`/api/hotspots/grid?${Q}&cells=reported&min_reports=1`)).body.cells as Cell[];
    expect(all.every((c) => c.gi_status === 'too_few_reports')).toBe(true); // still fewer than 30 reports in the grid
    expect((await sparse.get(`/api/hotspots/grid?${Q}&min_reports=0`)).body.parameter).toBe('min_reports');
  });

  it('exports the same places and statistic status in the CSV', async () => {
    const api = (await s.get(`/api/hotspots/grid?${Q}&cells=reported`)).body.cells as Cell[];
    const text = await (await s.fetch(`/api/exports/hotspots.csv?${Q}&level=grid&cells=reported`)).text();
    const lines = text.trimEnd().split('\r\n').filter((l) => !/^"?# /.test(l));
    const header = lines[0].split(',');
    expect(header).toEqual(['i', 'j', 'lon', 'lat', 'easting', 'northing', 'grid_ref', 'ward_code', 'ward_name', 'count', 'suppressed', 'gi_status', 'class']);
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, k) => [header[k], v])));
    expect(rows.length).toBe(api.length);
    rows.forEach((r, k) => {
      const c = api[k];
      // The export leaves the analyst: a withheld count takes its statistic status and class with it.
      const shown = r.suppressed === 'false';
      expect([Number(r.i), Number(r.j), Number(r.easting), Number(r.northing), r.grid_ref, r.ward_name || null, r.gi_status, r.class])
        .toEqual([c.i, c.j, c.easting, c.northing, c.grid_ref, c.ward_name, shown ? c.gi_status : '', shown ? c.class : '']);
      expect(Math.abs(Number(r.lon) - c.lon)).toBeLessThan(1e-6);
    });
    expect(text).toMatch(/# method: .*750 m square, centres up to 354 m apart.*fewer than 5 reports/);
  });
});

describe('the methodology appendix', () => {
  it('states the hotspot methods, their parameters and limits', async () => {
    const { methodology } = await import('../server/report/methodology.ts');
    const { DEFAULT_THRESHOLDS } = await import('../server/measures/params.ts');
    const notes = methodology({ suppressed: false, threshold: 5, thresholds: DEFAULT_THRESHOLDS }).notes.join('\n');
    expect(notes).toMatch(/250 m square cells.*Getis-Ord Gi\*/);
    expect(notes).toContain('a 750 m square, centres up to 354 m apart');
    expect(notes).toContain('"too few reports") for a cell whose neighbourhood holds fewer than 5 reports, nor anywhere when the grid holds fewer than 30');
    expect(notes).toContain('Benjamini–Hochberg');
    expect(notes).toMatch(/Mann–Kendall test, significant at p ≤ 0.05/);
    expect(notes).toMatch(/At least 6 steps/);
    expect(notes).toMatch(/Scott's rule/);
    expect(notes).toMatch(/Limits of the hot spot methods/);
  });
});

describe('exports of one location type against the export of every type', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    const boxes = await loadTrafford(s.db);
    const box = {
      minLon: Math.min(...boxes.map((w) => w.minLon)), minLat: Math.min(...boxes.map((w) => w.minLat)),
      maxLon: Math.max(...boxes.map((w) => w.maxLon)), maxLat: Math.max(...boxes.map((w) => w.maxLat)),
    };
    const data = syntheticLocations(box, [-2.2925, 53.4445]);
    await insertLocations(s.db, data.locs, data.reports, data.cases);
  });
  afterAll(async () => {
    await s.close();
    s.db.close();
  });

  it('never lets a small number be worked out by subtracting the two files', async () => {
    const cells = async (q: string) => {
      const text = await (await s.fetch(`/api/exports/hotspots.csv?from=2024-01-01&to=2024-12-31&level=grid&cell_m=500${q}`)).text();
      const lines = text.trimEnd().split('\r\n').filter((l) => !/^"?# /.test(l));
      const header = lines[0].split(',');
      const [ci, cj, cc] = ['i', 'j', 'count'].map((k) => header.indexOf(k));
      return new Map(lines.slice(1).map((l) => l.split(',')).map((r) => [`${r[ci]},${r[cj]}`, r[cc] === '' ? null : Number(r[cc])]));
    };
    const all = await cells('');
    const hotel = await cells('&location_type=hotel');
    let compared = 0, withheldOnlyTyped = 0;
    for (const [k, n] of hotel) {
      const total = all.get(k);
      if (n === null || total === null || total === undefined) continue;
      compared++;
      expect(total - n === 0 || total - n > 5).toBe(true);
    }
    for (const [k, n] of hotel) if (n === null && all.get(k) !== null) withheldOnlyTyped++;
    expect(compared).toBeGreaterThan(0);
    expect(withheldOnlyTyped).toBeGreaterThan(0);
  });
});
