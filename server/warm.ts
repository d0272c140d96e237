// The default views computed ahead of the first analyst: after an import and
// at start, the API calls the dashboard pages make when they open on their
// default period (the last complete financial year, compared with the one
// before) are asked for once, through the app's normal path (HTTP, session,
// access control, audit, the routes' own kept answers) as an analyst would ask.
// Nothing here knows how answers are kept: whatever the routes keep for these
// requests is there when the first page opens after an import or a restart.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AppContext } from './app.ts';
import { createApp } from './app.ts';
import { securityFor } from './auth/security.ts';
import { SESSION_COOKIE } from './auth/sessions.ts';
import { defaultPeriod, previousPeriod, todayIso, type Period } from '../client/src/period.ts';
import { seriesWindow } from '../client/src/pages/trends.ts';

/** The warming session's user name, as the audit trail shows it. */
export const WARM_USER = 'system:warm';

const q = (path: string, params: Record<string, string | undefined>): string => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return s ? `${path}?${s}` : path;
};

/**
 * The GETs of the dashboard pages opened on their default period, as the pages
 * (client/src/pages) make them. `trends` are the ids of GET /api/trends,
 * `breakdowns` the subject/dimension pairs of GET /api/definitions.
 */
export function defaultRequests(today: string, trends: string[], breakdowns: { subject: string; dimension: string }[]): string[] {
  const now = defaultPeriod(today);
  const before = previousPeriod(now);
  const pair = (path: string, extra: Record<string, string> = {}) => [q(path, { ...extra, ...now }), q(path, { ...extra, ...before })];
  const at = (path: string, extra: Record<string, string> = {}) => q(path, { ...now, ...extra });
  const win: Period = seriesWindow(now);
  return [
    // Overview, trends' year on year, missing page headline figures
    ...pair('/api/measures'),
    ...['cases_referred', 'missing_episodes'].map((m) => at(`/api/trends/${m}`, { interval: 'month' })),
    // Trends: every measure over the window of whole months
    '/api/trends',
    ...trends.map((m) => q(`/api/trends/${m}`, { ...win, interval: 'month' })),
    // Victims, offenders and missing breakdowns (this period and the one before)
    ...breakdowns.flatMap((b) => pair(`/api/breakdowns/${b.subject}/${b.dimension}`)),
    ...pair('/api/profiles/victims/completeness'),
    at('/api/profiles/victims/rates'),
    at('/api/profiles/offenders/completeness'),
    at('/api/profiles/offenders/groups'),
    at('/api/profiles/offenders/multi-victim'),
    ...['lone_group', 'relationships', 'age_gap'].flatMap((d) => pair(`/api/profiles/offenders/breakdowns/${d}`)),
    // Missing
    at('/api/missing/monthly'),
    ...['episode_type', 'found_location_type', 'found_ward'].map((d) => at(`/api/missing/breakdowns/${d}`)),
    at('/api/missing/heatmap'),
    at('/api/missing/concentration'),
    at('/api/missing/cross-reference'),
    ...['repeat', 'repeat-without-case', 'from-care'].map((l) => at(`/api/missing/children/${l}`)),
    // Links, hotspots, report
    at('/api/profiles/network'),
    '/api/hotspots/boundaries',
    at('/api/hotspots/wards', { measure: 'location_reports' }),
    at('/api/hotspots/grid', { cell_m: '250', cells: 'reported' }),
    at('/api/hotspots/locations'),
    at('/api/report', { audience: 'board' }),
    '/api/definitions',
  ];
}

export interface WarmResult {
  requests: string[];
  failed: string[];
  ms: number;
}

/**
 * Asks for every default request once, two at a time (the machine's cores), on
 * an app of this context listening on a loopback port of its own, with an
 * analyst session that ends when done. Failures are reported, never thrown:
 * warming is an optimisation.
 */
export async function warmDefaultViews(ctx: AppContext, today = todayIso()): Promise<WarmResult> {
  const began = performance.now();
  const server: Server = await new Promise((resolve) => {
    const s = createApp(ctx).listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sessions = securityFor(ctx).sessions;
  const { token } = sessions.create(WARM_USER, 'analyst');
  const get = async (path: string): Promise<unknown> => {
    const r = await fetch(base + path, { headers: { Cookie: `${SESSION_COOKIE}=${token}`, Accept: 'application/json' } });
    if (r.status !== 200) throw new Error(`${r.status}`);
    return r.json();
  };
  const failed: string[] = [];
  let requests: string[] = [];
  try {
    const [trends, defs] = (await Promise.all([get('/api/trends'), get('/api/definitions')])) as [
      { measures: { id: string }[] },
      { breakdowns: { subject: string; dimension: string }[] },
    ];
    requests = defaultRequests(today, trends.measures.map((m) => m.id), defs.breakdowns);
    const queue = [...requests];
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) await get(path).catch(() => failed.push(path));
    };
    await Promise.all([worker(), worker()]);
  } catch {
    failed.push('/api/trends or /api/definitions');
  } finally {
    sessions.destroy(token);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { requests, failed, ms: performance.now() - began };
}
