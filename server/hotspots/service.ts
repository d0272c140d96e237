// Hotspot data from the database: the boundaries, the Gi* grid of location
// reports and the ward counts behind the choropleth maps.
import type { Database } from '../db.ts';
import { makeGrid, countPoints, cellCentre, type BBox, type Grid, type GridPoint } from './grid.ts';
import { giStar, DEFAULT_GUARD, type GiGuard, type GiStatus, type HotspotClass } from './gistar.ts';
import { toBritishNationalGrid, gridReference } from './bng.ts';
import { wardScanner } from './pip.ts';
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
  /** The too-few-reports guard (gistar.ts); DEFAULT_GUARD when not given. */
  guard?: GiGuard;
  /** Which cells to list: every cell (default) or those with reports or a significant class. */
  cells?: 'all' | 'reported';
}

/** A grid cell as a place: its centre in WGS84 and on the British National Grid, and the ward holding the centre. */
export interface CellPlace {
  i: number;
  j: number;
  lon: number;
  lat: number;
  /** British National Grid (EPSG:27700) of the centre, to the metre. */
  easting: number;
  northing: number;
  /** OS grid reference of the centre to 10 m, e.g. "SJ 8066 9423"; null outside the National Grid. */
  grid_ref: string | null;
  /** The ward whose boundary holds the centre; null when it lies outside every boundary held. */
  ward_code: string | null;
  ward_name: string | null;
}

export interface GridCell extends CellPlace {
  count: number;
  /** Gi* z and two-sided p; null when too few reports (gi_status) or undefined. */
  gi_z: number | null;
  gi_p: number | null;
  /** p adjusted for the number of cells (Benjamini–Hochberg false discovery rate); null when not tested. */
  gi_q: number | null;
  gi_status: GiStatus;
  class: HotspotClass;
}

/**
 * Where each cell of a grid is (index j · ncol + i): centre, National Grid
 * coordinates and ward (by name); only for the cells `keep` accepts (the
 * others stay empty), since placing a whole regional grid is most of a request.
 */
export function placeCells(grid: Grid, boundaries: Boundary[], keep: (k: number) => boolean = () => true): CellPlace[] {
  const out: CellPlace[] = new Array(grid.ncol * grid.nrow);
  const wardsAlong = wardScanner(boundaries);
  for (let j = 0; j < grid.nrow; j++) {
    const cols: number[] = [];
    for (let i = 0; i < grid.ncol; i++) if (keep(j * grid.ncol + i)) cols.push(i);
    if (cols.length === 0) continue;
    const centres = cols.map((i) => cellCentre(grid, i, j));
    const wards = wardsAlong(centres[0][1], centres.map((c) => c[0]));
    cols.forEach((i, n) => {
      const [lon, lat] = centres[n];
      const [e, nn] = toBritishNationalGrid(lon, lat);
      out[j * grid.ncol + i] = {
        i, j, lon, lat,
        easting: Math.round(e), northing: Math.round(nn), grid_ref: gridReference(e, nn),
        ward_code: wards[n]?.area_code ?? null, ward_name: wards[n]?.area_name ?? null,
      };
    });
  }
  return out;
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
  /** The Gi* neighbourhood: the cell and its 8 neighbours, a square 3 × cell_m wide; centres up to cell_m × √2 apart. */
  neighbourhood: { cells: 9; side_m: number; max_centre_distance_m: number };
  /** The too-few-reports guard applied. */
  min_neighbourhood_reports: number;
  min_total_reports: number;
  /** Location reports counted in the grid's cells (all of them, listed or not). */
  counted: number;
  /** Reports whose location lies outside the box, and reports whose location has no coordinates. */
  outside: number;
  no_coordinates: number;
  cells: GridCell[];
  /** Internal: the grid, for building cell polygons in exports. */
  grid: Grid | null;
}

export function neighbourhoodOf(cellM: number): GridResult['neighbourhood'] {
  return { cells: 9, side_m: 3 * cellM, max_centre_distance_m: Math.round(cellM * Math.SQRT2) };
}


/** Each location report of the span (optionally of one type) with its coordinates and date. */
export async function gridPoints(db: Database, q: Pick<GridQuery, 'from' | 'to' | 'locationType'>): Promise<(GridPoint & { on: string })[]> {
  const rows = await db.named('hotspots/locations#grid_input', { from: q.from, to: q.to, location_type: q.locationType });
  return rows.map((r) => ({
    lon: r.lon === null ? null : Number(r.lon),
    lat: r.lat === null ? null : Number(r.lat),
    on: String(r.reported_on),
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
  const guard = q.guard ?? DEFAULT_GUARD;
  const base = {
    period: { from: q.from, to: q.to }, cell_m: q.cellM, location_type: q.locationType,
    neighbourhood: neighbourhoodOf(q.cellM),
    min_neighbourhood_reports: guard.minNeighbourhood, min_total_reports: guard.minTotal,
  };
  // No boundaries and no located location at all: every report lacks coordinates.
  if (!e) return { ...base, extent: null, bbox: null, ncol: 0, nrow: 0, counted: 0, outside: 0, no_coordinates: points.length, cells: [], grid: null };
  const grid = makeGrid(e.bbox, q.cellM);
  assertGridSize(grid);
  const { counts, outside, noCoordinates } = countPoints(grid, points);
  const gi = giStar(counts, grid.ncol, grid.nrow, guard);
  const listed = (k: number) => q.cells !== 'reported' || counts[k] > 0 || gi.classes[k] !== 'not_significant';
  const places = placeCells(grid, await loadBoundaries(db), listed);
  const cells: GridCell[] = [];
  let counted = 0;
  for (let j = 0; j < grid.nrow; j++) {
    for (let i = 0; i < grid.ncol; i++) {
      const k = j * grid.ncol + i;
      counted += counts[k];
      if (!listed(k)) continue;
      const shown = gi.status[k] === 'tested';
      cells.push({
        ...places[k],
        count: counts[k],
        gi_z: shown ? gi.z[k] : null,
        gi_p: shown ? gi.p[k] : null,
        gi_q: shown ? gi.q[k] : null,
        gi_status: gi.status[k],
        class: gi.classes[k],
      });
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
