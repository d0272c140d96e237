// The fictional borough: an irregular outline cut into wards by a relaxed Voronoi tessellation,
// with wavy shared edges, in WGS84 (RFC 7946: exterior rings counter-clockwise).
import { Delaunay } from 'd3';
import { bbox, centroid, clipToConvex, counterClockwise, dedupe, densify, pointInRing, type Box, type Pt } from './geometry.ts';
import type { Rng } from './prng.ts';

export interface Ward {
  code: string;
  name: string;
  ring: Pt[]; // [lon, lat], counter-clockwise, open
  box: Box;
  site: Pt; // [lon, lat] of the ward's centre
  weight: number; // relative share of the area's children at risk living here
  hotspot: boolean; // town-centre ward where locations of concern cluster
  children: number; // resident children aged 0–17
}

export interface GeographyOptions {
  origin: Pt; // [lon, lat] of the borough centre
  firstCode: number; // 990001 → E05990001
  names: readonly string[]; // at least as many as wards; the first two name the town centre
  wardCount: number;
}

const KM_PER_DEG_LAT = 110.574;
const kmPerDegLon = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);
const RADIUS_KM = 6;

export function buildWards(rng: Rng, opts: GeographyOptions): Ward[] {
  const outline = boroughOutline(rng);
  let sites = seedSites(rng, outline, opts.wardCount);
  for (let i = 0; i < 3; i++) sites = voronoiCells(sites, outline).map((cell) => centroid(cell));
  const cells = voronoiCells(sites, outline);
  const warp = displacement(rng);
  const toLonLat = ([x, y]: Pt): Pt => {
    const [wx, wy] = warp([x, y]);
    const lat = opts.origin[1] + wy / KM_PER_DEG_LAT;
    const lon = opts.origin[0] + wx / kmPerDegLon(opts.origin[1]);
    return [round6(lon), round6(lat)];
  };

  const centre: Pt = [rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)];
  const byCentre = sites.map((s, i) => ({ i, d: Math.hypot(s[0] - centre[0], s[1] - centre[1]) })).sort((a, b) => a.d - b.d);
  const hotspots = new Set(byCentre.slice(0, 3).map((e) => e.i));
  const names = [...opts.names.slice(0, 2), ...rng.shuffle(opts.names.slice(2).slice())];
  const order = [...byCentre.slice(0, 2), ...rng.shuffle(byCentre.slice(2))];
  const nameOf = new Map(order.map((e, k) => [e.i, names[k]]));

  const wards = cells.map((cell, i): Omit<Ward, 'code'> => {
    const ring = counterClockwise(dedupe(densify(cell, 0.06).map(toLonLat), 1e-7));
    const distance = byCentre.find((e) => e.i === i)!.d;
    return {
      name: nameOf.get(i)!,
      ring,
      box: bbox(ring),
      site: toLonLat(sites[i]),
      weight: rng.lognormal(1, 0.45) * (hotspots.has(i) ? 1.6 : 1) * (distance < 3 ? 1.3 : 1),
      hotspot: hotspots.has(i),
      children: rng.int(2100, 3900),
    };
  });
  return wards
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((w, k) => ({ ...w, code: `E05${String(opts.firstCode + k).padStart(6, '0')}` }));
}

/** A random point inside the ward, optionally near its centre (normal spread of `spreadKm`). */
export function pointInWard(rng: Rng, ward: Ward, spreadKm?: number): Pt {
  const lat = ward.site[1];
  for (let attempt = 0; attempt < 60; attempt++) {
    const p: Pt =
      spreadKm !== undefined && attempt < 30
        ? [ward.site[0] + rng.normal(0, spreadKm / kmPerDegLon(lat)), ward.site[1] + rng.normal(0, spreadKm / KM_PER_DEG_LAT)]
        : [rng.uniform(ward.box.minX, ward.box.maxX), rng.uniform(ward.box.minY, ward.box.maxY)];
    if (pointInRing(p, ward.ring)) return [round6(p[0]), round6(p[1])];
  }
  return ward.site;
}

/** GeoJSON Feature text for a ward (one line). */
export function wardFeature(ward: Ward): string {
  const ring = [...ward.ring, ward.ring[0]];
  return JSON.stringify({
    type: 'Feature',
    properties: { area_code: ward.code, area_name: ward.name },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A wobbly, roughly round outline in km around (0, 0), counter-clockwise. */
function boroughOutline(rng: Rng): Pt[] {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({ k, a: rng.uniform(0.02, 0.11) / Math.sqrt(k - 1), phase: rng.uniform(0, 2 * Math.PI) }));
  const stretch = rng.uniform(1.1, 1.35);
  const points: Pt[] = [];
  const n = 120;
  for (let i = 0; i < n; i++) {
    const theta = (2 * Math.PI * i) / n;
    const r = RADIUS_KM * (1 + harmonics.reduce((s, h) => s + h.a * Math.sin(h.k * theta + h.phase), 0));
    points.push([r * Math.cos(theta) * stretch, (r * Math.sin(theta)) / stretch]);
  }
  return points;
}

function seedSites(rng: Rng, outline: Pt[], count: number): Pt[] {
  const box = bbox(outline);
  const sites: Pt[] = [];
  let minDistance = 2.2;
  while (sites.length < count) {
    for (let attempt = 0; attempt < 2000 && sites.length < count; attempt++) {
      const p: Pt = [rng.uniform(box.minX, box.maxX), rng.uniform(box.minY, box.maxY)];
      if (pointInRing(p, outline) && sites.every((s) => Math.hypot(s[0] - p[0], s[1] - p[1]) >= minDistance)) sites.push(p);
    }
    minDistance *= 0.9;
  }
  return sites;
}

function voronoiCells(sites: Pt[], outline: Pt[]): Pt[][] {
  const box = bbox(outline);
  const voronoi = Delaunay.from(sites).voronoi([box.minX - 1, box.minY - 1, box.maxX + 1, box.maxY + 1]);
  return sites.map((_, i) => {
    const cell = counterClockwise(voronoi.cellPolygon(i).slice(0, -1) as Pt[]);
    return dedupe(clipToConvex(outline, cell), 1e-9);
  });
}

/**
 * A smooth displacement field (sum of a few sine waves). Its gradient stays below 1, so the
 * map is one-to-one: shared edges stay shared and no polygon folds over itself.
 */
function displacement(rng: Rng): (p: Pt) => Pt {
  const wave = (k: number, amplitude: number) => {
    const angle = rng.uniform(0, 2 * Math.PI);
    return { kx: k * Math.cos(angle), ky: k * Math.sin(angle), amplitude, phase: rng.uniform(0, 2 * Math.PI) };
  };
  const waves = (): ReturnType<typeof wave>[] => [
    wave(rng.uniform(1.2, 2), 0.09),
    wave(rng.uniform(2.5, 3.5), 0.04),
    wave(rng.uniform(7, 9), 0.012),
    wave(rng.uniform(15, 18), 0.005),
  ];
  const wx = waves();
  const wy = waves();
  const sum = (ws: ReturnType<typeof wave>[], [x, y]: Pt) => ws.reduce((s, w) => s + w.amplitude * Math.sin(w.kx * x + w.ky * y + w.phase), 0);
  return (p) => [p[0] + sum(wx, p), p[1] + sum(wy, p)];
}
