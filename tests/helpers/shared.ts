// The team's shared folder (the contract, the acceptance extracts and expected
// figures, the reference boundary file): beside the repository (../shared), or
// where PROFILER_SHARED says, or /work/shared, so that a clone anywhere on the
// machine (CI clones main elsewhere) finds it. Read in place, never copied in.
import { existsSync } from 'node:fs';
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
