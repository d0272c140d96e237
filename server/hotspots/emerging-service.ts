// Emerging hot spots from the database: the location reports of a span counted
// per step on the same grid as the single-period map (service.ts), then
// classified (emerging.ts). Cells are places as in the grid answer.
import type { Database } from '../db.ts';
import { badRequest } from '../errors.ts';
import { seriesPeriods, type Interval } from '../period.ts';
import { makeGrid, countPoints, type Grid } from './grid.ts';
import { DEFAULT_GUARD, type GiGuard } from './gistar.ts';
import { assertGridSize } from './params.ts';
import { emergingCells, EMERGING_CATEGORIES, MAX_STEPS, MIN_STEPS, TREND_ALPHA, type EmergingCategory } from './emerging.ts';
import { gridExtent, gridPoints, loadBoundaries, neighbourhoodOf, placeCells, type CellPlace } from './service.ts';

export interface EmergingQuery {
  from: string;
  to: string;
  step: Interval;
  cellM: number;
  locationType: string | null;
  guard?: GiGuard;
}

export interface EmergingCell extends CellPlace {
  /** Reports in the cell over the whole span. */
  count: number;
  category: EmergingCategory;
  /** One letter per step: H hot spot, C cold spot, · neither (at 90 % confidence or more, after FDR). */
  pattern: string;
  hot_steps: number;
  cold_steps: number;
  /** Mann–Kendall trend of the cell's Gi* z-scores. */
  trend_z: number;
  trend_p: number;
}

export interface EmergingResult {
  period: { from: string; to: string };
  step: Interval;
  steps: { period: string; from: string; to: string }[];
  cell_m: number;
  location_type: string | null;
  neighbourhood: { cells: 9; side_m: number; max_centre_distance_m: number };
  min_neighbourhood_reports: number;
  min_total_reports: number;
  trend_alpha: number;
  bbox: { min_lon: number; min_lat: number; max_lon: number; max_lat: number } | null;
  ncol: number;
  nrow: number;
  categories: Record<EmergingCategory, string>;
  /** Every cell with a report in the span, in grid order. */
  cells: EmergingCell[];
  /** Internal: the grid, for cell polygons in exports. */
  grid: Grid | null;
}

export async function emergingHotspots(db: Database, q: EmergingQuery): Promise<EmergingResult> {
  const steps = seriesPeriods(q.from, q.to, q.step);
  if (steps.length < MIN_STEPS || steps.length > MAX_STEPS) {
    throw badRequest(`Parameter 'step': ${q.from} to ${q.to} holds ${steps.length} ${q.step}s; emerging hot spots need from ${MIN_STEPS} to ${MAX_STEPS} steps`, 'step');
  }
  const guard = q.guard ?? DEFAULT_GUARD;
  const span = { from: steps[0].date_from, to: steps[steps.length - 1].date_to };
  const base = {
    period: span, step: q.step, steps: steps.map((s) => ({ period: s.period, from: s.date_from, to: s.date_to })),
    cell_m: q.cellM, location_type: q.locationType, neighbourhood: neighbourhoodOf(q.cellM),
    min_neighbourhood_reports: guard.minNeighbourhood, min_total_reports: guard.minTotal, trend_alpha: TREND_ALPHA,
    categories: EMERGING_CATEGORIES,
  };
  const e = await gridExtent(db);
  if (!e) return { ...base, bbox: null, ncol: 0, nrow: 0, cells: [], grid: null };
  const grid = makeGrid(e.bbox, q.cellM);
  assertGridSize(grid);
  const points = await gridPoints(db, { ...span, locationType: q.locationType });
  const counts = steps.map((s) => countPoints(grid, points.filter((p) => p.on >= s.date_from && p.on <= s.date_to)).counts);
  const analysed = emergingCells(counts, grid.ncol, grid.nrow, guard);
  const listed = new Set(analysed.map((c) => c.k));
  const places = placeCells(grid, await loadBoundaries(db), (k) => listed.has(k));
  const cells = analysed.map((c): EmergingCell => ({
    ...places[c.k],
    count: c.total,
    category: c.category,
    pattern: c.hot.map((h, t) => (h ? 'H' : c.cold[t] ? 'C' : '·')).join(''),
    hot_steps: c.hot.filter(Boolean).length,
    cold_steps: c.cold.filter(Boolean).length,
    trend_z: c.trend.z,
    trend_p: c.trend.p,
  }));
  const b = grid.bbox;
  return { ...base, bbox: { min_lon: b.minLon, min_lat: b.minLat, max_lon: b.maxLon, max_lat: b.maxLat }, ncol: grid.ncol, nrow: grid.nrow, cells, grid };
}
