// The release of an answer to a viewer or partner: the one place that decides
// which figures leave. Each answer is judged as a whole (its sets of cells with
// the totals they add up to, the statistics computed from them), under the
// rules of docs/disclosure-control.md; requests that could be differenced
// against each other never reach here (publication.ts refuses them).
// `assertSuppressed` is the last check: an answer still holding a count from
// 1 to the threshold is refused (UnsuppressedError → 500, nothing sent).
import { assertSuppressed, suppressPayload } from './payload.ts';
import { ROUTE_RELEASES } from './routes.ts';

export class UnsuppressedError extends Error {}

/** The answer of `path` (a route's declared path) as released with counts from 1 to `threshold` withheld. */
export function releaseAnswer(path: string, body: unknown, threshold: number): unknown {
  const own = ROUTE_RELEASES[path];
  const out = own ? own(body, threshold) : suppressPayload(body, threshold);
  try {
    assertSuppressed(out, threshold);
  } catch (e) {
    throw new UnsuppressedError((e as Error).message);
  }
  return out;
}
