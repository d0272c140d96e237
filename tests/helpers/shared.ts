// The team's shared folder (the contract, the acceptance extracts and expected
// figures, the reference boundary file): beside the repository (../shared), or
// where PROFILER_SHARED says, or /work/shared, so that a clone anywhere on the
// machine (CI clones main elsewhere) finds it. Read in place, never copied in.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

function locate(): string {
  const beside = fileURLToPath(new URL('../../../shared/', import.meta.url));
  for (const dir of [process.env.PROFILER_SHARED, beside, '/work/shared/']) {
    if (dir && existsSync(`${dir}/acceptance/expected.json`)) return dir.endsWith('/') ? dir : `${dir}/`;
  }
  throw new Error(`The shared folder (acceptance data, reference boundaries) was not found beside the repository (${beside}) nor at /work/shared: set PROFILER_SHARED`);
}

const SHARED = locate();

/** A file or folder (trailing slash) of the shared folder, as a URL. */
export const sharedUrl = (rel: string): URL => new URL(rel, pathToFileURL(SHARED));

/** A file or folder of the shared folder, as an absolute path. */
export const sharedPath = (rel: string): string => fileURLToPath(sharedUrl(rel));

/** One period of the acceptance figures (../shared/acceptance/expected.json, computed independently of our SQL). */
export interface ExpectedPeriod {
  from: string;
  to: string;
  measures: Record<string, number | null>;
  breakdowns: Record<string, Record<string, number>>;
  /** Measures under non-default thresholds, by variant name. */
  variants: Record<string, number>;
}

/** Every period of the acceptance figures, in the file's order. */
export const acceptanceExpected = (): ExpectedPeriod[] => JSON.parse(readFileSync(sharedPath('acceptance/expected.json'), 'utf8')) as ExpectedPeriod[];

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
