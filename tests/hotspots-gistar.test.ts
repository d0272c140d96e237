import { describe, it, expect } from 'vitest';
import { giStar, classify, bhCutoff } from '../server/hotspots/gistar.ts';
import { erfc, twoSidedP } from '../server/hotspots/normal.ts';

// A 4 × 3 grid, rows from the south (j = 0) up:
//   j=2: 0 1 3 0
//   j=1: 0 2 5 1
//   j=0: 0 0 1 0
// n = 12, Σx = 13, x̄ = 13/12, Σx² = 41, S = √(41/12 − (13/12)²) = 1.4976833963…
const values = [0, 0, 1, 0, 0, 2, 5, 1, 0, 1, 3, 0];
const at = (i: number, j: number) => j * 4 + i;

describe('Getis-Ord Gi* on a hand-computed grid', () => {
  const r = giStar(values, 4, 3);

  it('matches the formula for an inner cell (W = 9)', () => {
    // (2,1): neighbourhood sum 1+8+4 = 13, z = (13 − 9·13/12) / (S·√((12·9 − 81)/11)) = 3.25 / 2.3464…
    expect(r.z[at(2, 1)]).toBeCloseTo(1.3850894022476605, 12);
    expect(r.p[at(2, 1)]).toBeCloseTo(0.16602513203344016, 12);
    // (1,1): sum 0+0+1 + 0+2+5 + 0+1+3 = 12
    expect(r.z[at(1, 1)]).toBeCloseTo(0.9589080477099189, 12);
  });

  it('matches the formula for corner cells (W = 4)', () => {
    // (0,0): sum 0+0+0+2 = 2 → z = (2 − 4·13/12) / (S·√((48 − 16)/11))
    expect(r.z[at(0, 0)]).toBeCloseTo(-0.9134359994424344, 12);
    // (3,2): sum 3+0+5+1 = 9
    expect(r.z[at(3, 2)]).toBeCloseTo(1.8268719988848692, 12);
    expect(r.p[at(3, 2)]).toBeCloseTo(0.06771901725807122, 12);
  });

  it('finds nothing significant on so few cells after FDR', () => {
    expect(new Set(r.classes)).toEqual(new Set(['not_significant']));
  });

  it('gives null z when every cell is equal (S = 0)', () => {
    const flat = giStar([2, 2, 2, 2, 2, 2], 3, 2);
    expect([...flat.z].every(Number.isNaN)).toBe(true);
    expect(flat.classes.every((c) => c === 'not_significant')).toBe(true);
  });

  it('agrees with a naive all-pairs computation on a larger grid', () => {
    const ncol = 30, nrow = 20, n = ncol * nrow;
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const x = Array.from({ length: n }, (_, k) => Math.floor(rand() * rand() * 12) + (k % ncol > 20 && k / ncol > 12 ? 6 : 0));
    const fast = giStar(x, ncol, nrow);
    const mean = x.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
    for (let a = 0; a < n; a++) {
      let sw = 0, swx = 0;
      for (let b = 0; b < n; b++) {
        const w = Math.abs((a % ncol) - (b % ncol)) <= 1 && Math.abs(Math.floor(a / ncol) - Math.floor(b / ncol)) <= 1 ? 1 : 0;
        sw += w;
        swx += w * x[b];
      }
      const z = (swx - mean * sw) / (s * Math.sqrt((n * sw - sw * sw) / (n - 1)));
      expect(Math.abs(fast.z[a] - z)).toBeLessThan(1e-9);
    }
    expect(fast.classes.some((c) => c.startsWith('hot_'))).toBe(true);
  });
});

describe('normal tail', () => {
  it('erfc is accurate to ~1e-15 (reference values)', () => {
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 15);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 15);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 15);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 13);
    expect(erfc(5) / 1.5374597944280351e-12).toBeCloseTo(1, 13);
  });
  it('two-sided p at the ArcGIS critical values', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(-2.5758293035489)).toBeCloseTo(0.01, 13);
    expect(twoSidedP(1.6448536269514722)).toBeCloseTo(0.1, 14);
  });
});

describe('Benjamini–Hochberg classes at 99/95/90 %', () => {
  // n = 10. At α = 0.01 the cut-offs k/n·α are .001, .002, …: only p = .001 passes.
  // At α = 0.05 (.005, .010, .015, .020, …): ranks 1–2 pass (.001, .008).
  // At α = 0.10 (.01, .02, .03, .04, .05, …): rank 4 (.040 ≤ .040) is the largest (.051 > .05) → .001…, .040 pass.
  const p = [0.001, 0.008, 0.039, 0.04, 0.051, 0.3, 0.5, 0.7, 0.9, 1];
  const z = [3.3, -2.65, 2.06, -2.05, 2.04, 1, -0.6, 0.4, 0.1, 0];

  it('computes the step-up cut-offs', () => {
    expect(bhCutoff(p, 0.01)).toBe(0.001);
    expect(bhCutoff(p, 0.05)).toBe(0.008);
    expect(bhCutoff(p, 0.1)).toBe(0.04);
    expect(bhCutoff([0.5, 0.6], 0.05)).toBe(-1);
  });

  it('classes each cell at the strictest FDR level it passes, never 95/99 unless significant at FDR 0.05', () => {
    expect(classify(z, p)).toEqual([
      // p = .039 < .05 unadjusted, yet only at the 90 % level after FDR
      'hot_99', 'cold_95', 'hot_90', 'cold_90',
      'not_significant', 'not_significant', 'not_significant', 'not_significant', 'not_significant', 'not_significant',
    ]);
  });

  it('treats ties alike and cells with undefined z as p = 1', () => {
    expect(classify([3, 3, NaN], [0.008, 0.008, NaN])).toEqual(['hot_95', 'hot_95', 'not_significant']);
  });
});
