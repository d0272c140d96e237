// Query parameters of the hotspot and export routes (400 naming the parameter).
import { badRequest } from '../errors.ts';
import { LOCATION_TYPES } from '../measures/codes.ts';
import { WARD_MEASURES, type WardMeasure } from './wards.ts';
import { makeGrid, type BBox, type Grid } from './grid.ts';
import { DEFAULT_GUARD, type GiGuard } from './gistar.ts';

export const DEFAULT_CELL_M = 250;
const MIN_CELL_M = 10;
const MAX_CELL_M = 50_000;

type Query = Record<string, unknown>;

function text(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw badRequest(`Parameter '${name}' must be given once`, name);
  return v;
}

/** `cell_m`: grid cell width in metres, default 250. */
export function cellMFromQuery(q: Query): number {
  const v = text(q, 'cell_m');
  if (v === undefined) return DEFAULT_CELL_M;
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !(n >= MIN_CELL_M && n <= MAX_CELL_M)) {
    throw badRequest(`Parameter 'cell_m' must be a number of metres from ${MIN_CELL_M} to ${MAX_CELL_M}`, 'cell_m');
  }
  return n;
}

/**
 * Most cells a grid may have (e.g. 250 × 200). Every cell is computed, listed
 * and, for the viewer and partner, suppressed: the work and the answer grow
 * with the cells, not with the data. The default 250 m stays within it for an
 * area up to about 3,000 km² (most counties).
 */
export const MAX_GRID_CELLS = 50_000;

/** The smallest whole number of metres (at least MIN_CELL_M) whose grid over `bbox` has at most MAX_GRID_CELLS cells. */
export function smallestCellM(bbox: BBox): number {
  const g = makeGrid(bbox, 1);
  let c = Math.max(MIN_CELL_M, Math.floor(Math.sqrt((g.widthM * g.heightM) / MAX_GRID_CELLS)));
  while (makeGrid(bbox, c).ncol * makeGrid(bbox, c).nrow > MAX_GRID_CELLS) c++;
  return c;
}

/** 400 (parameter cell_m, stating the smallest allowed) when the grid has more than MAX_GRID_CELLS cells. */
export function assertGridSize(grid: Grid): void {
  if (grid.ncol * grid.nrow <= MAX_GRID_CELLS) return;
  throw badRequest(
    `Parameter 'cell_m' (${grid.cellM}) gives ${grid.ncol} × ${grid.nrow} cells for this area; the most is ${MAX_GRID_CELLS.toLocaleString('en-GB')}, so cell_m must be at least ${smallestCellM(grid.bbox)}`,
    'cell_m',
  );
}

/**
 * `min_reports`: the fewest reports in a cell's neighbourhood (the cell and its
 * 8 neighbours) for its Gi* to be shown, 1 to 1000, default 5. The whole-grid
 * minimum (30 reports) is fixed.
 */
export function guardFromQuery(q: Query): GiGuard {
  const v = text(q, 'min_reports');
  if (v === undefined) return DEFAULT_GUARD;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 1000) throw badRequest("Parameter 'min_reports' must be a whole number of reports from 1 to 1000", 'min_reports');
  return { ...DEFAULT_GUARD, minNeighbourhood: n };
}

/** `location_type`: one location type code, or none for every type. */
export function locationTypeFromQuery(q: Query): string | null {
  const v = text(q, 'location_type')?.trim().toLowerCase();
  if (v === undefined) return null;
  if (!LOCATION_TYPES.includes(v)) throw badRequest(`Parameter 'location_type' must be one of ${LOCATION_TYPES.join(', ')}`, 'location_type');
  return v;
}

/**
 * `cells`: `all` (default) lists every cell of the grid, zeros included; `reported`
 * only the cells with a report or a significant class (what a map draws: a
 * regional grid is mostly empty, and listing all of it is tens of megabytes).
 */
export function cellsFromQuery(q: Query): 'all' | 'reported' {
  const v = text(q, 'cells') ?? 'all';
  if (v !== 'all' && v !== 'reported') throw badRequest("Parameter 'cells' must be 'all' or 'reported'", 'cells');
  return v;
}

/** `measure`: which ward count a choropleth shows (default location_reports). */
export function wardMeasureFromQuery(q: Query): WardMeasure {
  const v = text(q, 'measure') ?? 'location_reports';
  if (!Object.hasOwn(WARD_MEASURES, v)) throw badRequest(`Parameter 'measure' must be one of ${Object.keys(WARD_MEASURES).join(', ')}`, 'measure');
  return v as WardMeasure;
}

/** `crime_type`: one police.uk crime type as published (e.g. "Violence and sexual offences"), or none for every type. */
export function crimeTypeFromQuery(q: Query): string | null {
  const v = text(q, 'crime_type')?.trim();
  if (v === undefined) return null;
  if (v.length > 100) throw badRequest("Parameter 'crime_type' must be a police.uk crime type", 'crime_type');
  return v;
}

/** `step`: the time step of emerging hot spots, month (default) or quarter. */
export function stepFromQuery(q: Query): 'month' | 'quarter' {
  const v = text(q, 'step') ?? 'month';
  if (v !== 'month' && v !== 'quarter') throw badRequest("Parameter 'step' must be 'month' or 'quarter'", 'step');
  return v;
}

/** `level`: ward or grid (required for exports). */
export function levelFromQuery(q: Query): 'ward' | 'grid' | 'emerging' {
  const v = text(q, 'level');
  if (v !== 'ward' && v !== 'grid' && v !== 'emerging') throw badRequest("Parameter 'level' must be 'ward', 'grid' or 'emerging'", 'level');
  return v;
}
