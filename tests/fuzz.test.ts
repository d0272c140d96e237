// Fuzzing over real HTTP (issue #18, "never a 500 for bad input"): every GET
// route, enumerated from the app itself, as each role, with random and
// adversarial query and path values (dates past 9999, 30 February, prototype
// names, huge, negative and non-numbers, Unicode, repeated parameters, very
// long strings), from a fixed seed. No answer may be a 5xx but the deadline's
// 503 (server/db.ts); every refusal is JSON with an error message. After one
// whole round the requests stop at a time budget, so the test stays bounded on
// a busy machine; the sequence itself is always the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { allRoutes } from '../server/app.ts';
import { configFromEnv } from '../server/config.ts';
import { ROLES, type Role } from '../server/auth/roles.ts';
import { loadDemoArea } from '../server/demo.ts';
import type { RouteDef } from '../server/routes/registry.ts';
import { TREND_MEASURES } from '../server/trends/measures.ts';
import { BREAKDOWNS } from '../server/measures/definitions.ts';
import { MISSING_LISTS } from '../server/missing/children.ts';
import { MISSING_VIEW_BREAKDOWNS } from '../server/missing/views.ts';

const SEED = 0x18a;
const BUDGET_MS = 30_000;

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parameters the routes read (and a few they do not). */
const NAMES = [
  'from', 'to', 'interval', 'baseline', 'rebase', 'cell_m', 'cells', 'location_type', 'measure', 'level', 'audience',
  'repeat_min', 'repeat_days', 'long_hours', 'ward', 'risk_level', 'sex', 'age_band', 'looked_after', 'cse_model',
  'username', 'event', 'route', 'limit', '__proto__', 'constructor',
];

const ADVERSARIAL = [
  '9999-12-31', '9999-11-30', '10000-01-01', '+002024-01-01', '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '0000-01-01',
  '1000-01-01', '1899-12-31', '2101-01-01', '2024-1-1', '01/04/2024', '2024-04-01T00:00:00Z',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
  '0', '-1', '-0', '1e309', '1e-309', '99999999999999999999', '9007199254740993', '1.5', '0x10', 'NaN', 'Infinity', '-Infinity', '5', '32', '10',
  '', ' ', '\t', 'null', 'undefined', 'true', '[]', '{}', '\u0000', '\u202e', 'ñ', 'ＤＯＢ', '🙂🙂', 'e\u0301', "' OR 1=1 --", '"; DROP TABLE cases; --',
  '<script>alert(1)</script>', '../../etc/passwd', '%', '%E0%A4%A', 'x'.repeat(5000),
];

const VALID = [
  '2024-04-01', '2025-03-31', '2023-04-01', 'month', 'quarter', 'all', 'reported', 'ward', 'grid', 'board', 'analyst', 'partner',
  'location_reports', 'cases_home', '250', '1000', '3', '90', '24', 'park', 'F', 'M', 'high', 'not_recorded', 'Y', '2024-06', '2024-Q2',
];

