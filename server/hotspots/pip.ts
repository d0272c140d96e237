// Which ward a point falls in: point-in-polygon on the stored (full
// resolution) boundaries. Even–odd ray casting over every ring of a ward's
// polygons, so holes count out whatever their winding. A point exactly on a
// shared border may go to either ward; cells are placed by their centre.
import type { AreaGeometry } from './winding.ts';

export interface WardArea {
  area_code: string;
  area_name: string | null;
  geometry: AreaGeometry;
}

/**
 * The ward holding each of several points on one parallel (`lat`), `lons`
 * ascending: one scan line per ward instead of a polygon test per point (a
 * 50 m grid has tens of thousands of cells), and only for the wards whose box
 * the parallel crosses (a region holds hundreds of wards). Same even–odd rule
 * as ray casting: a point is inside when an odd number of ring crossings lie
 * east of it.
 */
export function wardScanner(areas: WardArea[]): (lat: number, lons: number[]) => (WardArea | null)[] {
  const boxed = areas.map((a) => {
    const rings = a.geometry.type === 'Polygon' ? a.geometry.coordinates : a.geometry.coordinates.flat();
    let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
    for (const r of rings) {
      for (const [x, y] of r) {
        if (x < minLon) minLon = x;
        if (x > maxLon) maxLon = x;
        if (y < minLat) minLat = y;
        if (y > maxLat) maxLat = y;
      }
    }
    return { a, rings, minLon, minLat, maxLon, maxLat };
  });
  return (lat, lons) => {
    const out: (WardArea | null)[] = new Array(lons.length).fill(null);
    if (lons.length === 0) return out;
    for (const b of boxed) {
      if (lat < b.minLat || lat > b.maxLat || b.maxLon < lons[0] || b.minLon > lons[lons.length - 1]) continue;
      const xs: number[] = [];
      for (const ring of b.rings) {
        for (let p = 0, q = ring.length - 1; p < ring.length; q = p++) {
          const [xa, ya] = ring[p];
          const [xb, yb] = ring[q];
          if (ya > lat !== yb > lat) xs.push(((xb - xa) * (lat - ya)) / (yb - ya) + xa);
        }
      }
      if (xs.length === 0) continue;
      xs.sort((u, v) => u - v);
      // east = number of crossings strictly east of the point (xs[k..] > lon).
      let k = 0;
      for (let i = 0; i < lons.length; i++) {
        while (k < xs.length && xs[k] <= lons[i]) k++;
        if ((xs.length - k) % 2 === 1 && out[i] === null) out[i] = b.a;
      }
    }
    return out;
  };
}
