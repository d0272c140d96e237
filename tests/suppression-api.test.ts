// Suppression over HTTP with the acceptance data: a viewer or partner never
// receives a count from 1 to 5 from any aggregate or shared route (every
// registered route, every expected financial year), the analyst does, and
// requests off the publication grid (filters, other periods) are refused.
// The attacks by subtraction are in tests/attack-*.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { importFolder } from '../server/import/index.ts';
import { allRoutes } from '../server/app.ts';
import { configFromEnv } from '../server/config.ts';
import { BREAKDOWNS, MEASURES } from '../server/measures/definitions.ts';
import { OFFENDER_PROFILE_BREAKDOWNS } from '../server/profiles/offenders.ts';
import { fixtureUrl, acceptanceExpected } from './helpers/fixtures.ts';

const ACCEPTANCE = fixtureUrl('acceptance/');
const expected = acceptanceExpected();

let analyst: TestServer;
let viewer: TestServer;
let partner: TestServer;
beforeAll(async () => {
  analyst = await startTestServer({ role: 'analyst' });
  const r = await importFolder(analyst.db, new URL('extracts', ACCEPTANCE).pathname, { source: 'cli' });
  expect(r.ok).toBe(true);
  viewer = await startTestServer({ role: 'viewer', db: analyst.db });
  partner = await startTestServer({ role: 'partner', db: analyst.db });
});
afterAll(async () => {
  for (const s of [viewer, partner, analyst]) await s.close();
});

/** Values for each path parameter of the registered routes; a new parameter must be added here. */
const PARAM_VALUES: Record<string, string[]> = {
  measure: MEASURES.map((m) => m.id),
  dimension: [...new Set([...BREAKDOWNS.map((b) => b.dimension), ...OFFENDER_PROFILE_BREAKDOWNS])],
  subject: [...new Set(BREAKDOWNS.map((b) => b.subject))],
};

function concretePaths(path: string): string[] {
  const m = /:(\w+)/.exec(path);
  if (!m) return [path];
  const values = PARAM_VALUES[m[1]];
  if (!values) throw new Error(`No test values for :${m[1]} of ${path}`);
  return values.flatMap((v) => concretePaths(path.replace(`:${m[1]}`, v)));
}

/** Small counts in an answer, found independently of server/suppression: figures under count-like names. */
function smallCounts(body: unknown, path = '$', under: string | null = null): string[] {
  const countIds = new Set(MEASURES.filter((m) => m.unit === 'count').map((m) => m.id));
  const countish = (k: string) => ['count', 'total', 'not_recorded', 'counted', 'outside', 'no_coordinates'].includes(k) || countIds.has(k);
  if (Array.isArray(body)) return body.flatMap((x, i) => smallCounts(x, `${path}[${i}]`, under));
  if (typeof body !== 'object' || body === null) return [];
  const o = body as Record<string, unknown>;
  const series = typeof o.measure === 'string' && countIds.has(o.measure) ? o.measure : under;
  return Object.entries(o).flatMap(([k, v]) => {
    const small = typeof v === 'number' && v >= 1 && v <= 5;
    if (small && (countish(k) || (k === 'value' && series))) return [`${path}.${k}=${v}`];
    return smallCounts(v, `${path}.${k}`, series);
  });
}

const isFinancialYear = (e: { from: string; to: string }) => e.from.endsWith('-04-01') && e.to.endsWith('-03-31') && +e.to.slice(0, 4) === +e.from.slice(0, 4) + 1;
const years = expected.filter(isFinancialYear);
const periods = years.map((e) => `from=${e.from}&to=${e.to}`);
const filters = ['&sex=F', '&risk_level=high&sex=M', '&ward=E05900001'];

