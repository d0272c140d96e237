// The profile pages' figures on the acceptance extracts (tests/fixtures/acceptance),
// over HTTP, against an independent computation over the CSV rows
// (tests/reference/profiles-reference.ts) and, where measures.md defines the same figure,
// against expected.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import * as ref from './reference/profiles-reference.ts';
import { fixturePath, acceptanceExpected, expectedNumber } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const expected = acceptanceExpected();
const data = ref.loadData(`${ACCEPTANCE}extracts`);

const DIMENSIONS = ['age_band', 'sex', 'ethnicity_group', 'looked_after', 'risk_level', 'cse_model', 'referral_source', 'home_ward', 'vulnerabilities'];
const FILTERS: ref.Filters[] = [
  {},
  { sex: 'F' },
  { risk_level: 'high', age_band: '14-15' },
  { cse_model: 'not_recorded' },
  { looked_after: 'Y', ward: 'E05900010' },
  { ward: 'not_recorded', sex: 'M' },
];

let server: TestServer;

beforeAll(async () => {
  const db = await Database.open(':memory:');
  const result = await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' });
  if (!result.ok) throw new Error(result.report);
  server = await startTestServer({ db });
});
afterAll(async () => {
  await server?.close();
  server?.db.close();
});

const qs = (w: ref.Window, extra: Record<string, string> = {}) => `?${new URLSearchParams({ ...w, ...extra })}`;
const asObject = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

async function json(path: string): Promise<any> {
  const r = await server.get(path);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

describe.each(expected.map((e) => ({ from: e.from, to: e.to, e })))('period $from to $to', ({ from, to, e }) => {
  const measures = (id: string) => expectedNumber(e, id);
  const w = { from, to };

  it('victims breakdowns and completeness match under every filter', async () => {
    for (const f of FILTERS) {
      const cases = ref.casesInScope(data, w, f);
      const extra = f as Record<string, string>;
      for (const dim of DIMENSIONS) {
        const body = await json(`/api/breakdowns/victims/${dim}${qs(w, extra)}`);
        const got = asObject(body.rows);
        if (dim === 'vulnerabilities') delete got.not_recorded;
        expect(got, `${dim} ${JSON.stringify(f)}`).toEqual(ref.victimsBreakdown(cases, dim));
      }
      const body = await json(`/api/profiles/victims/completeness${qs(w, extra)}`);
      const expectedGaps = ref.victimsCompleteness(cases);
      expect(Object.fromEntries(body.fields.map((x: any) => [x.field, x.not_recorded]))).toEqual(expectedGaps);
      for (const field of body.fields) {
        expect(field.total).toBe(cases.length);
        if (cases.length === 0) expect(field.pct_not_recorded).toBeNull();
        else expect(field.pct_not_recorded).toBeCloseTo((100 * expectedGaps[field.field]) / cases.length, 9);
      }
    }
  });

  it('offenders completeness, lone/group, relationships and age gap match', async () => {
    const gaps = await json(`/api/profiles/offenders/completeness${qs(w)}`);
    expect(Object.fromEntries(gaps.fields.map((x: any) => [x.field, x.not_recorded]))).toEqual(ref.offendersCompleteness(data, w));
    const lone = await json(`/api/profiles/offenders/breakdowns/lone_group${qs(w)}`);
    expect(asObject(lone.rows)).toEqual(ref.loneGroup(data, w));
    expect((100 * (asObject(lone.rows).group ?? 0)) / measures('offenders_identified')).toBeCloseTo(measures('pct_offenders_in_group'), 1);
    const rel = await json(`/api/profiles/offenders/breakdowns/relationships${qs(w)}`);
    expect(asObject(rel.rows)).toEqual(ref.relationships(data, w));
    const gap = await json(`/api/profiles/offenders/breakdowns/age_gap${qs(w)}`);
    expect(asObject(gap.rows)).toEqual(ref.ageGapBands(data, w));
  });

  it('groups and offenders linked to two or more children match (and the measures)', async () => {
    const groups = await json(`/api/profiles/offenders/groups${qs(w)}`);
    expect(sorted(groups.groups)).toEqual(sorted(ref.groups(data, w)));
    expect(groups.groups).toHaveLength(measures('groups_active'));
    const multi = await json(`/api/profiles/offenders/multi-victim${qs(w)}`);
    expect(sorted(multi.offenders.map((o: any) => ({ offender_id: o.offender_id, children: o.children }))))
      .toEqual(sorted(ref.multiVictim(data, w)));
    expect(multi.offenders).toHaveLength(measures('offenders_multi_victim'));
  });

  it('network groups match a breadth-first search over the links', async () => {
    const net = await json(`/api/profiles/network${qs(w)}`);
    const groups = net.components.map((c: any) => ({ size: c.size, children: c.children, offenders: c.offenders, locations: c.locations }));
    expect(sorted(groups)).toEqual(sorted(ref.networkGroups(data, w)));
    expect(net.summary.nodes).toBe(groups.reduce((s: number, g: any) => s + g.size, 0));
  });
});

it('figures for a period with no records are zero, empty or null, never an error', async () => {
  const w = { from: '1990-01-01', to: '1990-12-31' };
  const gaps = await json(`/api/profiles/victims/completeness${qs(w)}`);
  expect(gaps.fields.every((f: any) => f.total === 0 && f.pct_not_recorded === null)).toBe(true);
  expect((await json(`/api/profiles/network${qs(w)}`)).components).toEqual([]);
  expect((await json(`/api/profiles/offenders/groups${qs(w)}`)).groups).toEqual([]);
});
