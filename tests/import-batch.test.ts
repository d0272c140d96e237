// Accepted batches: the acceptance extracts, stored values, replace/keep
// semantics, the import history, XLSX = CSV, and the reference data
// (boundaries rewound for d3-geo, population).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea } from 'd3';
import writeXlsxFile from 'write-excel-file/node';
import { Database } from '../server/db.ts';
import { hasExtracts, importFiles, importFolder, type ImportResult } from '../server/import/index.ts';
import { listImports } from '../server/import/store.ts';
import { ACCEPTANCE_DIR, CASES, GOOD_BATCH, MISSING, TRAFFORD_WARDS, snapshot, writeBatch } from './fixtures/extract-batch.ts';

function accepted(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(r.report);
  return r;
}

async function goodDb(): Promise<Database> {
  const db = await Database.open(':memory:');
  accepted(await importFolder(db, writeBatch(GOOD_BATCH), { source: 'demo' }));
  return db;
}

describe('acceptance extracts', () => {
  it('import with zero problems, one stored row per data line', async () => {
    const db = await Database.open(':memory:');
    expect(await hasExtracts(db)).toBe(false);
    const r = accepted(await importFolder(db, ACCEPTANCE_DIR, { source: 'cli' }));
    expect(await hasExtracts(db)).toBe(true);
    expect(r.warnings).toEqual(['cases.csv: column "worker_team" is not in the contract and is ignored']);
    const files = readdirSync(ACCEPTANCE_DIR).filter((f) => f.endsWith('.csv'));
    expect(r.files.map((f) => f.file).sort()).toEqual(files.sort());
    for (const f of r.files) {
      const lines = readFileSync(join(ACCEPTANCE_DIR, f.file), 'utf8').split(/\r?\n/).filter((l) => l !== '').length;
      expect(f.rows, f.file).toBe(lines - 1);
      const [{ n, first, last }] = await db.all(`SELECT count(*) AS n, min(source_row) AS first, max(source_row) AS last FROM ${f.extract}`);
      expect([n, first, last], f.file).toEqual([lines - 1, 2, lines]);
    }
    expect(Object.fromEntries(r.files.map((f) => [f.extract, f.rows]))).toEqual({
      cases: 452, missing_episodes: 1890, offenders: 300, case_offender_links: 499, locations: 140, location_reports: 438, disruptions: 260,
    });
    // Quirks of the acceptance data read as the contract says.
    const [c6] = await db.all("SELECT ethnicity, referral_source, vulnerabilities FROM cases WHERE case_id = 'CASE-6'");
    expect(c6).toEqual({ ethnicity: 'BAFR', referral_source: 'social_care', vulnerabilities: ['bereavement', 'homeless', 'sexuality_concerns'] });
    const [e2] = await db.all("SELECT start_at, end_at, rhi_offered, rhi_completed_date FROM missing_episodes WHERE episode_id = 'EP000002'");
    expect(e2).toEqual({ start_at: '2025-08-15 01:45:00', end_at: '2025-08-15 04:42:00', rhi_offered: 'Y', rhi_completed_date: '2025-08-23' });
    db.close();
  });
});

describe('stored values', () => {
  it('stores canonical codes, NULL for not recorded, the default episode type and the source line', async () => {
    const db = await goodDb();
    expect(await db.all('SELECT case_id, referral_date, closed_date, age_at_referral, ethnicity, looked_after, home_ward, referral_source, risk_level, vulnerabilities, source_row FROM cases ORDER BY case_id')).toEqual([
      { case_id: 'K1', referral_date: '2024-04-01', closed_date: null, age_at_referral: 14, ethnicity: 'WBRI', looked_after: 'Y', home_ward: 'E05000001', referral_source: 'police', risk_level: 'high', vulnerabilities: ['missing', 'self_harm'], source_row: 2 },
      { case_id: 'K2', referral_date: '2024-05-02', closed_date: '2024-06-30', age_at_referral: 15, ethnicity: null, looked_after: 'N', home_ward: 'E05000002', referral_source: 'health', risk_level: 'low', vulnerabilities: null, source_row: 3 },
      { case_id: 'K3', referral_date: '2024-06-15', closed_date: null, age_at_referral: null, ethnicity: 'ABAN', looked_after: 'N', home_ward: null, referral_source: 'education', risk_level: 'medium', vulnerabilities: null, source_row: 4 },
    ]);
    expect(await db.all('SELECT episode_id, start_at, end_at, episode_type, rhi_completed_date FROM missing_episodes ORDER BY episode_id')).toEqual([
      { episode_id: 'E1', start_at: '2024-04-03 22:15:00', end_at: '2024-04-04 09:30:00', episode_type: 'missing', rhi_completed_date: '2024-04-06' },
      { episode_id: 'E2', start_at: '2024-05-10 18:00:30', end_at: null, episode_type: 'missing', rhi_completed_date: null },
    ]);
    expect(await db.all('SELECT area_code, year, sex, age, population FROM population ORDER BY area_code, sex')).toEqual([
      { area_code: 'E05000001', year: 2023, sex: 'F', age: 14, population: 120 },
      { area_code: 'E05000001', year: 2023, sex: 'M', age: 14, population: 131 },
      { area_code: 'E05000002', year: 2023, sex: 'F', age: 15, population: 98 },
    ]);
    expect(await db.all('SELECT latitude, longitude FROM locations ORDER BY location_id')).toEqual([
      { latitude: 53.45, longitude: -2.3 },
      { latitude: null, longitude: null },
    ]);
    db.close();
  });
});

