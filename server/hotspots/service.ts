// Hotspot data from the database: the boundaries, the Gi* grid of location
// reports and the ward counts behind the choropleth maps.
import type { Database } from '../db.ts';
import { makeGrid, countPoints, cellCentre, type BBox, type Grid, type GridPoint } from './grid.ts';
import { giStar, type HotspotClass } from './gistar.ts';
import type { AreaGeometry } from './winding.ts';
import { assertGridSize } from './params.ts';

export const CROWN_ATTRIBUTION = 'Contains National Statistics and OS data © Crown copyright and database right 2023';

export interface Boundary {
  area_code: string;
  area_name: string | null;
  geometry: AreaGeometry;
}

export async function loadBoundaries(db: Database): Promise<Boundary[]> {
  const rows = await db.named('hotspots/boundaries#all');
  return rows.map((r) => ({
    area_code: String(r.area_code),
    area_name: r.area_name === null ? null : String(r.area_name),
    geometry: JSON.parse(String(r.geometry)) as AreaGeometry,
  }));
}

/** The attribution the loaded boundaries need: none for the fictional demo area or when none are loaded. */
export async function boundaryAttribution(db: Database, boundaries: Boundary[]): Promise<string | null> {
  if (boundaries.length === 0) return null;
  const src = await db.named('hotspots/boundaries#source');
  return src.length && src[0].source === 'demo' ? null : CROWN_ATTRIBUTION;
}

function bboxOf(r: Record<string, unknown> | undefined): BBox | null {
  if (!r || r.min_lon === null || r.min_lon === undefined) return null;
  return { minLon: Number(r.min_lon), minLat: Number(r.min_lat), maxLon: Number(r.max_lon), maxLat: Number(r.max_lat) };
}

/** The grid's extent: the boundaries' box, or every located location's box when no boundaries are loaded. */
export async function gridExtent(db: Database): Promise<{ bbox: BBox; extent: 'boundaries' | 'locations' } | null> {
  const b = bboxOf((await db.named('hotspots/boundaries#bbox'))[0]);
  if (b) return { bbox: b, extent: 'boundaries' };
  const p = bboxOf((await db.named('hotspots/locations#points_bbox'))[0]);
  return p ? { bbox: p, extent: 'locations' } : null;
}

export interface GridQuery {
  from: string;
  to: string;
  cellM: number;
  locationType: string | null;
}

export interface GridCell {
  i: number;
  j: number;
  lon: number;
  lat: number;
  count: number;
  gi_z: number | null;
  gi_p: number | null;
  class: HotspotClass;
}

export interface GridResult {
  period: { from: string; to: string };
  cell_m: number;
  location_type: string | null;
  /** What the grid covers: the boundaries' box or, with none loaded, the located locations' box. */
  extent: 'boundaries' | 'locations' | null;
  bbox: { min_lon: number; min_lat: number; max_lon: number; max_lat: number } | null;
  ncol: number;
  nrow: number;
  /** Location reports counted in the grid's cells. */
  counted: number;
  /** Reports whose location lies outside the box, and reports whose location has no coordinates. */
  outside: number;
  no_coordinates: number;
  cells: GridCell[];
  /** Internal: the grid, for building cell polygons in exports. */
  grid: Grid | null;
}

async function gridPoints(db: Database, q: GridQuery): Promise<GridPoint[]> {
  const rows = await db.named('hotspots/locations#grid_input', { from: q.from, to: q.to, location_type: q.locationType });
  return rows.map((r) => ({
    lon: r.lon === null ? null : Number(r.lon),
    lat: r.lat === null ? null : Number(r.lat),
  }));
}

/**
 * Gi* over the grid covering the extent: one cell per grid square, zeros
 * included. 400 (parameter cell_m) when the cell size would make more than
 * MAX_GRID_CELLS cells (params.ts).
 */
export async function hotspotGrid(db: Database, q: GridQuery): Promise<GridResult> {
  const points = await gridPoints(db, q);
  const e = await gridExtent(db);
  const base = { period: { from: q.from, to: q.to }, cell_m: q.cellM, location_type: q.locationType };
  // No boundaries and no located location at all: every report lacks coordinates.
  if (!e) return { ...base, extent: null, bbox: null, ncol: 0, nrow: 0, counted: 0, outside: 0, no_coordinates: points.length, cells: [], grid: null };
  const grid = makeGrid(e.bbox, q.cellM);
  assertGridSize(grid);
  const { counts, outside, noCoordinates } = countPoints(grid, points);
  const gi = giStar(counts, grid.ncol, grid.nrow);
  const cells: GridCell[] = new Array(counts.length);
  let counted = 0;
  for (let j = 0; j < grid.nrow; j++) {
    for (let i = 0; i < grid.ncol; i++) {
      const k = j * grid.ncol + i;
      const [lon, lat] = cellCentre(grid, i, j);
      counted += counts[k];
      cells[k] = {
        i,
        j,
        lon,
        lat,
        count: counts[k],
        gi_z: Number.isNaN(gi.z[k]) ? null : gi.z[k],
        gi_p: Number.isNaN(gi.p[k]) ? null : gi.p[k],
        class: gi.classes[k],
      };
    }
  }
  const b = grid.bbox;
  return {
    ...base,
    extent: e.extent,
    bbox: { min_lon: b.minLon, min_lat: b.minLat, max_lon: b.maxLon, max_lat: b.maxLat },
    ncol: grid.ncol,
    nrow: grid.nrow,
    counted,
    outside,
    no_coordinates: noCoordinates,
    cells,
    grid,
  };
}
