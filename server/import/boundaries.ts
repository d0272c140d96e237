// boundaries.geojson: a FeatureCollection of Polygon/MultiPolygon features in
// WGS84, each with an area code and a name. Rings are rewound for d3-geo
// (exterior rings clockwise, holes counter-clockwise: the opposite of RFC 7946,
// whose winding d3 would read as "the whole globe except this area").
import type { ImportProblem } from './problems.ts';

type Position = number[];
type Ring = Position[];
type PolygonCoords = Ring[];

export interface Boundary {
  code: string;
  name: string;
  /** GeoJSON geometry text, rings wound as d3-geo expects. */
  geometry: string;
  bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The code property: first present of `code`, `area_code`, or an ONS-style `…CD` (`WD23CD`). */
export function codeProperty(props: Record<string, unknown>): string | undefined {
  const keys = Object.keys(props).filter((k) => present(props[k]));
  return keys.find((k) => k.toLowerCase() === 'code') ?? keys.find((k) => k.toLowerCase() === 'area_code') ?? keys.find((k) => /^[a-z0-9]+cd$/i.test(k));
}

/** The name property: `name`, `area_name`, or `…NM` (preferring the one matching the code's prefix). */
export function nameProperty(props: Record<string, unknown>, code: string | undefined): string | undefined {
  const keys = Object.keys(props).filter((k) => present(props[k]));
  const prefix = code && /cd$/i.test(code) ? code.slice(0, -2).toLowerCase() : null;
  return (
    keys.find((k) => k.toLowerCase() === 'name') ??
    keys.find((k) => k.toLowerCase() === 'area_name') ??
    (prefix === null ? undefined : keys.find((k) => k.toLowerCase() === `${prefix}nm`)) ??
    keys.find((k) => /^[a-z0-9]+nm$/i.test(k))
  );
}

function present(v: unknown): boolean {
  return (typeof v === 'string' && v.trim() !== '') || typeof v === 'number';
}

/** Twice the planar signed area of a ring in lon/lat (positive = counter-clockwise). */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** Exterior ring clockwise, holes counter-clockwise (d3-geo). */
export function windForD3(polygon: PolygonCoords): PolygonCoords {
  return polygon.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? [...ring].reverse() : ring;
  });
}

export function parseBoundaries(file: string, buf: Buffer): { boundaries: Boundary[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (column: string | null, value: string | null, message: string) =>
    problems.push({ file, row: null, column, value, message });
  const done = () => ({ boundaries: [], problems });
  if (buf.length === 0) return problem(null, null, 'file is empty (0 bytes)'), done();
  if (buf.indexOf(0) >= 0) return problem(null, null, 'binary content (NUL byte): not a GeoJSON text file'), done();
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf));
  } catch (e) {
    return problem(null, null, `not valid GeoJSON text: ${e instanceof Error ? e.message : 'unreadable'}`), done();
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    return problem('type', isObject(doc) ? String(doc.type ?? '') : null, 'not a GeoJSON FeatureCollection with a features array'), done();
  }
  const boundaries: Boundary[] = [];
  const seen = new Map<string, number>();
  doc.features.forEach((f: unknown, i: number) => {
    const at = `features[${i}]`;
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const codeKey = codeProperty(props);
    const nameKey = nameProperty(props, codeKey);
    if (!codeKey) problem(`${at}.properties`, null, `feature ${i} has no area code property (code, area_code or an ONS-style …CD)`);
    if (!nameKey) problem(`${at}.properties`, null, `feature ${i} has no name property (name, area_name or an ONS-style …NM)`);
    const geometry = isObject(f) ? f.geometry : undefined;
    const polygons = polygonsOf(geometry);
    if (typeof polygons === 'string') {
      problem(`${at}.geometry`, null, `feature ${i}: ${polygons}`);
      return;
    }
    if (!codeKey || !nameKey) return;
    const code = String(props[codeKey]).trim().toUpperCase();
    const before = seen.get(code);
    if (before !== undefined) {
      problem(`${at}.properties.${codeKey}`, code, `duplicate area code (also features[${before}])`);
      return;
    }
    seen.set(code, i);
    const wound = polygons.map(windForD3);
    const type = isObject(geometry) && geometry.type === 'Polygon' ? 'Polygon' : 'MultiPolygon';
    boundaries.push({
      code,
      name: String(props[nameKey]).trim(),
      geometry: JSON.stringify({ type, coordinates: type === 'Polygon' ? wound[0] : wound }),
      bbox: bboxOf(wound),
    });
  });
  if (doc.features.length === 0) problem('features', null, 'the FeatureCollection has no features');
  return problems.length ? done() : { boundaries, problems };
}

function bboxOf(polygons: PolygonCoords[]): Boundary['bbox'] {
  const b = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const ring of polygons.flat()) {
    for (const [lon, lat] of ring) {
      b.minLon = Math.min(b.minLon, lon);
      b.maxLon = Math.max(b.maxLon, lon);
      b.minLat = Math.min(b.minLat, lat);
      b.maxLat = Math.max(b.maxLat, lat);
    }
  }
  return b;
}

/** The polygons of a Polygon/MultiPolygon geometry, or what is wrong with it. */
function polygonsOf(geometry: unknown): PolygonCoords[] | string {
  if (!isObject(geometry)) return 'no geometry';
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `geometry type ${String(type)}: only Polygon and MultiPolygon are accepted`;
  if (!Array.isArray(coordinates)) return 'no coordinates';
  const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as unknown[];
  for (const [pi, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) return `polygon ${pi} has no rings`;
    for (const [ri, ring] of polygon.entries()) {
      const where = `polygon ${pi} ring ${ri}`;
      if (!Array.isArray(ring) || ring.length < 4) return `${where} has fewer than 4 positions`;
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
          return `${where} has a position that is not [longitude, latitude]`;
        }
        if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
          return `${where} has position [${p[0]}, ${p[1]}] outside WGS84 longitude −180..180 / latitude −90..90`;
        }
      }
      const [a, b] = [ring[0], ring[ring.length - 1]];
      if (a[0] !== b[0] || a[1] !== b[1]) return `${where} is not closed (first and last positions differ)`;
    }
  }
  return polygons as PolygonCoords[];
}
