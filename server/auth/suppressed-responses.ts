// Suppression for the roles whose figures leave the analyst (viewer, partner),
// applied in one place, in front of every aggregate and shared route:
// - a JSON answer is replaced by suppressPayload(answer) after the differencing
//   rule has been applied (the handler is run again with fewer filters, see
//   server/suppression/differencing.ts), then checked by assertSuppressed: an
//   answer that would still carry a count from 1 to the threshold is refused (500);
// - any other answer (a file) is refused (500) unless its handler declared that it
//   applied suppression itself (`markSuppressed(res)`, after calling
//   suppressPayload or an equivalent with `suppressionThreshold(res)`).
import type { Request, RequestHandler, Response } from 'express';
import type { RouteDef } from '../routes/registry.ts';
import { HttpError } from '../errors.ts';
import { assertSuppressed, suppressPayload } from '../suppression/payload.ts';
import { broaderQueries, differencingForced } from '../suppression/differencing.ts';

/** The threshold when the answer being built must be suppressed; null for the analyst. */
export function suppressionThreshold(res: Response): number | null {
  const t = res.locals.suppressionThreshold;
  return typeof t === 'number' ? t : null;
}

/** Declares that a file answer has had its small numbers withheld by its handler. */
export function markSuppressed(res: Response): void {
  res.locals.suppressionApplied = true;
}

/** Runs a handler on another query and returns its JSON answer (undefined when it fails or is not JSON). */
async function rerun(def: RouteDef, req: Request, query: Record<string, unknown>): Promise<unknown> {
  const fakeReq = Object.create(req) as Request;
  Object.defineProperty(fakeReq, 'query', { value: query });
  let status = 200;
  let body: unknown;
  const fake = {
    locals: {},
    statusCode: 200,
    headersSent: false,
    status: (s: number) => ((status = s), fake),
    json: (b: unknown) => ((body = b), fake),
    send: () => fake,
    end: () => fake,
    set: () => fake,
    setHeader: () => fake,
    type: () => fake,
    get: () => undefined,
    getHeader: () => undefined,
  };
  try {
    await def.handler(fakeReq, fake as unknown as Response);
  } catch {
    return undefined;
  }
  return status < 400 ? body : undefined;
}

export function suppressedResponses(def: RouteDef, threshold: number): RequestHandler {
  return (req, res, next) => {
    res.locals.suppressionThreshold = threshold;
    const json = res.json.bind(res);
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => Response;
    let sending = false; // inside our own json(): let it through
    let done = false; // the answer has been sent (or refused): ignore the handler's further output

    const answer = (status: number, body: unknown) => {
      sending = true;
      res.status(status);
      json(body);
      sending = false;
      done = true;
    };
    const refuse = () => {
      console.error(`[suppression] refused an unsuppressed answer of ${def.method.toUpperCase()} ${def.path}`);
      res.removeHeader('Content-Disposition');
      res.set('Content-Type', 'application/json; charset=utf-8');
      answer(500, { error: 'This answer could not be made safe to share, so it was withheld.' });
    };

    res.json = (payload: unknown) => {
      if (sending) return json(payload);
      if (done) return res;
      void (async () => {
        try {
          let forced = new Set<string>();
          if (res.statusCode < 400) {
            const broader = await Promise.all(broaderQueries(req.query as Record<string, unknown>).map((q) => rerun(def, req, q)));
            forced = differencingForced(payload, broader.filter((b) => b !== undefined), threshold);
          }
          const out = suppressPayload(payload, threshold, forced);
          assertSuppressed(out, threshold);
          answer(res.statusCode, out);
        } catch (e) {
          if (e instanceof HttpError) answer(e.status, { error: e.message, ...e.details });
          else refuse();
        }
      })();
      return res;
    };
    // A file (not JSON) passes only when its handler declared it suppressed.
    const passes = () => res.locals.suppressionApplied === true;
    res.write = ((...a: unknown[]) => {
      if (sending || (!done && passes())) return write(...a);
      if (!done) refuse();
      return true;
    }) as Response['write'];
    res.end = ((...a: unknown[]) => {
      if (sending || (!done && passes())) return end(...a);
      if (!done) refuse();
      return res;
    }) as Response['end'];
    next();
  };
}