describe('batches', () => {
  it('replace the extracts they contain, keep the others, and record the history with SHA-256', async () => {
    const db = await goodDb();
    const before = await snapshot(db);
    // K3 goes; K1 and K2, which the kept links, reports and disruptions name, stay (tests/import-kept-links.test.ts: otherwise refused).
    const newCases = [CASES.split('\n')[0], 'K1,C1,01/04/2024,,14,F,WBRI,Y,N,,police,high,online,,open', 'K2,C2,2024-05-02,,15,M,,N,N,,health,low,peer,,open'].join('\n');
    const dir = writeBatch({ 'cases.csv': newCases });
    const r = accepted(await importFolder(db, dir, { source: 'cli', importedBy: 'tester' }));
    expect(r.warnings).toEqual([]);
    const after = await snapshot(db);
    expect(after).toEqual({ ...before, cases: 2, imports: 2, import_files: before.import_files + 1, dataVersion: before.dataVersion + 1 });

    const history = await listImports(db);
    expect(history.map((h) => [h.importId, h.source, h.importedBy])).toEqual([[r.importId, 'cli', 'tester'], [r.importId - 1, 'demo', null]]);
    expect(history[0].files).toEqual([
      { extract: 'cases', file: 'cases.csv', rows: 2, sha256: createHash('sha256').update(newCases).digest('hex'), layout: 'extract', readAs: 'cases (our extract format), 2 rows' },
    ]);
    expect(history[1].files.map((f) => [f.extract, f.rows])).toEqual([
      ['case_offender_links', 2], ['cases', 3], ['disruptions', 2], ['location_reports', 2], ['locations', 2], ['missing_episodes', 2], ['offenders', 2], ['population', 3],
    ]);
    expect(history[1].files.find((f) => f.extract === 'missing_episodes')!.sha256).toBe(createHash('sha256').update(MISSING).digest('hex'));
    expect(history[0].importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    db.close();
  });

  it('run one at a time and each bumps the data version', async () => {
    const db = await goodDb();
    const v = await db.dataVersion();
    const dir = writeBatch({ 'missing_episodes.csv': MISSING });
    const results = await Promise.all([1, 2, 3].map(() => importFolder(db, dir, { source: 'api' })));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await db.dataVersion()).toBe(v + 3);
    expect((await db.all('SELECT count(*) AS n FROM missing_episodes'))[0].n).toBe(2);
    db.close();
  });
});

describe('XLSX', () => {
  it('imports the same values as the CSV, typed cells included', async () => {
    const csvDb = await goodDb();
    const xlsxDb = await goodDb();
    const cell = (v: string, col: string) => {
      if (v === '') return null;
      if (col === 'start' || col === 'end') {
        const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(v);
        if (m) {
          const [d, mo, y] = m[1].length === 4 ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
          return { value: new Date(Date.UTC(+y, +mo - 1, +d, +m[4], +m[5])), type: Date, format: 'dd/mm/yyyy hh:mm' };
        }
      }
      if (col === 'age_at_start') return { value: Number(v), type: Number };
      return { value: v };
    };
    const sheet = (csv: string) => {
      const [head, ...rows] = csv.split('\n').map((l) => l.split(','));
      return [head.map((h) => ({ value: h })), ...rows.map((r) => r.map((v, i) => cell(v, head[i])))];
    };
    const files = {
      'missing_episodes.xlsx': await writeXlsxFile(sheet(MISSING) as never).toBuffer(),
      'cases.xlsx': await writeXlsxFile(sheet(CASES) as never).toBuffer(),
    };
    const r = accepted(await importFolder(xlsxDb, writeBatch(files), { source: 'cli' }));
    expect(r.files.map((f) => [f.file, f.rows])).toEqual([['cases.xlsx', 3], ['missing_episodes.xlsx', 2]]);
    for (const table of ['cases', 'missing_episodes']) {
      const q = `SELECT * FROM ${table} ORDER BY source_row`;
      expect(await xlsxDb.all(q), table).toEqual(await csvDb.all(q));
    }
    csvDb.close();
    xlsxDb.close();
  });
});

