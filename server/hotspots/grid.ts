// The regular grid the hotspot statistic is computed on.
//
// Definitions (an independent computation must reproduce them exactly):
// - The grid covers a bounding box (min_lon, min_lat, max_lon, max_lat) in WGS84
//   degrees; its origin is the box's south-west corner (min_lon, min_lat).
// - Local equirectangular projection, φ0 = (min_lat + max_lat) / 2 of the box,
//   R = 6 371 008.8 m (the mean Earth radius):
//     x = R · cos(φ0) · (λ − min_lon) · π/180,   y = R · (φ − min_lat) · π/180.
// - Square cells `cell_m` metres wide: ncol = ceil(width_m / cell_m),
//   nrow = ceil(height_m / cell_m), at least 1 each, where width_m and height_m
//   are x and y of the north-east corner (max_lon, max_lat).
// - A point's cell is column i = floor(x / cell_m), row j = floor(y / cell_m),
//   both counted from the south-west corner; a point exactly on the far (east or
//   north) edge belongs to the last column or row.
// - Points outside the box (inclusive bounds, in degrees) are left out and
//   counted as `outside`; points without a latitude or longitude as `no_coordinates`.
// - A cell's centre is ((i + ½)·cell_m, (j + ½)·cell_m) projected back to lon/lat.
// Cells are stored row by row from the south: index = j · ncol + i.

export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface Grid {
  bbox: BBox;
  cellM: number;
  /** Central latitude φ0 of the box, in degrees. */
  phi0: number;
  widthM: number;
  heightM: number;
  ncol: number;
  nrow: number;
}

export interface GridPoint {
  lon: number | null;
  lat: number | null;
}

export interface GridCounts {
  /** Number of points per cell, index j · ncol + i. */
  counts: Float64Array;
  outside: number;
  noCoordinates: number;
}

export function projectX(bbox: BBox, phi0: number, lon: number): number {
  return EARTH_RADIUS_M * Math.cos(phi0 * RAD) * (lon - bbox.minLon) * RAD;
}

export function projectY(bbox: BBox, lat: number): number {
  return EARTH_RADIUS_M * (lat - bbox.minLat) * RAD;
}

export function makeGrid(bbox: BBox, cellM: number): Grid {
  if (!(cellM > 0)) throw new Error('cell size must be positive');
  const phi0 = (bbox.minLat + bbox.maxLat) / 2;
  const widthM = projectX(bbox, phi0, bbox.maxLon);
  const heightM = projectY(bbox, bbox.maxLat);
  return {
    bbox,
    cellM,
    phi0,
    widthM,
    heightM,
    ncol: Math.max(1, Math.ceil(widthM / cellM)),
    nrow: Math.max(1, Math.ceil(heightM / cellM)),
  };
}

/** Index (j · ncol + i) of the cell holding a point, or -1 when it is outside the box. */
export function cellIndexOf(grid: Grid, lon: number, lat: number): number {
  const b = grid.bbox;
  if (!(lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat)) return -1;
  const i = Math.min(Math.floor(projectX(b, grid.phi0, lon) / grid.cellM), grid.ncol - 1);
  const j = Math.min(Math.floor(projectY(b, lat) / grid.cellM), grid.nrow - 1);
  return j * grid.ncol + i;
}

/** Counts points per cell; points outside the box or without coordinates are counted apart. */
export function countPoints(grid: Grid, points: Iterable<GridPoint>): GridCounts {
  const counts = new Float64Array(grid.ncol * grid.nrow);
  let outside = 0;
  let noCoordinates = 0;
  for (const p of points) {
    if (p.lon === null || p.lat === null || !Number.isFinite(p.lon) || !Number.isFinite(p.lat)) {
      noCoordinates++;
      continue;
    }
    const k = cellIndexOf(grid, p.lon, p.lat);
    if (k < 0) outside++;
    else counts[k]++;
  }
  return { counts, outside, noCoordinates };
}

/** Inverse projection of grid metres to [lon, lat]. */
export function unproject(grid: Grid, x: number, y: number): [number, number] {
  const b = grid.bbox;
  return [b.minLon + x / (EARTH_RADIUS_M * Math.cos(grid.phi0 * RAD) * RAD), b.minLat + y / (EARTH_RADIUS_M * RAD)];
}

/** Centre [lon, lat] of cell (i, j). */
export function cellCentre(grid: Grid, i: number, j: number): [number, number] {
  return unproject(grid, (i + 0.5) * grid.cellM, (j + 0.5) * grid.cellM);
}

/** Corners of cell (i, j) as a closed ring [lon, lat][], counter-clockwise (RFC 7946) from the south-west. */
export function cellRing(grid: Grid, i: number, j: number): [number, number][] {
  const c = grid.cellM;
  const sw = unproject(grid, i * c, j * c);
  const ne = unproject(grid, (i + 1) * c, (j + 1) * c);
  return [sw, [ne[0], sw[1]], ne, [sw[0], ne[1]], sw];
}
