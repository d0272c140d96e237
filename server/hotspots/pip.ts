// Which ward a point falls in: point-in-polygon on the stored (full
// resolution) boundaries. Even–odd ray casting over every ring of a polygon,
// so holes count out whatever their winding; a multipolygon holds a point when
// any of its polygons does. A point exactly on a shared border may go to
// either ward; cells are placed by their centre, far from such ties in practice.
import type { AreaGeometry, Ring } from './winding.ts';

export interface WardArea {
  area_code: string;
  area_name: string | null;
  geometry: AreaGeometry;
}

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a];
    const [xb, yb] = ring[b];
    if (ya > lat !== yb > lat && lon < ((xb - xa) * (lat - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: Ring[]): boolean {
  let inside = false;
  for (const r of rings) if (inRing(lon, lat, r)) inside = !inside;
  return inside;
}

export function contains(g: AreaGeometry, lon: number, lat: number): boolean {
  return g.type === 'Polygon' ? inPolygon(lon, lat, g.coordinates) : g.coordinates.some((p) => inPolygon(lon, lat, p));
}

/** A lookup of the ward holding a point (boxes first, then the polygon). */
export function wardLocator(areas: WardArea[]): (lon: number, lat: number) => WardArea | null {
  const boxed = areas.map((a) => {
    const pts = (a.geometry.type === 'Polygon' ? a.geometry.coordinates : a.geometry.coordinates.flat()).flat();
    let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
    for (const [x, y] of pts) {
      if (x < minLon) minLon = x;
      if (x > maxLon) maxLon = x;
      if (y < minLat) minLat = y;
      if (y > maxLat) maxLat = y;
    }
    return { a, minLon, minLat, maxLon, maxLat };
  });
  return (lon, lat) => {
    for (const b of boxed) {
      if (lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) continue;
      if (contains(b.a.geometry, lon, lat)) return b.a;
    }
    return null;
  };
}

/**
 * The ward holding each of several points on one parallel (`lat`), `lons`
 * ascending: one scan line per ward instead of a polygon test per point (a
 * 50 m grid has tens of thousands of cells). Same even–odd rule as `contains`:
 * a point is inside when an odd number of ring crossings lie east of it.
 */
export function wardsAlong(areas: WardArea[], lat: number, lons: number[]): (WardArea | null)[] {
  const out: (WardArea | null)[] = new Array(lons.length).fill(null);
  for (const a of areas) {
    const rings = a.geometry.type === 'Polygon' ? a.geometry.coordinates : a.geometry.coordinates.flat();
    const xs: number[] = [];
    for (const ring of rings) {
      for (let p = 0, q = ring.length - 1; p < ring.length; q = p++) {
        const [xa, ya] = ring[p];
        const [xb, yb] = ring[q];
        if (ya > lat !== yb > lat) xs.push(((xb - xa) * (lat - ya)) / (yb - ya) + xa);
      }
    }
    if (xs.length === 0) continue;
    xs.sort((u, v) => u - v);
    // east = number of crossings strictly east of the point (xs[east..] > lon).
    let k = 0;
    for (let i = 0; i < lons.length; i++) {
      while (k < xs.length && xs[k] <= lons[i]) k++;
      if ((xs.length - k) % 2 === 1 && out[i] === null) out[i] = a;
    }
  }
  return out;
}
