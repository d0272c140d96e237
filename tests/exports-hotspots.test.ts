import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { loadTrafford, insertLocations, insertJson, syntheticLocations } from './hotspots-fixtures.ts';
import { signedArea2, type Ring } from '../server/hotspots/winding.ts';
import { suppressionMask } from '../server/hotspots/suppress.ts';
import { auditLogFor, readAudit } from '../server/audit/log.ts';
import { describeNeeding, OGRINFO } from './helpers/requirements.ts';

let s: TestServer;
let dir: string;
const Q = 'from=2024-01-01&to=2024-12-31';

beforeAll(async () => {
  s = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'hotspots-export-'));
  const wards = await loadTrafford(s.db);
  const box = {
    minLon: Math.min(...wards.map((w) => w.minLon)), minLat: Math.min(...wards.map((w) => w.minLat)),
    maxLon: Math.max(...wards.map((w) => w.maxLon)), maxLat: Math.max(...wards.map((w) => w.maxLat)),
  };
  const data = syntheticLocations(box, [-2.2925, 53.4445]);
  await insertLocations(s.db, data.locs, data.reports, data.cases);
  // Cases by home ward: Altrincham 3 (withheld), Ashton upon Mersey 7 (withheld second), Bowdon 12, Broadheath 0.
  const homes = [...Array(3).fill('E05015239'), ...Array(7).fill('E05015240'), ...Array(12).fill('E05015241')];
  await insertJson(
    s.db,
    'cases',
    homes.map((w, k) => ({ case_id: `W${k}`, child_id: `WC${k}`, referral_date: '2024-06-01', home_ward: w })),
    { case_id: 'VARCHAR', child_id: 'VARCHAR', referral_date: 'DATE', home_ward: 'VARCHAR' },
  );
});
afterAll(async () => {
  await s.close();
  s.db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(path: string): Promise<{ text: string; type: string | null }> {
  const r = await s.fetch(path);
  expect(r.status).toBe(200);
  return { text: await r.text(), type: r.headers.get('content-type') };
}

function exteriorsCounterClockwise(geometry: { type: string; coordinates: unknown }): boolean {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  return polys.every((rings) => rings.every((r, k) => (signedArea2(r) > 0) === (k === 0)));
}

describe('GET /api/exports/hotspots.geojson', () => {
  it('exports the grid as an RFC 7946 FeatureCollection with metadata and no small counts', async () => {
    const { text, type } = await download(`/api/exports/hotspots.geojson?${Q}&level=grid&cell_m=500`);
    expect(type).toMatch(/^application\/geo\+json/);
    const fc = JSON.parse(text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.metadata).toMatchObject({
      classification: 'OFFICIAL-SENSITIVE', level: 'grid', cell_m: 500, suppression_threshold: 5,
      period: { from: '2024-01-01', to: '2024-12-31' },
    });
    expect(fc.metadata.method).toMatch(/Getis-Ord Gi\*/);
    expect(Date.parse(fc.metadata.generated_at)).not.toBeNaN();
    const props = fc.features.map((f: { properties: Record<string, unknown> }) => f.properties);
    expect(Object.keys(props[0]).sort()).toEqual(['class', 'count', 'easting', 'gi_status', 'grid_ref', 'i', 'j', 'lat', 'lon', 'northing', 'suppressed', 'ward_code', 'ward_name']);
    for (const p of props) {
      if (p.suppressed) expect(p.count).toBeNull();
      else expect(p.count === 0 || p.count > 5).toBe(true);
    }
    expect(props.filter((p: { suppressed: boolean }) => p.suppressed).length).toBeGreaterThan(10);
    expect(props.some((p: { count: number }) => p.count > 5)).toBe(true);
    expect(props.some((p: { class: string | null }) => p.class?.startsWith('hot_'))).toBe(true);
    // A withheld cell's class would bound its count: withheld with it.
    expect(props.filter((p: { suppressed: boolean; class: string | null }) => p.suppressed && p.class !== null)).toEqual([]);
    expect(fc.features.every((f: { geometry: { type: string; coordinates: unknown } }) => exteriorsCounterClockwise(f.geometry))).toBe(true);
    expect(text).not.toMatch(/location_id|"L\d+"|CASE|child/);
    // The export is in the audit trail with the SHA-256 of the file sent.
    const hash = createHash('sha256').update(text).digest('hex');
    await auditLogFor(s.db).flush();
    const entry = (await readAudit(s.db)).find((e) => e.file_hash === hash);
    expect(entry).toMatchObject({ event: 'export', route: '/api/exports/hotspots.geojson' });
    expect(entry?.params).toContain('"cell_m":"500"');
  });

  it('exports wards with RFC 7946 winding, withholding small counts and the next smallest of the wards with the unmapped ones', async () => {
    const { text } = await download(`/api/exports/hotspots.geojson?${Q}&level=ward&measure=cases_home`);
    // The set is every ward counted, on the map or not (their total is the measure's): its smallest count above 5 is the secondary.
    const w = (await s.get(`/api/hotspots/wards?${Q}&measure=cases_home`)).body as { rows: { area_code: string; count: number }[]; unmapped: { ward: string; count: number }[] };
    const set = [...w.rows.map((r) => ({ name: r.area_code, count: r.count })), ...w.unmapped.map((u) => ({ name: u.ward, count: u.count }))];
    // The rule, written out: 1..5 withheld; while one withheld (or all withheld are 1), the smallest other (by count, then code; not recorded last).
    const hidden = new Set(set.filter((c) => c.count >= 1 && c.count <= 5).map((c) => c.name));
    for (;;) {
      const h = set.filter((c) => hidden.has(c.name));
      if (!(h.length === 1 || (h.length > 1 && h.every((c) => c.count === 1)))) break;
      const next = set.filter((c) => !hidden.has(c.name) && c.count > 0).sort((x, y) => Number(x.name === 'not_recorded') - Number(y.name === 'not_recorded') || x.count - y.count || (x.name < y.name ? -1 : 1))[0];
      if (!next) break;
      hidden.add(next.name);
    }
    expect(hidden.has('E05015239')).toBe(true);
    const fc = JSON.parse(text);
    expect(fc.features.length).toBe(21);
    expect(fc.metadata.attribution).toMatch(/Crown copyright/);
    const by = new Map(fc.features.map((f: { properties: { area_code: string } }) => [f.properties.area_code, f.properties]));
    expect(by.get('E05015239')).toMatchObject({ count: null, suppressed: true, rate_per_10000: null });
    const withheld = [...by.values()].filter((p: any) => p.suppressed).map((p: any) => p.area_code);
    expect(withheld.sort()).toEqual(w.rows.map((r) => r.area_code).filter((c) => hidden.has(c)).sort());
    expect(by.get('E05015241')).toMatchObject({ count: 12, suppressed: false });
    expect(fc.features.every((f: { geometry: { type: string; coordinates: unknown } }) => exteriorsCounterClockwise(f.geometry))).toBe(true);
  });

  it('answers 400 for a missing level', async () => {
    const { status, body } = await s.get(`/api/exports/hotspots.geojson?${Q}`);
    expect([status, body.parameter]).toEqual([400, 'level']);
  });
});

// GDAL reads the files as a GIS would: the right geometry, every feature, the
// counts as integers, and a withheld ward as null (not 0).
describeNeeding('the GeoJSON export in GDAL (ogrinfo)', [OGRINFO], () => {
  it('opens in GDAL with every feature and its counts', async () => {
    for (const level of ['grid', 'ward']) {
      const { text } = await download(`/api/exports/hotspots.geojson?${Q}&level=${level}&measure=cases_home`);
      const file = join(dir, `hotspots_${level}.geojson`);
      writeFileSync(file, text);
      const out = execFileSync('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' });
      expect(out).toMatch(/Geometry: (Multi )?Polygon/);
      expect(out).toContain(`Feature Count: ${JSON.parse(text).features.length}`);
      expect(out).toMatch(/count: Integer/);
    }
    const wards = join(dir, 'hotspots_ward.geojson');
    const bowdon = execFileSync('ogrinfo', ['-ro', '-al', '-where', "area_code = 'E05015241'", wards], { encoding: 'utf8' });
    expect(bowdon).toMatch(/count \(Integer\) = 12\b/);
    const altrincham = execFileSync('ogrinfo', ['-ro', '-al', '-where', "area_code = 'E05015239'", wards], { encoding: 'utf8' });
    expect(altrincham).toMatch(/count \(Integer\) = \(null\)/);
  });
});

describe('GET /api/exports/hotspots.csv', () => {
  it('exports the same rows with metadata lines and no small counts', async () => {
    const { text, type } = await download(`/api/exports/hotspots.csv?${Q}&level=ward&measure=cases_home`);
    expect(type).toMatch(/^text\/csv/);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toContain('# classification: OFFICIAL-SENSITIVE');
    expect(lines).toContain('# period: 2024-01-01 to 2024-12-31');
    const header = lines.findIndex((l) => l.startsWith('area_code,'));
    expect(lines[header]).toBe('area_code,area_name,measure,count,suppressed,children_0_17,rate_per_10000');
    const rows = lines.slice(header + 1).map((l) => l.split(','));
    expect(rows.length).toBe(21);
    for (const r of rows) {
      const n = r[3] === '' ? null : Number(r[3]);
      expect(n === null || n === 0 || n > 5).toBe(true);
    }
    expect(rows.find((r) => r[0] === 'E05015241')![3]).toBe('12');
    await auditLogFor(s.db).flush();
    const hash = createHash('sha256').update(text).digest('hex');
    expect((await readAudit(s.db)).some((e) => e.file_hash === hash && e.event === 'export')).toBe(true);
  });

  it('never shows a grid count from 1 to 5', async () => {
    const { text } = await download(`/api/exports/hotspots.csv?${Q}&level=grid&cell_m=250`);
    const all = text.trimEnd().split('\r\n');
    const lines = all.slice(all.indexOf('i,j,lon,lat,easting,northing,grid_ref,ward_code,ward_name,count,suppressed,gi_status,class'));
    expect(lines.length).toBeGreaterThan(1000);
    const counts = lines.slice(1).map((l) => l.split(',')[9]);
    expect(counts.every((c) => c === '' || Number(c) === 0 || Number(c) > 5)).toBe(true);
    expect(counts.filter((c) => c === '').length).toBeGreaterThan(10);
  });
});

describe('for a partner', () => {
  it('serves the suppressed export and grid, never a count from 1 to 5', async () => {
    const partner = await startTestServer({ role: 'partner', db: s.db });
    // Partners see whole financial years only (server/suppression/publication.ts).
    const Q = 'from=2024-04-01&to=2025-03-31';
    try {
      expect((await partner.get('/api/hotspots/grid?from=2024-01-01&to=2024-12-31')).status).toBe(400);
      const r = await partner.fetch(`/api/exports/hotspots.geojson?${Q}&level=ward&measure=cases_home`);
      expect(r.status).toBe(200);
      const fc = await r.json();
      expect(fc.features.every((f: { properties: { count: number | null } }) => f.properties.count === null || f.properties.count === 0 || f.properties.count > 5)).toBe(true);
      const grid = await partner.get(`/api/hotspots/grid?${Q}`);
      expect(grid.status).toBe(200);
      const small = grid.body.cells.filter((c: { count: number | null }) => c.count !== null && c.count >= 1 && c.count <= 5);
      expect(small).toEqual([]);
      expect((await partner.get(`/api/hotspots/locations?${Q}`)).status).toBe(403);
    } finally {
      await partner.close();
    }
  });
});

describe('suppression mask', () => {
  it('withholds 1..threshold, and the next smallest when only one is withheld', () => {
    expect(suppressionMask([0, 3, 9, 7, 12], 5)).toEqual([false, true, false, true, false]);
    expect(suppressionMask([0, 3, 2, 7], 5)).toEqual([false, true, true, false]);
    expect(suppressionMask([0, 6, 10], 5)).toEqual([false, false, false]);
    expect(suppressionMask([4, 0], 5)).toEqual([true, false]);
  });
});
