// XmR (individuals and moving range) statistical process control, with the
// special-cause rules of NHS England's Making Data Count as NHSRplotthedots
// applies them (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R). Pure: no I/O.
//
// Decisions, precisely:
// - Baseline: all points of a segment, or its first `baselineN` points (by
//   position, null points included in the count). Limits computed from the
//   baseline apply to the whole segment.
// - Segments: one, or two when `rebaseIndex` (> 0) is given: the points before
//   it and the points from it on, each with its own baseline, mean and limits
//   (drawn as a step). Runs never cross a rebase, as in NHSRplotthedots, which
//   groups every calculation by rebase group.
// - Null values (a percentage with no denominator) are skipped: they take no
//   part in the mean, the moving ranges or the runs (a moving range joins the
//   non-null values either side; a run continues across a null), and get rule
//   null and signal 'none'. They still carry their segment's mean and limits.
// - Centre line = mean of the baseline values. Moving ranges mR = |xᵢ − xᵢ₋₁|
//   between consecutive baseline values; mR̄ their mean; moving ranges strictly
//   above 3.267 × mR̄ are dropped and mR̄ recomputed once (NHSRplotthedots keeps
//   only mR < 3.267 × mR̄; the two differ only at exact equality).
// - Limits = mean ± 2.66 × mR̄, the lower never below 0 and, for percentages,
//   the upper never above 100. With fewer than two baseline values there is no
//   moving range, so limits are null (the mean still is not).
// - Rules, each point labelled with the first that applies:
//   1. 'outside': strictly above ucl or strictly below lcl (a point on a limit is inside).
//   2. 'shift': part of a run of 7 or more consecutive points all strictly above,
//      or all strictly below, the mean; a point on the mean breaks a run.
//   3. 'trend': part of a run of 7 or more consecutive points each strictly higher
//      (or each strictly lower) than the one before, i.e. 7 points with 6
//      consecutive strict increases (decreases); an equal value breaks it. This is
//      how NHSRplotthedots counts "a trend of 7 points": ptd_seven_point_trend
//      takes y[i - 0:6] (7 points) and requires all 6 differences of one sign.
// - Signal: 'neutral' for any special cause when the measure has no direction;
//   otherwise 'improvement' or 'concern' according to the side the rule points to
//   (outside: the limit crossed; shift: the side of the mean; trend: its
//   direction; a point at the peak of a rise followed by a fall takes the earlier run).

export type Unit = 'count' | 'percent';
export type Direction = 'higher' | 'lower' | 'neither';
export type Rule = 'outside' | 'shift' | 'trend';
export type Signal = 'none' | 'improvement' | 'concern' | 'neutral';

export interface XmrOptions {
  unit: Unit;
  direction: Direction;
  /** Limits from the first N points of each segment only. */
  baselineN?: number;
  /** Index of the first point of a new segment with its own limits. */
  rebaseIndex?: number;
}

export interface XmrPoint {
  value: number | null;
  mean: number | null;
  ucl: number | null;
  lcl: number | null;
  rule: Rule | null;
  signal: Signal;
}

export const RUN_LENGTH = 7;
export const LIMIT_FACTOR = 2.66;
export const MR_SCREEN_FACTOR = 3.267;

interface Limits {
  mean: number | null;
  ucl: number | null;
  lcl: number | null;
}

export function xmr(values: (number | null)[], opts: XmrOptions): XmrPoint[] {
  const bounds = [0];
  if (opts.rebaseIndex !== undefined && opts.rebaseIndex > 0 && opts.rebaseIndex < values.length) bounds.push(opts.rebaseIndex);
  bounds.push(values.length);
  const out: XmrPoint[] = [];
  for (let s = 0; s + 1 < bounds.length; s++) out.push(...segment(values.slice(bounds[s], bounds[s + 1]), opts));
  return out;
}

function segment(values: (number | null)[], opts: XmrOptions): XmrPoint[] {
  const baseline = values.slice(0, opts.baselineN ?? values.length).filter((v): v is number => v !== null);
  const lim = limits(baseline, opts.unit);
  const idx = values.flatMap((v, i) => (v === null ? [] : [i]));
  const xs = idx.map((i) => values[i] as number);
  const labels = rules(xs, lim, opts.direction);
  const out: XmrPoint[] = values.map((value) => ({ value, ...lim, rule: null, signal: 'none' }));
  idx.forEach((i, k) => Object.assign(out[i], labels[k]));
  return out;
}

export function limits(baseline: number[], unit: Unit): Limits {
  if (baseline.length === 0) return { mean: null, ucl: null, lcl: null };
  const mean = avg(baseline);
  if (baseline.length < 2) return { mean, ucl: null, lcl: null };
  const mr = baseline.slice(1).map((v, i) => Math.abs(v - baseline[i]));
  const first = avg(mr);
  const mrBar = avg(mr.filter((r) => r <= MR_SCREEN_FACTOR * first));
  let ucl = mean + LIMIT_FACTOR * mrBar;
  const lcl = Math.max(0, mean - LIMIT_FACTOR * mrBar);
  if (unit === 'percent') ucl = Math.min(100, ucl);
  return { mean, ucl, lcl };
}

function avg(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Rule and signal of each value of a segment (nulls already removed). */
function rules(xs: number[], lim: Limits, direction: Direction): { rule: Rule | null; signal: Signal }[] {
  const n = xs.length;
  // +1 / -1: the side (or direction) the rule points to; 0: rule does not apply.
  const outside = xs.map((v) =>
    lim.ucl !== null && v > lim.ucl ? 1 : lim.lcl !== null && v < lim.lcl ? -1 : 0,
  );
  const side = xs.map((v) => (lim.mean === null ? 0 : Math.sign(v - lim.mean)));
  const shift = runs(n, (i) => side[i], RUN_LENGTH);
  const step = xs.map((v, i) => (i === 0 ? 0 : Math.sign(v - xs[i - 1])));
  // A trend of 7 points is 6 steps of one sign: mark the steps' runs of 6, then
  // widen each marked run to include the point before its first step.
  const stepRuns = runs(n, (i) => step[i], RUN_LENGTH - 1);
  const trend = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 1; i--) {
    if (stepRuns[i] !== 0) {
      trend[i] = stepRuns[i];
      if (stepRuns[i - 1] !== stepRuns[i]) trend[i - 1] = stepRuns[i];
    }
  }
  return xs.map((_, i) => {
    const [rule, dir]: [Rule | null, number] = outside[i]
      ? ['outside', outside[i]]
      : shift[i]
        ? ['shift', shift[i]]
        : trend[i]
          ? ['trend', trend[i]]
          : [null, 0];
    return { rule, signal: rule === null ? 'none' : signalOf(dir, direction) };
  });
}

/** For each index, the key (±1) of the run of equal non-zero keys of length >= min it belongs to, else 0. */
function runs(n: number, key: (i: number) => number, min: number): number[] {
  const out = new Array<number>(n).fill(0);
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && key(i) === key(start)) continue;
    if (key(start) !== 0 && i - start >= min) out.fill(key(start), start, i);
    start = i;
  }
  return out;
}

function signalOf(dir: number, direction: Direction): Signal {
  if (direction === 'neither') return 'neutral';
  return (dir > 0) === (direction === 'higher') ? 'improvement' : 'concern';
}
