// Small-number suppression as pure functions: primary, secondary, percentages,
// whole answers by shape, and the publication grid of viewers and partners.
import { describe, expect, it } from 'vitest';
import { withheldCells } from '../server/suppression/cells.ts';
import { suppressMeasures } from '../server/suppression/measures.ts';
import { assertSuppressed, countCells, suppressPayload } from '../server/suppression/payload.ts';
import { financialYears } from '../server/suppression/publication.ts';

describe('cells', () => {
  it('withholds 1..threshold, shows zeros and larger counts', () => {
    expect(withheldCells([0, 1, 5, 6, 20, 3], 5)).toEqual([false, true, true, false, false, true]);
  });
  it('adds the next smallest non-zero cell when exactly one is withheld', () => {
    // total 40 shown elsewhere: 40 - 12 - 25 would give the 3 back without the secondary.
    expect(withheldCells([25, 3, 12, 0], 5)).toEqual([false, true, true, false]);
  });
  it('needs no secondary when two or more are withheld', () => {
    expect(withheldCells([25, 3, 2, 12], 5)).toEqual([false, true, true, false]);
  });
  it('forces a cell whatever its size', () => {
    expect(withheldCells([25, 9, 12], 5, [false, true, false])).toEqual([false, true, true]);
  });
  it('follows the configured threshold', () => {
    expect(withheldCells([10, 8, 30, 40], 10)).toEqual([true, true, false, false]);
  });
});

describe('measures', () => {
  const m = {
    cases_referred: 40,
    children_referred: 4,
    pct_cases_male: 25, // 10 of 40: shown
    pct_cases_looked_after: 10, // 4 of 40: withheld
    pct_cases_ethnicity_recorded: 90, // 36 of 40, complement 4: withheld
    pct_referred_children_missing: 50, // denominator 4 withheld
    pct_rhi_offered: 60, // denominator episodes_returned absent: withheld
    episodes_from_care: 0,
    groups_active: null,
  };
  it('withholds small counts and the percentages they decide', () => {
    const { measures, withheld } = suppressMeasures(m, 5);
    expect(measures).toEqual({
      cases_referred: 40,
      children_referred: null,
      pct_cases_male: 25,
      pct_cases_looked_after: null,
      pct_cases_ethnicity_recorded: null,
      pct_referred_children_missing: null,
      pct_rhi_offered: null,
      episodes_from_care: 0,
      groups_active: null,
    });
    expect(withheld.sort()).toEqual(['children_referred', 'pct_cases_ethnicity_recorded', 'pct_cases_looked_after', 'pct_referred_children_missing', 'pct_rhi_offered']);
  });
});

describe('answers by shape', () => {
  it('suppresses breakdown rows with secondary, per period', () => {
    const out = suppressPayload(
      {
        subject: 'victims',
        rows: [
          { period: 'a', key: 'F', count: 30 },
          { period: 'a', key: 'M', count: 8 },
          { period: 'a', key: 'not_recorded', count: 2 },
          { period: 'b', key: 'F', count: 9 },
          { period: 'b', key: 'M', count: 7 },
        ],
      },
      5,
    ) as { rows: unknown[] };
    expect(out.rows).toEqual([
      { period: 'a', key: 'F', count: 30 },
      { period: 'a', key: 'M', count: null, suppressed: true },
      { period: 'a', key: 'not_recorded', count: null, suppressed: true },
      { period: 'b', key: 'F', count: 9 },
      { period: 'b', key: 'M', count: 7 },
    ]);
  });
  it('drops the other figures of a withheld row but keeps coordinates', () => {
    const out = suppressPayload({ cells: [{ i: 1, lon: -1.5, count: 3, gi_z: 2.1 }, { i: 2, lon: -1.4, count: 0, gi_z: 0 }] }, 5);
    expect(out).toEqual({ cells: [{ i: 1, lon: -1.5, count: null, gi_z: null, suppressed: true }, { i: 2, lon: -1.4, count: 0, gi_z: 0 }] });
  });
  it('suppresses a measures object and names what it withheld', () => {
    expect(suppressPayload({ period: { from: 'x' }, measures: { cases_referred: 3, disruptions: 9 } }, 5)).toEqual({
      period: { from: 'x' },
      measures: { cases_referred: null, disruptions: 9 },
      suppressed: ['cases_referred'],
    });
  });
  it('treats a count measure series as cells and lone totals as counts', () => {
    const out = suppressPayload({ measure: 'cases_referred', points: [{ period: 'm1', value: 2 }, { period: 'm2', value: 10 }, { period: 'm3', value: 30 }], outside: 4 }, 5);
    expect(out).toEqual({
      measure: 'cases_referred',
      points: [{ period: 'm1', value: null, suppressed: true }, { period: 'm2', value: null, suppressed: true }, { period: 'm3', value: 30 }],
      outside: null,
      suppressed: true,
    });
  });
  it('assertSuppressed refuses an answer that still holds a small count', () => {
    expect(() => assertSuppressed({ rows: [{ key: 'a', count: 2 }] }, 5)).toThrow(/count from 1 to 5/);
    expect(() => assertSuppressed(suppressPayload({ rows: [{ key: 'a', count: 2 }] }, 5), 5)).not.toThrow();
  });
});

describe('scale', () => {
  it('suppresses an answer in time linear in its size (a 50 m grid of a region)', () => {
    const cells = (n: number) => ({ cells: Array.from({ length: n }, (_, i) => ({ i, j: i, lon: 0, lat: 0, count: i % 7, gi_z: 0.1, gi_p: 0.9, class: 'not_significant' })) });
    const time = (n: number) => {
      const body = cells(n);
      const t0 = performance.now();
      suppressPayload(body, 5);
      return performance.now() - t0;
    };
    time(20_000);
    const small = time(50_000);
    const large = time(200_000);
    // Quadratic work would take 16 times as long for 4 times the rows.
    expect(large).toBeLessThan(small * 8 + 50);
  });
  it('withholds cells that are all 1 and pins nothing by their sum', () => {
    expect(withheldCells([1, 1, 9, 12], 5)).toEqual([true, true, true, false]);
    expect(withheldCells([1, 2, 9], 5)).toEqual([true, true, false]);
  });
  it('breaks ties by name, so the same cells in another order are withheld alike', () => {
    expect(withheldCells([3, 8, 8], 5, [], [], ['a', 'z', 'b'])).toEqual([true, false, true]);
    expect(withheldCells([8, 8, 3], 5, [], [], ['z', 'b', 'a'])).toEqual([false, true, true]);
    expect(withheldCells([3, 7, 9], 5, [], [true, false, false], ['not_recorded', 'x', 'y'])).toEqual([true, true, false]);
    expect(withheldCells([3, 7, 9], 5, [], [false, true, false], ['x', 'not_recorded', 'y'])).toEqual([true, false, true]);
  });
});

describe('the publication grid', () => {
  it('accepts whole financial years only', () => {
    expect(financialYears('2024-04-01', '2025-03-31')).toBe(1);
    expect(financialYears('2023-04-01', '2026-03-31')).toBe(3);
    expect(financialYears('2024-04-01', '2025-03-30')).toBeNull();
    expect(financialYears('2024-04-02', '2025-03-31')).toBeNull();
    expect(financialYears('2025-04-01', '2025-03-31')).toBeNull();
    expect(financialYears('2024-01-01', '2024-12-31')).toBeNull();
  });
  it('identifies cells by name, not position', () => {
    expect(countCells({ rows: [{ key: 'b', count: 7 }] })).toEqual([{ id: '$.rows[key=b].count', value: 7 }]);
  });
});