/** Values for path parameters: every real name and the adversarial ones. */
const PATH_VALUES = [
  ...TREND_MEASURES.map((m) => m.id),
  ...new Set(BREAKDOWNS.flatMap((b) => [b.subject, b.dimension])),
  ...Object.keys(MISSING_LISTS),
  ...MISSING_VIEW_BREAKDOWNS,
  'lone_group', 'relationships', 'age_gap',
  ...ADVERSARIAL.filter((v) => v !== '' && v.length < 100),
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** One request's path: path parameters filled in, and a query mutated from a valid period. */
function fuzzPath(r: () => number, def: RouteDef): string {
  const path = def.path.replace(/:(\w+)/g, () => encodeURIComponent(pick(r, PATH_VALUES)));
  const q = new URLSearchParams();
  if (r() < 0.5) {
    q.set('from', '2024-04-01');
    q.set('to', '2025-03-31');
  }
  const changes = 1 + Math.floor(r() * 3);
  for (let i = 0; i < changes; i++) {
    const name = pick(r, NAMES);
    const value = r() < 0.75 ? pick(r, ADVERSARIAL) : pick(r, VALID);
    // Now and then the parameter is given twice (an array to the handler).
    if (r() < 0.2) q.append(name, value);
    else q.set(name, value);
  }
  return `${path}?${q}`;
}

let servers: Record<Role, TestServer>;
let routes: RouteDef[];

beforeAll(async () => {
  const first = await startTestServer({ role: 'admin' });
  const loaded = await loadDemoArea(first.db);
  if (!loaded.ok) throw new Error('demo area did not load');
  servers = { admin: first } as Record<Role, TestServer>;
  for (const role of ROLES.filter((x) => x !== 'admin')) servers[role] = await startTestServer({ role, db: first.db });
  routes = allRoutes({ db: first.db, config: configFromEnv({}) }).filter((d) => d.method === 'get');
  // Valid requests (a year's report) can take seconds on a busy machine: a shorter deadline bounds each one.
  first.db.deadlineMs = 5000;
}, 60_000);
afterAll(async () => {
  const db = servers.admin.db;
  for (const s of Object.values(servers)) await s.close();
  db.close();
});

async function expectNoServerError(s: TestServer, path: string, init?: RequestInit): Promise<number> {
  const r = await s.fetch(path, init);
  const text = await r.text();
  const label = `${s.session?.role} ${init?.method ?? 'GET'} ${path.slice(0, 300)} → ${r.status} ${text.slice(0, 200)}`;
  // The one 5xx allowed: a request past its deadline (server/db.ts), which a busy machine can reach with valid input.
  if (r.status === 503) expect(JSON.parse(text).error, label).toMatch(/^The request took longer than \d+ s and was stopped\./);
  else expect(r.status, label).toBeLessThan(500);
  if (r.status >= 400) {
    expect(r.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error?: unknown };
    expect(typeof body.error === 'string' && body.error.length > 0, label).toBe(true);
  }
  return r.status;
}

describe('fuzzing every GET route as every role', () => {
  it('never answers 5xx, and refuses with a JSON error message', async () => {
    const r = rng(SEED);
    const started = Date.now();
    const statuses = new Map<number, number>();
    let sent = 0;
    // Rounds over every route × role: the first always whole (every route reached by every role),
    // the others while the budget lasts.
    for (let round = 0; round < 50 && (round === 0 || Date.now() - started < BUDGET_MS); round++) {
      for (const def of routes) {
        for (const role of ROLES) {
          if (round > 0 && Date.now() - started >= BUDGET_MS) break;
          const status = await expectNoServerError(servers[role], fuzzPath(r, def));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          sent++;
        }
      }
    }
    console.log(`fuzz: ${sent} requests in ${Date.now() - started} ms`, Object.fromEntries(statuses));
    // Every route was reached by every role at least once, and the values reached the parameter checks.
    expect(sent).toBeGreaterThanOrEqual(routes.length * ROLES.length);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(sent / 5);
  }, 120_000);

  it('answers 4xx to malformed paths and percent-encoding', async () => {
    for (const path of ['/api/trends/%E0%A4%A', '/api/breakdowns/%/x', '/api/missing/children/%C0%AF', '/api/trends/' + 'x'.repeat(5000)]) {
      expect(await expectNoServerError(servers.analyst, path)).toBeGreaterThanOrEqual(400);
    }
  });

  it('refuses prototype names as a ward measure on the map and its exports', async () => {
    for (const path of ['/api/hotspots/wards', '/api/exports/hotspots.csv', '/api/exports/hotspots.geojson']) {
      for (const measure of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        for (const role of ['analyst', 'partner'] as const) {
          const q = `${path}?from=2024-04-01&to=2025-03-31&level=ward&measure=${measure}`;
          expect(await expectNoServerError(servers[role], q), q).toBe(400);
        }
      }
    }
  });
});

describe('truncated uploads', () => {
  it('answers 400 to a multipart body cut off before its end', async () => {
    const boundary = 'fuzzboundary18';
    const whole = `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="cases.csv"\r\nContent-Type: text/csv\r\n\r\ncase_id,referral_date\r\nC1,2024-04-01\r\n--${boundary}--\r\n`;
    for (const cut of [whole.length - 12, whole.indexOf('\r\n\r\n') + 10, whole.indexOf('Content-Type'), 20]) {
      const status = await expectNoServerError(servers.admin, '/api/imports', {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        body: whole.slice(0, cut),
      });
      expect(status, `cut at ${cut}`).toBe(400);
    }
  });

  it('answers 400 to an upload that is not multipart at all, or has no boundary', async () => {
    for (const type of ['text/plain', 'multipart/form-data']) {
      const status = await expectNoServerError(servers.admin, '/api/imports', { method: 'POST', headers: { 'Content-Type': type }, body: 'x' });
      expect(status, type).toBe(400);
    }
  });
});
