// Emerging hot spots: how each grid cell's clustering changes over a span of
// months or quarters, in the categories of ArcGIS Pro's Emerging Hot Spot
// Analysis ("How Emerging Hot Spot Analysis works").
//
// Definitions (an independent computation must reproduce them exactly):
// - Steps: the whole months or calendar quarters overlapping the span
//   (server/period.ts seriesPeriods); at least MIN_STEPS of them.
// - At every step, Gi* over the whole grid (gistar.ts: the cell and its 8
//   neighbours, the too-few-reports guard, Benjamini–Hochberg over every cell).
//   A cell is a hot (cold) spot at a step when its class there is hot_* (cold_*)
//   at 90 % confidence or more; under the guard it is neither.
// - Trend: Mann–Kendall (mann-kendall.ts) on the cell's z-scores across the
//   steps (before the guard; 0 at a step where z is undefined, e.g. a step with
//   no reports at all). Significant when p ≤ TREND_ALPHA; up when Z > 0.
// - Cells analysed: those with at least one report in the span (ArcGIS: the
//   locations with data); every other cell has no pattern and is not listed.
// - Categories, with n steps, h hot steps, c cold steps ("90 %" = h/n ≥ 0.9):
//   final step hot:
//     h/n ≥ 0.9: intensifying (trend up), diminishing (trend down), else persistent;
//     h = 1: new;
//     the hot steps are one unbroken run of 2 or more ending at the final step: consecutive;
//     some step cold: oscillating;
//     otherwise: sporadic (on again, off again, never cold).
//   final step cold: the same with hot and cold swapped (intensifying when the
//     trend is down, diminishing when up).
//   final step neither: historical hot when h/n ≥ 0.9, historical cold when
//     c/n ≥ 0.9; otherwise no pattern.
import { giStar, type GiGuard } from './gistar.ts';
import { mannKendall } from './mann-kendall.ts';

export const MIN_STEPS = 6;
export const MAX_STEPS = 120;
export const TREND_ALPHA = 0.05;
const SHARE = 0.9;

export const EMERGING_CATEGORIES = {
  new_hot: 'New hot spot',
  consecutive_hot: 'Consecutive hot spot',
  intensifying_hot: 'Intensifying hot spot',
  persistent_hot: 'Persistent hot spot',
  diminishing_hot: 'Diminishing hot spot',
  sporadic_hot: 'Sporadic hot spot',
  oscillating_hot: 'Oscillating hot spot',
  historical_hot: 'Historical hot spot',
  new_cold: 'New cold spot',
  consecutive_cold: 'Consecutive cold spot',
  intensifying_cold: 'Intensifying cold spot',
  persistent_cold: 'Persistent cold spot',
  diminishing_cold: 'Diminishing cold spot',
  sporadic_cold: 'Sporadic cold spot',
  oscillating_cold: 'Oscillating cold spot',
  historical_cold: 'Historical cold spot',
  no_pattern: 'No pattern detected',
} as const;
export type EmergingCategory = keyof typeof EMERGING_CATEGORIES;

type Family = 'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating';

/** The category of a cell whose final step is significant in `mine` (hot or cold); `other` the opposite kind. */
function family(mine: boolean[], other: boolean[], trendToward: boolean, trendAway: boolean): Family {
  const n = mine.length;
  const m = mine.filter(Boolean).length;
  if (m / n >= SHARE) return trendToward ? 'intensifying' : trendAway ? 'diminishing' : 'persistent';
  if (m === 1) return 'new';
  let run = 0;
  while (run < n && mine[n - 1 - run]) run++;
  if (run >= 2 && run === m) return 'consecutive';
  return other.some(Boolean) ? 'oscillating' : 'sporadic';
}

/** The category of one cell from its hot and cold steps and the trend of its z-scores. */
export function emergingCategory(hot: boolean[], cold: boolean[], trend: { z: number; p: number }): EmergingCategory {
  const n = hot.length;
  const up = trend.p <= TREND_ALPHA && trend.z > 0;
  const down = trend.p <= TREND_ALPHA && trend.z < 0;
  if (hot[n - 1]) return `${family(hot, cold, up, down)}_hot`;
  if (cold[n - 1]) return `${family(cold, hot, down, up)}_cold`;
  if (hot.filter(Boolean).length / n >= SHARE) return 'historical_hot';
  if (cold.filter(Boolean).length / n >= SHARE) return 'historical_cold';
  return 'no_pattern';
}

export interface EmergingCellResult {
  /** Index j · ncol + i. */
  k: number;
  /** Reports in the cell over the whole span. */
  total: number;
  hot: boolean[];
  cold: boolean[];
  trend: { s: number; z: number; p: number };
  category: EmergingCategory;
}

/** Emerging hot spot categories of every cell with reports, from one count grid per step. */
export function emergingCells(steps: ArrayLike<number>[], ncol: number, nrow: number, guard: GiGuard): EmergingCellResult[] {
  const n = ncol * nrow;
  const gis = steps.map((counts) => giStar(counts, ncol, nrow, guard));
  const out: EmergingCellResult[] = [];
  for (let k = 0; k < n; k++) {
    let total = 0;
    for (const counts of steps) total += counts[k];
    if (total === 0) continue;
    const z = gis.map((g) => (Number.isNaN(g.z[k]) ? 0 : g.z[k]));
    const hot = gis.map((g) => g.classes[k].startsWith('hot_'));
    const cold = gis.map((g) => g.classes[k].startsWith('cold_'));
    const trend = mannKendall(z);
    out.push({ k, total, hot, cold, trend, category: emergingCategory(hot, cold, trend) });
  }
  return out;
}
