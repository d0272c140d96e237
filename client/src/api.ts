// The one way pages read the API: GET with bound query parameters (never SQL),
// JSON answers, readable errors, and a redirect to the login page on 401.
import { navigate } from './url-state.ts';

export type QueryParams = Record<string, string | number | undefined>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function apiUrl(path: string, params: QueryParams = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Where a 401 sends the user: the login page, coming back here afterwards. */
export function loginUrl(current: string): string {
  return `/login?${new URLSearchParams({ next: current }).toString()}`;
}

export async function getJson<T>(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'The server could not be reached. Check that it is running and try again.');
  }
  if (res.status === 401) {
    const here = window.location.pathname + window.location.search;
    if (window.location.pathname !== '/login') navigate(loginUrl(here), { replace: true });
    throw new ApiError(401, 'Please sign in to see this page.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body && typeof body === 'object' ? (body as { error?: unknown; parameter?: unknown }) : {};
    const message = typeof err.error === 'string' ? err.error : `The server answered ${res.status} ${res.statusText}.`;
    throw new ApiError(res.status, message, typeof err.parameter === 'string' ? err.parameter : undefined);
  }
  if (body === null) throw new ApiError(res.status, 'The server answered with something that is not JSON.');
  return body as T;
}

/** Who is signed in (GET /api/session), with the CSRF token state-changing requests carry. */
export interface SessionInfo {
  user: string;
  role: 'admin' | 'analyst' | 'viewer' | 'partner';
  csrfToken: string;
  idleMinutes: number;
}

const GRANTS: Record<SessionInfo['role'], string[]> = {
  admin: ['public', 'admin', 'aggregate', 'records', 'shared'],
  analyst: ['public', 'aggregate', 'records', 'shared'],
  viewer: ['public', 'aggregate', 'shared'],
  partner: ['public', 'shared'],
};

/** Whether a role may use pages needing `access` (the same table as server/auth/roles.ts, which enforces it). */
export function mayUse(role: SessionInfo['role'], access: string): boolean {
  return GRANTS[role].includes(access);
}

let sessionCache: Promise<SessionInfo | null> | null = null;

/** The current session, fetched once per page load (null when signed out). */
export function currentSession(): Promise<SessionInfo | null> {
  sessionCache ??= fetch('/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<SessionInfo | { user: null }>) : null))
    .then((s) => (s && s.user ? (s as SessionInfo) : null))
    .catch(() => null);
  return sessionCache;
}

/** POST/DELETE JSON with the session's CSRF token (X-CSRF-Token); throws ApiError on failure. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const session = await currentSession();
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (session) headers['X-CSRF-Token'] = session.csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The server could not be reached. Check that it is running and try again.');
  }
  const parsed: unknown = res.status === 204 ? {} : await res.json().catch(() => null);
  if (!res.ok) {
    const err = parsed && typeof parsed === 'object' ? (parsed as { error?: unknown; parameter?: unknown }) : {};
    const message = typeof err.error === 'string' ? err.error : `The server answered ${res.status} ${res.statusText}.`;
    throw new ApiError(res.status, message, typeof err.parameter === 'string' ? err.parameter : undefined);
  }
  return parsed as T;
}
