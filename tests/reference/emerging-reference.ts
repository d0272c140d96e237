// An independent computation of emerging hot spots (issue 17), written apart
// from server/hotspots: its own cell assignment, an all-pairs Gi*, its own
// Benjamini–Hochberg, its own normal tail and Mann–Kendall, and the categories
// read from ArcGIS Pro's "How Emerging Hot Spot Analysis works":
// - new: hot at the final step, never hot before;
// - consecutive: one uninterrupted run of ≥ 2 hot steps at the end, never hot
//   before the run, fewer than 90 % of steps hot;
// - intensifying / persistent / diminishing: hot at ≥ 90 % of the steps including
//   the final one, the z-scores' trend significantly up / not significant / down;
// - oscillating: hot at the final step, cold at some earlier step, < 90 % hot;
// - sporadic: hot at the final step, on and off, < 90 % hot, never cold;
// - historical: the final step not hot, ≥ 90 % of steps hot;
// - cold ones alike with hot and cold swapped (intensifying = trend down); no pattern.
// Parameters as the product states them: 3 × 3 cell neighbourhood, fewer than
// 5 reports in it (or 30 in the grid) = not tested, BH over all cells, a step is
// hot/cold when significant at FDR 0.10 with z > 0 / z < 0, trend at p ≤ 0.05.

const R_EARTH = 6_371_008.8;

/** erfc by its Taylor series (small x) or Laplace continued fraction (large x), ~1e-14. */
function erfcRef(x: number): number {
  if (x < 0) return 2 - erfcRef(-x);
  if (x < 2.5) {
    let sum = 0, term = x;
    for (let n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= (-x * x) / (n + 1);
      if (Math.abs(term) < 1e-18) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0;
  for (let k = 120; k >= 1; k--) f = (k / 2) / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}
const pTwoSided = (z: number) => erfcRef(Math.abs(z) / Math.SQRT2);

export interface RefPoint { lon: number; lat: number; on: string }
export interface RefBox { minLon: number; minLat: number; maxLon: number; maxLat: number }

function cellsOf(box: RefBox, cellM: number) {
  const phi0 = ((box.minLat + box.maxLat) / 2) * (Math.PI / 180);
  const x = (lon: number) => R_EARTH * Math.cos(phi0) * (lon - box.minLon) * (Math.PI / 180);
  const y = (lat: number) => R_EARTH * (lat - box.minLat) * (Math.PI / 180);
  const ncol = Math.max(1, Math.ceil(x(box.maxLon) / cellM));
  const nrow = Math.max(1, Math.ceil(y(box.maxLat) / cellM));
  const at = (p: RefPoint): [number, number] | null => {
    if (p.lon < box.minLon || p.lon > box.maxLon || p.lat < box.minLat || p.lat > box.maxLat) return null;
    return [Math.min(ncol - 1, Math.floor(x(p.lon) / cellM)), Math.min(nrow - 1, Math.floor(y(p.lat) / cellM))];
  };
  return { ncol, nrow, at };
}

/** Hot/cold per cell at one step: all-pairs Gi* with binary 3 × 3 weights, guard, BH at 0.10. */
function stepClasses(x: number[], ncol: number): { z: number[]; hot: boolean[]; cold: boolean[] } {
  const n = x.length;
  const total = x.reduce((a, b) => a + b, 0);
  const mean = total / n;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const z: number[] = [], p: number[] = [];
  for (let a = 0; a < n; a++) {
    const ia = a % ncol, ja = Math.floor(a / ncol);
    let w = 0, wx = 0;
    for (let b = 0; b < n; b++) {
      if (Math.abs((b % ncol) - ia) <= 1 && Math.abs(Math.floor(b / ncol) - ja) <= 1) { w++; wx += x[b]; }
    }
    const den = sd * Math.sqrt((n * w - w * w) / (n - 1));
    const za = den > 0 ? (wx - mean * w) / den : NaN;
    z.push(Number.isNaN(za) ? 0 : za);
    p.push(Number.isNaN(za) || wx < 5 || total < 30 ? 1 : pTwoSided(za));
  }
  const order = [...p].sort((u, v) => u - v);
  let cut = -1;
  order.forEach((v, k) => { if (v <= ((k + 1) / n) * 0.1) cut = v; });
  return { z, hot: p.map((v, k) => v <= cut && z[k] > 0), cold: p.map((v, k) => v <= cut && z[k] < 0) };
}

function mannKendallRef(x: number[]): { z: number; p: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += x[j] > x[i] ? 1 : x[j] < x[i] ? -1 : 0;
  const groups: number[] = [];
  const seen = new Set<number>();
  for (const v of x) if (!seen.has(v)) { seen.add(v); groups.push(x.filter((w) => w === v).length); }
  const v = (n * (n - 1) * (2 * n + 5) - groups.reduce((acc, t) => acc + t * (t - 1) * (2 * t + 5), 0)) / 18;
  if (v <= 0) return { z: 0, p: 1 };
  const z = s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(v);
  return { z, p: pTwoSided(z) };
}

function categoryRef(hot: boolean[], cold: boolean[], trend: { z: number; p: number }): string {
  const n = hot.length;
  const sig = trend.p <= 0.05;
  const one = (mine: boolean[], other: boolean[], kind: 'hot' | 'cold'): string => {
    const count = mine.filter(Boolean).length;
    const towards = kind === 'hot' ? trend.z > 0 : trend.z < 0;
    if (count >= 0.9 * n) return `${sig ? (towards ? 'intensifying' : 'diminishing') : 'persistent'}_${kind}`;
    if (count === 1) return `new_${kind}`;
    const firstOfRun = mine.lastIndexOf(false) + 1;
    if (n - firstOfRun >= 2 && mine.slice(0, firstOfRun).every((b) => !b)) return `consecutive_${kind}`;
    return other.some(Boolean) ? `oscillating_${kind}` : `sporadic_${kind}`;
  };
  if (hot[n - 1]) return one(hot, cold, 'hot');
  if (cold[n - 1]) return one(cold, hot, 'cold');
  if (hot.filter(Boolean).length >= 0.9 * n) return 'historical_hot';
  if (cold.filter(Boolean).length >= 0.9 * n) return 'historical_cold';
  return 'no_pattern';
}

/** Category of every cell with a report, keyed "i,j", for steps given as [from, to] ISO dates. */
export function emergingReference(points: RefPoint[], box: RefBox, cellM: number, steps: [string, string][]): Map<string, { category: string; count: number; pattern: string }> {
  const { ncol, nrow, at } = cellsOf(box, cellM);
  const grids = steps.map(([from, to]) => {
    const x = new Array<number>(ncol * nrow).fill(0);
    for (const p of points) {
      if (p.on < from || p.on > to) continue;
      const c = at(p);
      if (c) x[c[1] * ncol + c[0]]++;
    }
    return x;
  });
  const per = grids.map((x) => stepClasses(x, ncol));
  const out = new Map<string, { category: string; count: number; pattern: string }>();
  for (let k = 0; k < ncol * nrow; k++) {
    const count = grids.reduce((a, x) => a + x[k], 0);
    if (count === 0) continue;
    const hot = per.map((s) => s.hot[k]);
    const cold = per.map((s) => s.cold[k]);
    const trend = mannKendallRef(per.map((s) => s.z[k]));
    out.set(`${k % ncol},${Math.floor(k / ncol)}`, {
      category: categoryRef(hot, cold, trend),
      count,
      pattern: hot.map((h, t) => (h ? 'H' : cold[t] ? 'C' : '·')).join(''),
    });
  }
  return out;
}
