// Getis-Ord Gi* hotspot statistic on a regular grid, with ArcGIS-style
// confidence classes after a Benjamini–Hochberg false discovery rate correction.
//
// Definitions (an independent computation must reproduce them exactly):
// - x_j: the value of cell j (every cell of the grid, zeros included), n cells.
// - Weights are binary: w_ij = 1 for the cell itself and the up-to-8 cells around
//   it (queen contiguity, self included), 0 otherwise. W_i = Σ_j w_ij (4 in a
//   corner, 6 on an edge, 9 inside); Σ_j w_ij² = W_i since weights are 0/1.
// - x̄ = Σx / n and S = √(Σ(x − x̄)² / n) (population standard deviation).
// - Getis & Ord (1995), self included:
//     z_i = (Σ_j w_ij x_j − x̄ · W_i) / (S · √((n · W_i − W_i²) / (n − 1)))
//   z is null when the denominator is 0 (S = 0: every cell equal; or W_i = n,
//   a grid so small that a cell's neighbourhood is the whole grid).
// - p_i = two-sided p of z_i under the standard normal = erfc(|z_i| / √2).
// - Classes: Benjamini–Hochberg at α = 0.10, 0.05 and 0.01, as ArcGIS's Hot Spot
//   Analysis does with its FDR option. For each α, rank p ascending over all n
//   cells (a cell with null z takes p = 1); k = the largest rank with
//   p_(k) ≤ k/n · α; every cell with p ≤ p_(k) is significant at that α (ties are
//   all in or all out). A significant cell is hot when z > 0, cold when z < 0,
//   classed at the strictest level it passes: 99 (FDR 0.01), 95 (FDR 0.05),
//   90 (FDR 0.10). The three significant sets are nested (a cut-off grows with
//   α), so a cell not significant at FDR 0.05 is never hot/cold at 95 or 99; the
//   90 % class holds cells significant at FDR 0.10 only, i.e. NOT significant at
//   the FDR 0.05 the profile reports, kept as ArcGIS's weakest class. BH caps
//   p ≤ α, so a 99/95/90 cell also has |z| ≥ 2.576/1.960/1.645.
// - Too few reports (the guard): Gi* on a handful of points gives p-values such
//   as 1e-30 that mean nothing. A cell whose neighbourhood (the 9 cells above)
//   holds fewer than `minNeighbourhood` reports, or any cell when the whole grid
//   holds fewer than `minTotal` (ArcGIS asks for at least 30 features), is
//   "too few reports": its z and p are not shown and it takes p = 1 in the
//   Benjamini–Hochberg ranking (it still counts among the n cells corrected for).

import { twoSidedP } from './normal.ts';

export type HotspotClass = 'hot_99' | 'hot_95' | 'hot_90' | 'cold_99' | 'cold_95' | 'cold_90' | 'not_significant';

/** Whether a cell's Gi* can be shown: tested, too few reports (the guard), or undefined (S = 0 or W = n). */
export type GiStatus = 'tested' | 'too_few_reports' | 'undefined';

export interface GiGuard {
  /** Fewest reports in a cell's neighbourhood (itself and its 8 neighbours) for its Gi* to be shown. */
  minNeighbourhood: number;
  /** Fewest reports in the whole grid for any Gi* to be shown. */
  minTotal: number;
}

/** No guard: every defined z is tested (the bare statistic). */
export const NO_GUARD: GiGuard = { minNeighbourhood: 0, minTotal: 0 };
export const DEFAULT_GUARD: GiGuard = { minNeighbourhood: 5, minTotal: 30 };

export interface GiStarResult {
  /** z-score per cell, before the guard; NaN where it is undefined. */
  z: Float64Array;
  /** Two-sided p per cell, before the guard; NaN where z is undefined. */
  p: Float64Array;
  /** Reports in each cell's neighbourhood (the cell and its up-to-8 neighbours). */
  local: Float64Array;
  status: GiStatus[];
  /** Benjamini–Hochberg adjusted p over every cell, after the guard (1 for a cell not tested). */
  q: Float64Array;
  /** Classes after the guard: a cell not tested is not significant. */
  classes: HotspotClass[];
}

