// The test data kept in the repository (tests/fixtures/): the acceptance
// extracts and their independently computed figures, and the real Trafford ward
// boundary file (see tests/fixtures/README.md for where they come from and the
// boundary file's licence). A clone needs nothing beside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** A file or folder (trailing slash) of tests/fixtures/, as a URL. */
export const fixtureUrl = (rel: string): URL => new URL(rel, FIXTURES);

/** A file or folder of tests/fixtures/, as an absolute path. */
export const fixturePath = (rel: string): string => fileURLToPath(fixtureUrl(rel));

/** One period of the acceptance figures (tests/fixtures/acceptance/expected.json, computed independently of our SQL). */
export interface ExpectedPeriod {
  from: string;
  to: string;
  measures: Record<string, number | null>;
  breakdowns: Record<string, Record<string, number>>;
  /** Measures under non-default thresholds, by variant name. */
  variants: Record<string, number>;
}

/** Every period of the acceptance figures, in the file's order. */
export const acceptanceExpected = (): ExpectedPeriod[] => JSON.parse(readFileSync(fixturePath('acceptance/expected.json'), 'utf8')) as ExpectedPeriod[];

/** The acceptance figures of one period. */
export function expectedPeriod(from: string, to: string): ExpectedPeriod {
  const e = acceptanceExpected().find((x) => x.from === from && x.to === to);
  if (!e) throw new Error(`expected.json has no period ${from}..${to}`);
  return e;
}

/** A figure of a period that the test needs as a number (a count, or a percentage with a denominator). */
export function expectedNumber(e: ExpectedPeriod, measure: string): number {
  const v = e.measures[measure];
  if (typeof v !== 'number') throw new Error(`expected.json has no number for ${measure} in ${e.from}..${e.to}`);
  return v;
}
