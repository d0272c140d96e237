// The profile queries on tiny hand-made tables (definitions checked by hand),
// and the profile API's parameter, error and access rules over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const P = '?from=2024-04-01&to=2025-03-31';
let server: TestServer;

beforeAll(async () => {
  const db = await Database.open(':memory:');
  await db.exec(`
    INSERT INTO cases (case_id, child_id, referral_date, age_at_referral, sex, ethnicity, home_ward, risk_level, vulnerabilities) VALUES
      ('K1', 'C1', '2024-05-01', 13, 'F', 'WBRI', 'E05000001', 'high', ['missing']),
      ('K2', 'C2', '2024-06-01', NULL, NULL, 'REFU', NULL, NULL, NULL),
      ('K3', 'C1', '2024-07-01', 14, 'F', 'WBRI', 'E05000002', 'low', NULL),
      ('K4', 'C3', '2023-01-01', 16, 'M', NULL, 'E05000001', 'low', NULL);
    INSERT INTO offenders (offender_id, first_identified, age_at_identification, sex, group_id, role) VALUES
      ('P1', '2024-01-01', 30, 'M', 'G1', 'organiser'), ('P2', '2024-05-05', NULL, NULL, 'G1', NULL),
      ('P3', '2020-01-01', 20, 'M', NULL, 'lone'), ('P4', '2024-09-09', 40, 'F', NULL, NULL);
    INSERT INTO case_offender_links (case_id, offender_id, linked_on, relationship) VALUES
      ('K1', 'P1', '2024-05-02', 'peer'), ('K2', 'P1', '2024-06-02', NULL),
      ('K3', 'P3', '2024-07-02', 'associate'), ('K4', 'P3', '2023-02-01', 'online_contact'),
      ('K4', 'P2', '2023-03-01', 'stranger');
    INSERT INTO locations (location_id, location_type, ward) VALUES ('L1', 'hotel', 'E05000001'), ('L2', 'park', NULL);
    INSERT INTO location_reports (location_id, case_id, reported_on) VALUES ('L1', 'K2', '2024-06-03'), ('L1', 'K3', '2024-08-01'), ('L2', 'K4', '2023-01-05');
    INSERT INTO population (area_code, year, sex, age, population) VALUES
      ('E05000001', 2023, 'F', 13, 1000), ('E05000001', 2023, 'M', 16, 500), ('E05000001', 2026, 'F', 13, 9),
      ('E05000002', 2024, 'F', 14, 2000), ('E05000002', 2024, 'F', 12, 2000);
  `);
  server = await startTestServer({ db });
});
afterAll(async () => {
  await server.close();
  server.db.close();
});

