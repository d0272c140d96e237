// XmR rules on hand-made series: limits, the moving-range screen, floors and
// caps, each special-cause rule at its edges, priority, signals, nulls,
// baseline and rebase; and a randomised check against a naive window search.
import { describe, expect, it } from 'vitest';
import { xmr, limits, type XmrOptions, type XmrPoint } from '../server/trends/xmr.ts';

const count: XmrOptions = { unit: 'count', direction: 'higher' };
const rulesOf = (ps: XmrPoint[]) => ps.map((p) => p.rule);

describe('limits', () => {
  it('mean and mean ± 2.66 × mean moving range', () => {
    const ps = xmr([10, 12, 11, 13, 12], count);
    // mean 58/5; mR 2,1,2,1 → 1.5; 2.66 × 1.5 = 3.99
    for (const p of ps) {
      expect(p.mean).toBeCloseTo(11.6, 12);
      expect(p.ucl).toBeCloseTo(15.59, 12);
      expect(p.lcl).toBeCloseTo(7.61, 12);
    }
    expect(rulesOf(ps)).toEqual([null, null, null, null, null]);
  });

  it('drops moving ranges above 3.267 × mR̄ and recomputes mR̄ once only', () => {
    // mR: nine 0s, 3, 20 → mR̄ 23/11 = 2.09; 20 > 6.83 is dropped; mR̄ = 3/10 = 0.3.
    // On the second pass 3 > 3.267 × 0.3 but it is kept (one screen only).
    const l = limits([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 23], 'count');
    expect(l.mean).toBeCloseTo(26 / 12, 12);
    expect(l.ucl).toBeCloseTo(26 / 12 + 0.798, 12);
    expect(l.lcl).toBeCloseTo(26 / 12 - 0.798, 12);
  });

  it('keeps a moving range that is not above the screen', () => {
    // mR 1,1,1,1,4: mR̄ 1.6, screen 5.23: nothing dropped.
    const l = limits([1, 2, 1, 2, 1, 5], 'count');
    expect(l.ucl).toBeCloseTo(2 + 2.66 * 1.6, 12);
  });

  it('floors the lower limit at 0 for counts', () => {
    const l = limits([0, 0, 5, 0, 0], 'count');
    // mean 1; mR 0,5,5,0 → 2.5; 1 − 6.65 < 0
    expect(l).toEqual({ mean: 1, ucl: 1 + 2.66 * 2.5, lcl: 0 });
  });

  it('caps the upper limit at 100 for percentages (and floors the lower at 0)', () => {
    const l = limits([95, 100, 90, 100, 95], 'percent');
    // mean 96; mR 5,10,10,5 → 7.5; 96 + 19.95 > 100
    expect(l.mean).toBe(96);
    expect(l.ucl).toBe(100);
    expect(l.lcl).toBeCloseTo(96 - 19.95, 12);
    expect(limits([0, 5, 0], 'percent').lcl).toBe(0);
    // The same values as counts are not capped.
    expect(limits([95, 100, 90, 100, 95], 'count').ucl).toBeCloseTo(115.95, 12);
  });

  it('has a mean but no limits with one value, nothing with none', () => {
    expect(limits([4], 'count')).toEqual({ mean: 4, ucl: null, lcl: null });
    expect(limits([], 'count')).toEqual({ mean: null, ucl: null, lcl: null });
  });
});

describe('outside', () => {
  it('is strictly beyond a limit: a point on the limit is inside', () => {
    // baseline 100,150,100,150: mean 125, mR̄ 50, ucl 125 + 133 = 258, lcl 0
    const ps = xmr([100, 150, 100, 150, 258, 258.01], { ...count, baselineN: 4 });
    expect(ps[4].ucl).toBe(258);
    expect(ps[4].rule).toBeNull();
    expect(ps[5].rule).toBe('outside');
    expect(ps[5].signal).toBe('improvement');
  });

  it('below the lower limit', () => {
    // baseline 50,52,50,52: mean 51, mR̄ 2, lcl 45.68
    const ps = xmr([50, 52, 50, 52, 45.68, 45], { ...count, baselineN: 4 });
    expect(ps[4].lcl).toBeCloseTo(45.68, 12);
    expect(ps[5].rule).toBe('outside');
    expect(ps[5].signal).toBe('concern');
  });
});

