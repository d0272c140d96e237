// Cross-site request defences for state-changing requests: the Origin (or,
// without one, Sec-Fetch-Site) must be this site's, and a signed-in request
// must carry its session's CSRF token in X-CSRF-Token.
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const CSRF_HEADER = 'x-csrf-token';

export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export function fromSameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin) return origin === `${req.protocol}://${req.get('host')}`;
  const site = req.get('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function csrfTokenMatches(req: Request, expected: string): boolean {
  const given = Buffer.from(req.get(CSRF_HEADER) ?? '');
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}
