// Every measure, breakdown and threshold variant of the acceptance data set
// (tests/fixtures/acceptance/expected.json, computed independently of our SQL),
// imported through the real import into an in-memory DuckDB.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { computeMeasures, computeBreakdown } from '../server/measures/run.ts';
import { MEASURES, findBreakdown } from '../server/measures/definitions.ts';
import type { MeasureParams } from '../server/measures/params.ts';
import type { Period } from '../server/period.ts';
import { fixturePath, acceptanceExpected, type ExpectedPeriod } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');

const expected = acceptanceExpected();
const periodOf = (e: ExpectedPeriod): Period => ({ period: `${e.from}/${e.to}`, date_from: e.from, date_to: e.to });

/** The threshold variants of expected.json: which parameters, and which measure they change. */
const VARIANTS: Record<string, { params: MeasureParams; measure: string }> = {
  repeat_4_in_60: { params: { repeat_min: 4, repeat_days: 60 }, measure: 'repeat_missing_children' },
  repeat_2_in_30: { params: { repeat_min: 2, repeat_days: 30 }, measure: 'repeat_missing_children' },
  episodes_over_48h: { params: { long_hours: 48 }, measure: 'episodes_over_24h' },
};

/** Counts exactly; percentages to nine decimal places (the spec allows 0.05); null as null. */
function expectFigure(got: number | null | undefined, want: number | null, label: string): void {
  if (want === null || Number.isInteger(want)) expect(got, label).toBe(want);
  else expect(got, label).toBeCloseTo(want, 9);
}

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
  const result = await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' });
  expect(result.ok).toBe(true);
}, 60_000);
afterAll(() => db.close());

describe('acceptance measures', () => {
  it('reproduces every measure for every period, all periods in one run', async () => {
    const got = await computeMeasures(db, expected.map(periodOf));
    for (const e of expected) {
      const values = got.get(periodOf(e).period)!;
      expect(Object.keys(values).sort()).toEqual(MEASURES.map((m) => m.id).sort());
      for (const m of MEASURES) {
        const want = e.measures[m.id];
        expect(want, `${m.id} is in expected.json`).not.toBeUndefined();
        expectFigure(values[m.id], want, `${e.from}–${e.to} ${m.id}`);
      }
    }
  });

  it('gives the same figures for a period run alone', async () => {
    const e = expected[0];
    const alone = (await computeMeasures(db, [periodOf(e)])).get(periodOf(e).period)!;
    for (const m of MEASURES) expectFigure(alone[m.id], e.measures[m.id], m.id);
  });

  it('reproduces the threshold variants', async () => {
    for (const e of expected) {
      for (const [name, want] of Object.entries(e.variants)) {
        const v = VARIANTS[name];
        expect(v, `variant ${name} is known`).toBeDefined();
        const got = (await computeMeasures(db, [periodOf(e)], v.params)).get(periodOf(e).period)!;
        expect(got[v.measure], `${e.from}–${e.to} ${name}`).toBe(want);
      }
    }
  });
});

describe('acceptance breakdowns', () => {
  const keys = [...new Set(expected.flatMap((e) => Object.keys(e.breakdowns)))];
  for (const key of keys) {
    it(`reproduces ${key} for every period`, async () => {
      const [subject, dimension] = key.split('/');
      const def = findBreakdown(subject, dimension);
      expect(def).toBeDefined();
      const got = await computeBreakdown(db, def!, expected.map(periodOf));
      for (const e of expected) {
        const want = e.breakdowns[key];
        if (!want) continue;
        const list = got.get(periodOf(e).period)!;
        expect(Object.fromEntries(list.map((r) => [r.key, r.count])), `${e.from}–${e.to} ${key}`).toEqual(want);
        expect(list.every((r) => r.count > 0)).toBe(true);
      }
    });
  }
});
