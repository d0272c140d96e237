// Ring winding of GeoJSON polygons. Boundaries are stored with d3-geo's winding
// (exterior rings clockwise, holes counter-clockwise); RFC 7946 — what QGIS and
// GDAL expect in shared files — wants the opposite: exteriors counter-clockwise,
// holes clockwise. Orientation is taken from the planar signed area in lon/lat,
// which is exact for areas as small as wards.

export type Position = number[];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** Twice the signed planar area of a ring: positive when counter-clockwise (x = lon, y = lat). */
export function signedArea2(ring: Ring): number {
  let a = 0;
  for (let k = 0; k + 1 < ring.length; k++) a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return a;
}

function orient(ring: Ring, counterClockwise: boolean): Ring {
  return signedArea2(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
}

function rewindPolygon(rings: Ring[]): Ring[] {
  return rings.map((r, k) => orient(r, k === 0));
}

/** The geometry with RFC 7946 winding (exterior counter-clockwise, holes clockwise). */
export function toRfc7946(g: AreaGeometry): AreaGeometry {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rewindPolygon(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(rewindPolygon) };
}
