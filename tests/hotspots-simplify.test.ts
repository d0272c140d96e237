// Boundaries simplified for drawing (server/hotspots/simplify.ts): on the real,
// full-resolution Trafford ward file, far fewer vertices, no vertex of the
// original further than the tolerance from the simplified outline, winding kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simplifyForDrawing, simplifyRing, DRAWN_WIDTH_PX } from '../server/hotspots/simplify.ts';
import { signedArea2, type AreaGeometry, type Ring } from '../server/hotspots/winding.ts';
import type { Boundary } from '../server/hotspots/service.ts';
import { TRAFFORD, toD3 } from './hotspots-fixtures.ts';

const raw = JSON.parse(readFileSync(fileURLToPath(TRAFFORD), 'utf8')) as { features: { properties: Record<string, string>; geometry: AreaGeometry }[] };
const wards: Boundary[] = raw.features.map((f, i) => ({ area_code: String(i), area_name: null, geometry: toD3(f.geometry) }));
const rings = (g: AreaGeometry): Ring[] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/** Distance in metres from a point to a ring's outline (local equirectangular plane). */
function distanceToRing(p: number[], ring: Ring, k: number): number {
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = [ring[i][0] * k, ring[i][1]], [bx, by] = [ring[i + 1][0] * k, ring[i + 1][1]];
    const [px, py] = [p[0] * k, p[1]];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx - px, ay + t * dy - py));
  }
  return best * 111_195;
}

describe('boundaries simplified for drawing', () => {
  const simple = simplifyForDrawing(wards);
  const vertices = (bs: Boundary[]) => bs.reduce((n, b) => n + rings(b.geometry).reduce((m, r) => m + r.length, 0), 0);

  it('keeps every ward and ring, with a small fraction of the vertices, winding unchanged', () => {
    expect(simple.length).toBe(wards.length);
    expect(vertices(simple)).toBeLessThan(vertices(wards) / 4);
    simple.forEach((b, i) => {
      const before = rings(wards[i].geometry), after = rings(b.geometry);
      expect(after.length).toBe(before.length);
      after.forEach((r, j) => {
        expect(r.length).toBeGreaterThanOrEqual(4);
        expect(r[0]).toEqual(r[r.length - 1]);
        expect(Math.sign(signedArea2(r))).toBe(Math.sign(signedArea2(before[j])));
      });
    });
  });

  it('moves no original vertex further from the outline than a quarter pixel of the widest map', () => {
    const lons = wards.flatMap((b) => rings(b.geometry).flat().map((p) => p[0]));
    const lats = wards.flatMap((b) => rings(b.geometry).flat().map((p) => p[1]));
    const k = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180));
    const extentM = Math.max((Math.max(...lons) - Math.min(...lons)) * k, Math.max(...lats) - Math.min(...lats)) * 111_195;
    const toleranceM = extentM / DRAWN_WIDTH_PX / 4;
    let worst = 0;
    wards.forEach((b, i) => rings(b.geometry).forEach((r, j) => {
      const s = rings(simple[i].geometry)[j];
      for (const p of r) worst = Math.max(worst, distanceToRing(p, s, k));
    }));
    expect(worst).toBeLessThanOrEqual(toleranceM * 1.01 + 0.2);
    expect(worst).toBeGreaterThan(0);
  });

  it('leaves a ring of four vertices as it is', () => {
    const square: Ring = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
    expect(simplifyRing(square, 10, 1)).toEqual(square);
  });
});