/** Gi* z and p for each cell of a grid of ncol × nrow values (index j · ncol + i). */
export function giStar(values: ArrayLike<number>, ncol: number, nrow: number, guard: GiGuard = NO_GUARD): GiStarResult {
  const n = ncol * nrow;
  if (values.length !== n) throw new Error(`expected ${n} values, got ${values.length}`);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[k];
  const mean = sum / n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (values[k] - mean) * (values[k] - mean);
  const s = Math.sqrt(ss / n);

  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const localSums = new Float64Array(n);
  for (let j = 0; j < nrow; j++) {
    const j0 = Math.max(0, j - 1);
    const j1 = Math.min(nrow - 1, j + 1);
    for (let i = 0; i < ncol; i++) {
      const i0 = Math.max(0, i - 1);
      const i1 = Math.min(ncol - 1, i + 1);
      let local = 0;
      for (let jj = j0; jj <= j1; jj++) {
        const row = jj * ncol;
        for (let ii = i0; ii <= i1; ii++) local += values[row + ii];
      }
      const w = (j1 - j0 + 1) * (i1 - i0 + 1);
      const den = s * Math.sqrt((n * w - w * w) / (n - 1));
      const k = j * ncol + i;
      localSums[k] = local;
      if (den > 0 && Number.isFinite(den)) {
        z[k] = (local - mean * w) / den;
        p[k] = twoSidedP(z[k]);
      } else {
        z[k] = NaN;
        p[k] = NaN;
      }
    }
  }
  const status: GiStatus[] = new Array(n);
  const tested = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    status[k] = Number.isNaN(z[k]) ? 'undefined' : sum < guard.minTotal || localSums[k] < guard.minNeighbourhood ? 'too_few_reports' : 'tested';
    tested[k] = status[k] === 'tested' ? p[k] : NaN;
  }
  return { z, p, local: localSums, status, q: bhAdjusted(tested), classes: classify(z, tested) };
}

export const FDR_LEVELS = [
  { confidence: 99, alpha: 0.01 },
  { confidence: 95, alpha: 0.05 },
  { confidence: 90, alpha: 0.1 },
] as const;

/** The Benjamini–Hochberg cut-off: the largest p_(k) with p_(k) ≤ k/n·α (−1 when none). */
export function bhCutoff(sortedP: ArrayLike<number>, alpha: number): number {
  const n = sortedP.length;
  for (let k = n; k >= 1; k--) {
    if (sortedP[k - 1] <= (k / n) * alpha) return sortedP[k - 1];
  }
  return -1;
}

/**
 * Benjamini–Hochberg adjusted p-values (q) over all n cells: q_(k) = min over
 * j ≥ k of n/j · p_(j), capped at 1; a cell with NaN p (not tested) takes p = 1.
 * A cell is significant at FDR α exactly when q ≤ α (the classes above).
 */
export function bhAdjusted(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => (Number.isNaN(p[a]) ? 1 : p[a]) - (Number.isNaN(p[b]) ? 1 : p[b]));
  const q = new Float64Array(n);
  let running = 1;
  for (let r = n - 1; r >= 0; r--) {
    const k = order[r];
    const v = Number.isNaN(p[k]) ? 1 : p[k];
    running = Math.min(running, (n / (r + 1)) * v);
    q[k] = running;
  }
  return q;
}

/** ArcGIS-style hot/cold classes at 99/95/90 % confidence after BH FDR correction (see the header). */
export function classify(z: ArrayLike<number>, p: ArrayLike<number>): HotspotClass[] {
  const n = p.length;
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = Number.isNaN(p[k]) ? 1 : p[k];
  sorted.sort();
  const cutoffs = FDR_LEVELS.map((l) => ({ confidence: l.confidence, cutoff: bhCutoff(sorted, l.alpha) }));
  const out: HotspotClass[] = new Array(n);
  for (let k = 0; k < n; k++) {
    out[k] = 'not_significant';
    if (Number.isNaN(p[k]) || z[k] === 0) continue;
    const level = cutoffs.find((c) => p[k] <= c.cutoff);
    if (level) out[k] = `${z[k] > 0 ? 'hot' : 'cold'}_${level.confidence}` as HotspotClass;
  }
  return out;
}