describe('suppression for viewer and partner', () => {
  it('the analyst receives small counts (so the check below is not vacuous)', async () => {
    const { body } = await analyst.get(`/api/breakdowns/victims/sex?${periods[0]}`);
    expect(body.rows).toContainEqual({ key: 'O', count: 2 });
    expect(expected[0].breakdowns['victims/sex'].O).toBe(2);
  });

  it('no aggregate or shared route gives a viewer or partner a count from 1 to 5', async () => {
    const ctx = { db: analyst.db, config: configFromEnv({}) };
    const routes = allRoutes(ctx).filter((r) => r.method === 'get' && (r.access === 'aggregate' || r.access === 'shared'));
    let checked = 0;
    let analystSmall = 0;
    for (const def of routes) {
      for (const path of concretePaths(def.path)) {
        for (const q of periods) {
          for (const s of [viewer, partner]) {
            const r = await s.fetch(`${path}?${q}`);
            const type = r.headers.get('content-type') ?? '';
            const text = await r.text();
            const label = `${s.session!.role} ${path}?${q}`;
            if (s === partner && def.access === 'aggregate') {
              expect(r.status, label).toBe(403);
              continue;
            }
            if (!type.includes('json') || type.includes('geo+json')) {
              // A file: either its handler declared it suppressed, or it is refused.
              if (r.status !== 200) expect(r.status, label).toBe(500);
              continue;
            }
            // A route's own failure is not ours to judge here; a refusal by the suppression check is.
            expect(text, label).not.toMatch(/could not be made safe to share/);
            expect(smallCounts(JSON.parse(text)), label).toEqual([]);
            checked++;
          }
        }
        if (path.startsWith('/api/breakdowns/') || path.startsWith('/api/trends/')) {
          analystSmall += smallCounts((await analyst.get(`${path}?${periods[0]}`)).body).length;
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(analystSmall).toBeGreaterThan(20);
  }, 240_000);

  it('withholds counts and the percentages they decide in the measures of every expected period', async () => {
    expect(years.length).toBeGreaterThanOrEqual(2);
    for (const e of years) {
      const { body } = await viewer.get(`/api/measures?from=${e.from}&to=${e.to}`);
      for (const m of MEASURES.filter((x) => x.unit === 'count')) {
        const want = e.measures[m.id];
        if (want !== null && want >= 1 && want <= 5) {
          expect(body.measures[m.id], m.id).toBeNull();
          expect(body.suppressed).toContain(m.id);
        } else expect(body.measures[m.id], m.id).toBe(want);
      }
    }
  });

  it('applies primary and secondary suppression to a breakdown (victims by sex, 2024/25)', async () => {
    // Expected: F 68, M 23, not_recorded 5, O 2 — both small ones withheld; two withheld, so no secondary needed.
    const { body } = await viewer.get(`/api/breakdowns/victims/sex?${periods[0]}`);
    const byKey = Object.fromEntries(body.rows.map((r: { key: string; count: number | null }) => [r.key, r.count]));
    expect(byKey).toEqual({ F: 68, M: 23, not_recorded: null, O: null });
  });

  it('refuses filters and periods off the grid, saying why and what is allowed', async () => {
    for (const f of filters) {
      const r = await viewer.get(`/api/breakdowns/victims/age_band?${periods[0]}${f}`);
      expect(r.status, f).toBe(400);
      expect(r.body.error, f).toMatch(/Filters are not available to viewers and partners/);
      expect(r.body.allowed, f).toBeTruthy();
      expect((await analyst.get(`/api/breakdowns/victims/age_band?${periods[0]}${f}`)).status, f).toBe(200);
    }
    for (const e of expected.filter((x) => !isFinancialYear(x))) {
      const r = await viewer.get(`/api/measures?from=${e.from}&to=${e.to}`);
      expect(r.status, `${e.from}..${e.to}`).toBe(400);
      expect(r.body.error).toMatch(/whole financial years/);
    }
  });

  it('refuses query parameters a route does not declare, naming them, for every role', async () => {
    const ctx = { db: analyst.db, config: configFromEnv({}) };
    const routes = allRoutes(ctx).filter((r) => r.method === 'get' && r.access !== 'public' && !r.path.includes(':'));
    expect(routes.length).toBeGreaterThan(10);
    for (const def of routes) {
      for (const s of [analyst, viewer]) {
        const r = await s.get(`${def.path}?${periods[0]}&foo=1&bar=2`);
        if (r.status === 403) continue;
        const unknown = ['from', 'to', 'foo', 'bar'].filter((k) => !(k in def.params));
        expect([r.status, r.body.unknown], `${s.session!.role} ${def.path}`).toEqual([400, unknown]);
        expect(r.body.error).toMatch(new RegExp(`Unknown query parameters ${unknown.map((k) => `'${k}'`).join(', ')}`));
      }
    }
  });
});