describe('shift', () => {
  // Baseline 10,20: mean 15, mR̄ 10, limits 0..41.6. Values alternate so no trend.
  const base = [10, 20];
  const above = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 17 : 16));
  const below = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 13 : 12));

  it('a run of exactly 6 above the mean is not a shift; exactly 7 is', () => {
    // 15 (on the mean) stops the baseline's 20 joining the first run.
    const ps = xmr([...base, 15, ...above(6), 12, ...above(7), 12], { ...count, baselineN: 2 });
    expect(rulesOf(ps)).toEqual([null, null, null, ...Array(6).fill(null), null, ...Array(7).fill('shift'), null]);
  });

  it('a point on the mean breaks a run', () => {
    const ps = xmr([...base, ...above(3), 15, ...above(4)], { ...count, baselineN: 2 });
    expect(ps.every((p) => p.rule === null)).toBe(true);
    const ps2 = xmr([...base, ...below(7), 15], { ...count, baselineN: 2 });
    expect(rulesOf(ps2).slice(2)).toEqual([...Array(7).fill('shift'), null]);
  });

  it('below the mean is a concern when higher is better, an improvement when lower is better', () => {
    const values = [...base, ...below(8)];
    expect(xmr(values, { ...count, baselineN: 2 })[5].signal).toBe('concern');
    expect(xmr(values, { ...count, direction: 'lower', baselineN: 2 })[5].signal).toBe('improvement');
    expect(xmr(values, { ...count, direction: 'neither', baselineN: 2 })[5].signal).toBe('neutral');
  });
});

describe('trend', () => {
  // Baseline 0,30: mean 15, mR̄ 30, limits 0..94.8. Trends cross the mean, so no shift.
  const opts: XmrOptions = { ...count, baselineN: 2 };

  it('6 points rising (5 increases) is not a trend; 7 points (6 increases) is', () => {
    const six = xmr([0, 30, 12, 13, 14, 16, 17, 18, 10], opts);
    expect(six.every((p) => p.rule === null)).toBe(true);
    const seven = xmr([0, 30, 12, 13, 14, 16, 17, 18, 19, 10], opts);
    expect(rulesOf(seven)).toEqual([null, null, ...Array(7).fill('trend'), null]);
    expect(seven[2].signal).toBe('improvement');
  });

  it('a tie breaks a trend', () => {
    const ps = xmr([0, 30, 12, 13, 14, 14, 16, 17, 18, 19], opts);
    expect(ps.every((p) => p.rule === null)).toBe(true);
  });

  it('falling 7 points; a rise then fall sharing a peak takes the earlier run', () => {
    const ps = xmr([0, 30, 19, 18, 17, 16, 14, 13, 12], opts);
    expect(rulesOf(ps).slice(2)).toEqual(Array(7).fill('trend'));
    expect(ps[2].signal).toBe('concern');
    const lower = xmr([0, 30, 19, 18, 17, 16, 14, 13, 12], { ...opts, direction: 'lower' });
    expect(lower[2].signal).toBe('improvement');
    const peak = xmr([0, 30, 10, 11, 12, 13, 14, 16, 20, 19, 18, 17, 16, 14, 13], opts);
    expect(rulesOf(peak).slice(2)).toEqual(Array(13).fill('trend'));
    expect(peak[8].signal).toBe('improvement');
    expect(peak[9].signal).toBe('concern');
  });
});

