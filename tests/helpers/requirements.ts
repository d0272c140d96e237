// Checks that need a program outside Node (Chromium, poppler's pdftotext and
// pdfinfo, GDAL's ogrinfo). Where the program is missing a developer's run
// skips the suite with a notice; under CI (CI=true, or REQUIRE_BROWSER=1) the
// suite fails instead, so a check can never pass by not running. `.ci/run`
// installs all of them.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

/** True when a missing program must fail its checks rather than skip them. */
export const STRICT = process.env.CI === 'true' || process.env.REQUIRE_BROWSER === '1';

export interface Requirement {
  /** What the check needs, as the notice names it. */
  what: string;
  present: boolean;
  /** How to get it. */
  install: string;
}

/** An executable file at a fixed path (Chromium, CHROME_PATH). */
export const executableAt = (path: string, install: string): Requirement => ({ what: `Chromium at ${path}`, present: existsSync(path), install });

/** A program on PATH that answers `program arg` with exit status 0. */
export function program(name: string, arg: string, install: string): Requirement {
  return { what: name, present: spawnSync(name, [arg], { stdio: 'ignore' }).status === 0, install };
}

export const PDFTOTEXT = program('pdftotext', '-v', 'apt-get install poppler-utils');
export const PDFINFO = program('pdfinfo', '-v', 'apt-get install poppler-utils');
export const OGRINFO = program('ogrinfo', '--version', 'apt-get install gdal-bin');

/** describe() for a suite that needs programs: run when all are there, else failing under CI, else skipped with a notice. */
export function describeNeeding(name: string, needs: Requirement[], body: () => void): void {
  const missing = needs.filter((n) => !n.present);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const list = missing.map((n) => `${n.what} (${n.install})`).join(', ');
  if (STRICT) {
    describe(name, () => {
      it('has the programs it needs', () => {
        throw new Error(`CI=true or REQUIRE_BROWSER=1, and "${name}" cannot run: missing ${list}`);
      });
    });
  } else {
    console.warn(`NOTICE: "${name}" skipped: missing ${list}. Under CI=true or REQUIRE_BROWSER=1 this is a failure.`);
    describe.skip(name, body);
  }
}