describe('reference data', () => {
  it('imports the real Trafford wards with every ring wound for d3-geo', async () => {
    const db = await goodDb();
    const r = accepted(await importFiles(db, [{ name: 'boundaries.geojson', path: TRAFFORD_WARDS }], { source: 'cli' }));
    expect(r.files).toEqual([{ extract: 'boundaries', file: 'boundaries.geojson', rows: 21, sha256: createHash('sha256').update(readFileSync(TRAFFORD_WARDS)).digest('hex'), layout: 'extract', readAs: 'boundaries, 21 areas' }]);
    const rows = await db.all('SELECT area_code, area_name, geometry, min_lon, min_lat, max_lon, max_lat FROM boundaries ORDER BY area_code');
    expect(rows).toHaveLength(21);
    let total = 0;
    for (const b of rows) {
      expect(b.area_code).toMatch(/^E05\d{6}$/);
      const area = geoArea(JSON.parse(String(b.geometry)));
      expect(area, String(b.area_name)).toBeLessThan(0.01);
      total += area;
      expect(Number(b.min_lon)).toBeGreaterThan(-2.5);
      expect(Number(b.max_lon)).toBeLessThan(-2.2);
      expect(Number(b.min_lat)).toBeGreaterThan(53.35);
      expect(Number(b.max_lat)).toBeLessThan(53.5);
    }
    // Trafford is about 106 km²: steradians × R² with R = 6371 km.
    expect(total * 6371 ** 2).toBeGreaterThan(100);
    expect(total * 6371 ** 2).toBeLessThan(112);
    db.close();
  });

  it('reads ONS-style properties and rewinds RFC 7946 polygons with holes', async () => {
    const db = await goodDb();
    const ccwSquare = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const cwHole = [[0.25, 0.25], [0.25, 0.75], [0.75, 0.75], [0.75, 0.25], [0.25, 0.25]];
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { LAD23CD: 'E08000009', WD23CD: 'e05000001', WD23NM: 'Square' }, geometry: { type: 'Polygon', coordinates: [ccwSquare, cwHole] } },
        { type: 'Feature', properties: { WD23CD: 'E05000002', WD23NM: 'Multi' }, geometry: { type: 'MultiPolygon', coordinates: [[ccwSquare.map(([x, y]) => [x + 2, y])]] } },
      ],
    };
    accepted(await importFolder(db, writeBatch({ 'boundaries.geojson': JSON.stringify(fc) }), { source: 'cli' }));
    const rows = await db.all('SELECT area_code, area_name, geometry FROM boundaries ORDER BY area_code');
    expect(rows.map((b) => [b.area_code, b.area_name])).toEqual([['E08000009', 'Square'], ['E05000002', 'Multi']].sort());
    const square = JSON.parse(String(rows.find((b) => b.area_name === 'Square')!.geometry));
    const deg2 = (Math.PI / 180) ** 2;
    expect(geoArea(square) / deg2).toBeCloseTo(0.75, 2);
    expect(square.coordinates[0]).toEqual([...ccwSquare].reverse());
    expect(square.coordinates[1]).toEqual([...cwHole].reverse());
    db.close();
  });

  it('refuses broken boundaries, naming the feature and property', async () => {
    const db = await goodDb();
    const before = await snapshot(db);
    const square = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'E05000001', name: 'A' }, geometry: { type: 'Polygon', coordinates: [square] } },
        { type: 'Feature', properties: { code: 'E05000001', name: 'B' }, geometry: { type: 'Polygon', coordinates: [square] } },
        { type: 'Feature', properties: { name: 'C' }, geometry: { type: 'Polygon', coordinates: [square] } },
        { type: 'Feature', properties: { code: 'X', name: 'D' }, geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Feature', properties: { code: 'Y', name: 'E' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 95], [1, 1], [0, 0]]] } },
      ],
    };
    const r = await importFolder(db, writeBatch({ 'boundaries.geojson': JSON.stringify(fc) }), { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    expect(r.problems.map((p) => `${p.column}`)).toEqual([
      'features[1].properties.code', 'features[2].properties', 'features[3].geometry', 'features[4].geometry',
    ]);
    expect(r.problems[3].message).toMatch(/outside WGS84/);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('refuses population rows that repeat a key, ages over 17 and sexes other than F/M', async () => {
    const db = await goodDb();
    const before = await snapshot(db);
    const pop = ['Area Code,Year,Sex,Age,Population', 'E05000001,2023,F,14,120', 'e05000001,2023,f,14,3', 'E05000001,2023,M,18,5', 'E05000001,2023,O,4,5', 'E05000001,2023,M,4,-1'].join('\n');
    const r = await importFolder(db, writeBatch({ 'population.csv': pop }), { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    expect(r.problems.map((p) => `${p.row}:${p.column} ${p.message}`)).toEqual([
      '3:area_code duplicate area_code/year/sex/age (first at row 2)',
      '4:age out of range: must be from 0 to 17',
      '5:sex unknown code: expected one of F, M',
      '6:population out of range: must be from 0 to 100000000',
    ]);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});
