// Cross-site request defences for state-changing requests: the Origin (or,
// without one, Sec-Fetch-Site) must be this site's, and a signed-in request
// must carry its session's CSRF token in X-CSRF-Token. Behind a TLS reverse
// proxy (TRUST_PROXY) this site is the one the proxy was asked for: scheme and
// host from X-Forwarded-Proto and X-Forwarded-Host (or Host) via Express.
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const CSRF_HEADER = 'x-csrf-token';

export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** This site's origin as the browser sees it (default ports dropped), or null when the host is malformed. */
export function siteOrigin(req: Request): string | null {
  try {
    return new URL(`${req.protocol}://${req.host}`).origin;
  } catch {
    return null;
  }
}

export function fromSameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin) return origin === siteOrigin(req);
  const site = req.get('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function csrfTokenMatches(req: Request, expected: string): boolean {
  const given = Buffer.from(req.get(CSRF_HEADER) ?? '');
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}