describe('priority, nulls, baseline and rebase', () => {
  it('labels each point with the first rule that applies: outside, shift, trend', () => {
    // baseline 20,10 (mean 15, ucl 41.6); then 7 rising points above the mean, the
    // last beyond ucl: 10 and those 7 make a trend of 8, but shift and outside come first.
    const ps = xmr([20, 10, 16, 17, 18, 19, 20, 21, 50], { ...count, baselineN: 2 });
    expect(rulesOf(ps)).toEqual([null, 'trend', 'shift', 'shift', 'shift', 'shift', 'shift', 'shift', 'outside']);
  });

  it('skips nulls: no part in mean or moving ranges, runs continue across them, rule null', () => {
    const ps = xmr([10, null, 12, 11, null, 13, 12], { ...count, unit: 'percent' });
    expect(ps[0].mean).toBeCloseTo(11.6, 12);
    expect(ps[1]).toEqual({ value: null, mean: ps[0].mean, ucl: ps[0].ucl, lcl: ps[0].lcl, rule: null, signal: 'none' });
    expect(ps[0].ucl).toBeCloseTo(15.59, 12);
    const run = xmr([0, 30, 12, 13, null, 14, 16, 17, 18, null, 19], { ...count, baselineN: 2 });
    expect(rulesOf(run)).toEqual([null, null, 'trend', 'trend', null, 'trend', 'trend', 'trend', 'trend', null, 'trend']);
  });

  it('baselineN: limits from the first N points apply to all', () => {
    const ps = xmr([10, 12, 11, 13, 12, 40, 40], { ...count, baselineN: 5 });
    expect(ps[6].mean).toBeCloseTo(11.6, 12);
    expect(rulesOf(ps)).toEqual([null, null, null, null, null, 'outside', 'outside']);
  });

  it('rebase: each segment has its own mean and limits, and runs do not cross it', () => {
    const ps = xmr([10, 12, 11, 13, 12, 30, 32, 31, 33, 32], { ...count, rebaseIndex: 5 });
    expect(ps[4].mean).toBeCloseTo(11.6, 12);
    expect(ps[5].mean).toBeCloseTo(31.6, 12);
    expect(ps[5].ucl).toBeCloseTo(35.59, 12);
    expect(ps.every((p) => p.rule === null)).toBe(true);
    const runs = xmr([16, 17, 16, 17, 16, 17, 14, 16, 17, 16, 17, 16, 17], { ...count, rebaseIndex: 6 });
    expect(runs.every((p) => p.rule !== 'shift')).toBe(true);
  });
});

// A naive implementation written differently: a point is in a run if some window
// of 7 consecutive (non-null) points containing it satisfies the rule.
function naive(values: number[], baselineN: number): { mean: number; ucl: number; lcl: number; rules: (string | null)[] } {
  const b = values.slice(0, baselineN);
  const mean = b.reduce((a, x) => a + x, 0) / b.length;
  let mr: number[] = [];
  for (let i = 1; i < b.length; i++) mr.push(Math.abs(b[i] - b[i - 1]));
  const m1 = mr.reduce((a, x) => a + x, 0) / mr.length;
  mr = mr.filter((r) => !(r > 3.267 * m1));
  const m2 = mr.reduce((a, x) => a + x, 0) / mr.length;
  const ucl = mean + 2.66 * m2;
  const lcl = Math.max(0, mean - 2.66 * m2);
  const inWindow = (i: number, ok: (w: number[]) => boolean) => {
    for (let s = i - 6; s <= i; s++) if (s >= 0 && s + 7 <= values.length && ok(values.slice(s, s + 7))) return true;
    return false;
  };
  const rules = values.map((v, i) => {
    if (v > ucl || v < lcl) return 'outside';
    if (inWindow(i, (w) => w.every((x) => x > mean) || w.every((x) => x < mean))) return 'shift';
    if (inWindow(i, (w) => w.every((x, k) => k === 0 || x > w[k - 1]) || w.every((x, k) => k === 0 || x < w[k - 1]))) return 'trend';
    return null;
  });
  return { mean, ucl, lcl, rules };
}

describe('against a naive computation', () => {
  it('agrees on 500 random series', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let specials = 0;
    for (let t = 0; t < 500; t++) {
      const n = 8 + Math.floor(rnd() * 30);
      let level = 5 + Math.floor(rnd() * 20);
      const values = Array.from({ length: n }, () => {
        level = Math.max(0, level + Math.floor(rnd() * 7) - 3 + (rnd() < 0.05 ? 15 : 0));
        return level;
      });
      const baselineN = rnd() < 0.5 ? n : 4 + Math.floor(rnd() * (n - 4));
      const want = naive(values, baselineN);
      const got = xmr(values, { ...count, baselineN });
      got.forEach((p, i) => {
        expect(p.mean).toBeCloseTo(want.mean, 9);
        expect(p.ucl).toBeCloseTo(want.ucl, 9);
        expect(p.lcl).toBeCloseTo(want.lcl, 9);
        expect(p.rule, `series ${values} baseline ${baselineN} point ${i}`).toBe(want.rules[i]);
      });
      specials += got.filter((p) => p.rule).length;
    }
    expect(specials).toBeGreaterThan(500);
  });
});
