// Boundaries simplified for drawing. A full-resolution ward file has far more
// vertices than a map a few hundred pixels wide can show: a national set drawn
// as it is makes megabytes of SVG path per map. For the maps (not for counting:
// Gi*, point-in-ward and the exports use the stored geometry) each ring is
// simplified with Douglas–Peucker at a tolerance of a fraction of a pixel of the
// widest map drawn (`DRAWN_WIDTH_PX` across the whole extent), so the picture is
// unchanged. Coordinates are rounded to 6 decimal places (about 0.1 m).
// Rings are simplified one by one: a border shared by two wards may differ by
// less than the tolerance on either side, which no drawn map can show.
import type { AreaGeometry, Ring } from './winding.ts';
import { signedArea2 } from './winding.ts';
import type { Boundary } from './service.ts';

/** The widest map drawn, in pixels; the tolerance is a quarter of its pixel. */
export const DRAWN_WIDTH_PX = 2000;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Squared distance from p to the segment a–b, in the plane x = lon·k, y = lat. */
function segmentDistance2(p: number[], a: number[], b: number[], k: number): number {
  const ax = a[0] * k, ay = a[1], bx = b[0] * k, by = b[1], px = p[0] * k, py = p[1];
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker over a closed ring (first = last vertex kept), iterative. */
export function simplifyRing(ring: Ring, tolerance: number, k: number): Ring {
  const n = ring.length;
  if (n <= 4) return ring.map((p) => [round6(p[0]), round6(p[1])]);
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  // A closed ring's two ends coincide: split it at its farthest vertex from the start first.
  let far = 1, farD = -1;
  for (let i = 1; i < n - 1; i++) {
    const d = (ring[i][0] - ring[0][0]) ** 2 * k * k + (ring[i][1] - ring[0][1]) ** 2;
    if (d > farD) (farD = d), (far = i);
  }
  keep[far] = 1;
  const stack: [number, number][] = [[0, far], [far, n - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let idx = -1, max = tol2;
    for (let i = s + 1; i < e; i++) {
      const d = segmentDistance2(ring[i], ring[s], ring[e], k);
      if (d > max) (max = d), (idx = i);
    }
    if (idx !== -1) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  const out: Ring = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push([round6(ring[i][0]), round6(ring[i][1])]);
  // A ring too small to keep its shape, or turned over, is kept as it was.
  if (out.length < 4 || Math.sign(signedArea2(out)) !== Math.sign(signedArea2(ring))) return ring.map((p) => [round6(p[0]), round6(p[1])]);
  return out;
}

function simplifyGeometry(g: AreaGeometry, tolerance: number, k: number): AreaGeometry {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => simplifyRing(r, tolerance, k)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => simplifyRing(r, tolerance, k))) };
}

/** The boundaries with every ring simplified to a quarter pixel of a DRAWN_WIDTH_PX map of their whole extent. */
export function simplifyForDrawing(boundaries: Boundary[]): Boundary[] {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  const visit = (r: Ring) => {
    for (const [lon, lat] of r) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  };
  for (const b of boundaries) (b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates).forEach((p) => p.forEach(visit));
  if (!Number.isFinite(minLon)) return boundaries;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const tolerance = Math.max((maxLon - minLon) * k, maxLat - minLat) / DRAWN_WIDTH_PX / 4;
  return boundaries.map((b) => ({ ...b, geometry: simplifyGeometry(b.geometry, tolerance, k) }));
}
