// Test data for the hotspot tests: the real Trafford ward boundaries (through
// the importer) and deterministic synthetic locations and reports.
import { fileURLToPath } from 'node:url';
import type { Database } from '../server/db.ts';
import { importFiles } from '../server/import/index.ts';
import { signedArea2, type AreaGeometry, type Ring } from '../server/hotspots/winding.ts';
import { fixtureUrl } from './helpers/fixtures.ts';

export const TRAFFORD = fixtureUrl('reference/trafford_wards_2023.geojson');
const ACCEPTANCE = fixtureUrl('acceptance/extracts/');

/** d3-geo winding: exterior clockwise (negative planar area), holes counter-clockwise. */
export function toD3(g: AreaGeometry): AreaGeometry {
  const wind = (rings: Ring[]) => rings.map((r, k) => ((signedArea2(r) < 0) === (k === 0) ? r : [...r].reverse()));
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: wind(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(wind) };
}

/**
 * Imports the Trafford boundaries with the project's importer (validation,
 * d3 winding, bbox columns). A first batch must hold the required extracts, so
 * acceptance extracts come with it (cases, missing episodes and offenders unless
 * `extracts` names others).
 */
export async function loadTrafford(db: Database, extracts = ['cases.csv', 'missing_episodes.csv', 'offenders.csv']): Promise<{ code: string; minLon: number; minLat: number; maxLon: number; maxLat: number }[]> {
  const files = extracts.map((name) => ({ name, path: fileURLToPath(new URL(name, ACCEPTANCE)) }));
  const r = await importFiles(db, [...files, { name: 'boundaries.geojson', path: fileURLToPath(TRAFFORD) }], { source: 'cli' });
  if (!r.ok) throw new Error(r.report);
  const rows = await db.all('SELECT area_code, min_lon, min_lat, max_lon, max_lat FROM boundaries ORDER BY area_code');
  return rows.map((b) => ({ code: String(b.area_code), minLon: Number(b.min_lon), minLat: Number(b.min_lat), maxLon: Number(b.max_lon), maxLat: Number(b.max_lat) }));
}

/** Inserts rows (objects with the given columns) into a table through one bound JSON parameter. */
export async function insertJson(db: Database, table: string, rows: object[], columns: Record<string, string>): Promise<void> {
  const names = Object.keys(columns);
  const struct = JSON.stringify(Object.fromEntries(names.map((n) => [n, columns[n]])));
  await db.all(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM (SELECT unnest(from_json($j, '[${struct}]'), recursive := true))`,
    { j: JSON.stringify(rows) },
  );
}

export interface Loc {
  location_id: string;
  location_type: string;
  ward: string | null;
  latitude: number | null;
  longitude: number | null;
}
export interface Report {
  location_id: string;
  case_id: string;
  reported_on: string;
}

export async function insertLocations(db: Database, locs: Loc[], reports: Report[], cases: { case_id: string; child_id: string }[]): Promise<void> {
  await insertJson(db, 'locations', locs, { location_id: 'VARCHAR', location_type: 'VARCHAR', ward: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE' });
  await insertJson(db, 'location_reports', reports, { location_id: 'VARCHAR', case_id: 'VARCHAR', reported_on: 'DATE' });
  await insertJson(
    db,
    'cases',
    cases.map((c) => ({ ...c, referral_date: '2024-05-01' })),
    { case_id: 'VARCHAR', child_id: 'VARCHAR', referral_date: 'DATE' },
  );
}

/** A deterministic pseudo-random generator in [0, 1). */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const TYPES = ['hotel', 'takeaway', 'park', 'licensed_premises', 'transport_hub'];

/**
 * Synthetic locations over a box: 400 scattered, 60 clustered near one point
 * (a hotspot), 5 outside the box and 3 without coordinates; each reported 1–3
 * times in 2024 by cases of 150 children.
 */
export function syntheticLocations(box: { minLon: number; minLat: number; maxLon: number; maxLat: number }, hot: [number, number]) {
  const rand = lcg(42);
  const locs: Loc[] = [];
  const add = (lon: number | null, lat: number | null) =>
    locs.push({ location_id: `L${locs.length + 1}`, location_type: TYPES[locs.length % TYPES.length], ward: null, latitude: lat, longitude: lon });
  for (let k = 0; k < 400; k++) add(box.minLon + rand() * (box.maxLon - box.minLon), box.minLat + rand() * (box.maxLat - box.minLat));
  for (let k = 0; k < 60; k++) add(hot[0] + (rand() - 0.5) * 0.008, hot[1] + (rand() - 0.5) * 0.005);
  for (let k = 0; k < 5; k++) add(box.maxLon + 0.01 + rand() * 0.05, box.minLat + rand() * 0.1);
  for (let k = 0; k < 3; k++) add(null, null);
  const cases = Array.from({ length: 300 }, (_, k) => ({ case_id: `C${k + 1}`, child_id: `CH${(k % 150) + 1}` }));
  const reports: Report[] = [];
  locs.forEach((l, k) => {
    const times = 1 + (k % 3);
    for (let t = 0; t < times; t++) {
      const month = 1 + Math.floor(rand() * 12);
      reports.push({ location_id: l.location_id, case_id: cases[Math.floor(rand() * cases.length)].case_id, reported_on: `2024-${String(month).padStart(2, '0')}-15` });
    }
  });
  return { locs, reports, cases };
}