async function json(path: string): Promise<any> {
  const r = await server.get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('victims', () => {
  it('completeness counts not-recorded fields (REFU/NOBT as not recorded) over filtered cases', async () => {
    const all = await json(`/api/profiles/victims/completeness${P}`);
    const byField = Object.fromEntries(all.fields.map((f: any) => [f.field, f]));
    expect(byField.age_band).toMatchObject({ total: 3, not_recorded: 1, denominator: 'cases_referred' });
    expect(byField.ethnicity_group.not_recorded).toBe(1);
    expect(byField.vulnerabilities.not_recorded).toBe(2);
    expect(byField.vulnerabilities.pct_not_recorded).toBeCloseTo(66.6667, 3);
    const filtered = await json(`/api/profiles/victims/completeness${P}&sex=not_recorded`);
    expect(filtered.filters).toEqual({ sex: 'not_recorded' });
    expect(filtered.fields.every((f: any) => f.total === 1)).toBe(true);
    const lower = await json(`/api/profiles/victims/completeness${P}&risk_level=HIGH`);
    expect(lower.fields[0].total).toBe(1);
  });

  it('rates per 10,000 use the population of the year the period ends or the latest before', async () => {
    const body = await json(`/api/profiles/victims/rates${P}`);
    expect(body.population_loaded).toBe(true);
    const ward = Object.fromEntries(body.by_ward.map((r: any) => [r.key, r]));
    // E05000001: 2023 population (1500) as 2026 is after the period; 1 case in scope.
    expect(ward.E05000001).toMatchObject({ count: 1, population: 1500 });
    expect(ward.E05000001.rate).toBeCloseTo(1 / 1500 * 10_000, 9);
    expect(ward.E05000002).toMatchObject({ count: 1, population: 4000, rate: 2.5 });
    expect(ward.not_recorded).toMatchObject({ count: 1, population: null, rate: null });
    const cell = (sex: string, band: string) => body.by_sex_age_band.find((r: any) => r.sex === sex && r.age_band === band);
    expect(cell('F', '12-13')).toMatchObject({ count: 1, population: 3000 });
    expect(cell('F', '14-15')).toMatchObject({ count: 1, population: 2000, rate: 5 });
    expect(cell('M', '16-17')).toMatchObject({ count: 0, population: 500, rate: 0 });
  });

  it('rates are null without population', async () => {
    const body = await json('/api/profiles/victims/rates?from=2010-01-01&to=2010-12-31');
    expect(body.population_loaded).toBe(false);
    expect(body.by_ward).toEqual([]);
  });
});

describe('offenders', () => {
  it('lone or group, relationships and age gap bands', async () => {
    expect((await json(`/api/profiles/offenders/breakdowns/lone_group${P}`)).rows).toEqual([
      { key: 'group', count: 1 }, { key: 'lone', count: 1 },
    ]);
    expect((await json(`/api/profiles/offenders/breakdowns/relationships${P}`)).rows).toEqual([
      { key: 'associate', count: 1 }, { key: 'peer', count: 1 }, { key: 'not_recorded', count: 1 },
    ]);
    // K1–P1: offender 30 at 2024-05-02, child 13 → 17. K3–P3: offender 20 + 4 = 24, child 14 → 10. K2: child age missing.
    expect((await json(`/api/profiles/offenders/breakdowns/age_gap${P}`)).rows).toEqual([
      { key: '10-19', count: 2 }, { key: 'not_recorded', count: 1 },
    ]);
  });

  it('groups: size over all members, children up to the end of the period and in it, first/last link', async () => {
    expect((await json(`/api/profiles/offenders/groups${P}`)).groups).toEqual([{
      group_id: 'G1', size: 2, children_linked: 3, children_in_period: 2, first_activity: '2023-03-01', last_activity: '2024-06-02',
    }]);
    expect((await json('/api/profiles/offenders/groups?from=2025-01-01&to=2025-03-31')).groups).toEqual([]);
  });

  it('offenders linked to two or more children, most children then latest link first', async () => {
    const body = await json(`/api/profiles/offenders/multi-victim${P}`);
    expect(body.offenders.map((o: any) => [o.offender_id, o.children, o.children_in_period])).toEqual([['P3', 2, 1], ['P1', 2, 2]]);
    expect(body.offenders[1]).toMatchObject({ age_band: '25-34', role: 'organiser', group_id: 'G1', first_link: '2024-05-02', last_link: '2024-06-02' });
  });

  it('completeness of offender fields and of links', async () => {
    const body = await json(`/api/profiles/offenders/completeness${P}`);
    const f = Object.fromEntries(body.fields.map((x: any) => [x.field, [x.total, x.not_recorded]]));
    expect(f).toMatchObject({ age_band: [2, 1], sex: [2, 1], role: [2, 2], relationship: [3, 1], age_gap: [3, 1] });
  });
});

describe('network', () => {
  it('connects children, offenders and locations of the period into groups', async () => {
    const body = await json(`/api/profiles/network${P}`);
    // Edges: C1–P1, C2–P1, C1–P3, C2–L1, C1–L1: one group of 5.
    expect(body.edges).toHaveLength(5);
    expect(body.components).toEqual([{ index: 0, size: 5, children: 2, offenders: 2, locations: 1, edges: 5, mostConnected: ['child:C1', 'child:C2', 'location:L1'] }]);
    const p1 = body.nodes.find((n: any) => n.id === 'offender:P1');
    expect(p1).toMatchObject({ kind: 'offender', label: 'P1', detail: 'organiser', extra: 'G1', degree: 2, component: 0 });
  });
});

describe('parameters and access', () => {
  it('400 names the bad parameter; 404 for an unknown breakdown', async () => {
    const cases: [string, string][] = [
      ['/api/profiles/network?from=2024-13-01&to=2025-01-01', 'from'],
      ['/api/profiles/offenders/groups?from=2024-01-01', 'to'],
      ['/api/profiles/offenders/multi-victim?from=2025-01-01&to=2024-01-01', 'from'],
      [`/api/profiles/victims/completeness${P}&ward=nowhere`, 'ward'],
      [`/api/profiles/victims/rates${P}&age_band=99`, 'age_band'],
      [`/api/profiles/victims/completeness${P}&cse_model=x'%20OR%201=1`, 'cse_model'],
    ];
    for (const [path, parameter] of cases) {
      const r = await server.get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.parameter).toBe(parameter);
      expect(JSON.stringify(r.body)).not.toMatch(/SELECT|Error:|at /);
    }
    const r = await server.get(`/api/profiles/offenders/breakdowns/shoe_size${P}`);
    expect(r.status).toBe(404);
  });

  it('a viewer sees aggregates but not records or the network', async () => {
    const viewer = await startTestServer({ db: server.db, role: 'viewer' });
    try {
      expect((await viewer.get(`/api/profiles/offenders/breakdowns/relationships${P}`)).status).toBe(200);
      for (const path of ['/api/profiles/network', '/api/profiles/offenders/groups', '/api/profiles/offenders/multi-victim']) {
        expect((await viewer.get(path + P)).status, path).toBe(403);
      }
    } finally {
      await viewer.close();
    }
  });
});
