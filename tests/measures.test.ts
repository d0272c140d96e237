// The boundary cases of measures.md on small hand-made data: date part of
// datetimes, "more than 24 hours", band upper bounds, the repeat-missing window,
// return home interviews within 72 hours, empty periods, filters and rates.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { computeMeasures, computeBreakdown, runForPeriods } from '../server/measures/run.ts';
import { MEASURES, BREAKDOWNS, findBreakdown } from '../server/measures/definitions.ts';
import type { MeasureParams } from '../server/measures/params.ts';
import type { Period } from '../server/period.ts';

const P = (from: string, to: string, period = `${from}/${to}`): Period => ({ period, date_from: from, date_to: to });
const MAY = P('2024-05-01', '2024-05-31', 'may');
const EMPTY = P('2010-01-01', '2010-12-31', 'empty');

let db: Database;

beforeAll(async () => {
  db = await Database.open(':memory:');
  await db.exec(`
    INSERT INTO cases (case_id, child_id, referral_date, closed_date, age_at_referral, sex, ethnicity, looked_after, home_ward, risk_level, cse_model, vulnerabilities) VALUES
      ('K1', 'A', '2024-05-01', NULL,         11, 'F', 'WBRI', 'Y', 'E05000001', 'high',   'online', ['missing', 'homeless']),
      ('K2', 'A', '2024-05-20', '2024-06-30', 12, 'F', 'WBRI', 'N', 'E05000001', 'low',    'peer',   NULL),
      ('K3', 'B', '2024-05-31', NULL,         NULL, NULL, 'REFU', NULL, NULL,     NULL,     NULL,     ['missing']),
      ('K4', 'C', '2024-04-01', '2024-05-01', 17, 'M', 'NOBT', 'N', 'E05000002', 'high',   'party',  NULL),
      ('K5', 'D', '2024-03-01', '2024-04-30', 18, 'M', NULL,   'N', 'E05000002', 'medium', 'party',  NULL),
      ('K6', 'E', '2024-06-01', NULL,         14, 'O', 'AIND', 'Y', 'E05000003', 'high',   'online', NULL);
    INSERT INTO missing_episodes (episode_id, child_id, start_at, end_at, episode_type, missing_from, age_at_start, sex, ethnicity, rhi_offered, rhi_completed_date) VALUES
      -- A: exactly 24 h (not over), exactly 6 h (under_6h), ongoing; starts 1, 15, 31 May
      ('M1', 'A', '2024-05-01 10:00', '2024-05-02 10:00', 'missing', 'care', 11, 'F', 'WBRI', 'Y', '2024-05-05'),
      ('M2', 'A', '2024-05-15 10:00', '2024-05-15 16:00', 'missing', 'home', 11, 'F', 'WBRI', 'Y', '2024-05-19'),
      ('M3', 'A', '2024-05-31 23:30', NULL,               'missing', NULL,   11, 'F', 'WBRI', NULL, NULL),
      -- B: three starts on 1 May, 20 May and 30 May: third 29 days after the first
      ('M4', 'B', '2024-05-01 00:00', '2024-05-02 00:01', 'away', 'care', 16, NULL, 'REFU', 'Y', '2024-04-30'),
      ('M5', 'B', '2024-05-20 08:00', '2024-05-23 08:00', 'away', 'home', 16, NULL, 'REFU', 'N', NULL),
      ('M6', 'B', '2024-05-30 08:00', '2024-05-30 08:00', 'away', 'home', 16, NULL, 'REFU', 'Y', '2024-06-02'),
      -- G (no case): started in April (30 Apr 23:59), returned in May: counts for returns only
      ('M7', 'G', '2024-04-30 23:59', '2024-05-03 00:00', 'missing', 'home', 13, 'M', 'MOTH', 'Y', '2024-05-06'),
      ('M8', 'G', '2024-05-01 01:00', '2024-05-04 01:01', 'missing', 'home', 13, 'M', 'MOTH', 'N', NULL),
      ('M9', 'G', '2024-05-02 01:00', '2024-05-02 02:00', 'missing', 'home', 13, 'M', 'MOTH', 'N', NULL),
      ('M10','G', '2024-05-03 01:00', '2024-05-03 02:00', 'missing', 'home', 13, 'M', 'MOTH', 'N', NULL),
      -- C: one episode 366 days before the referral (too early for the link)
      ('M11','C', '2023-03-31 12:00', '2023-04-01 12:00', 'missing', 'home', 16, 'M', NULL, NULL, NULL),
      -- D: missing in June, after a referral in March
      ('M12','D', '2024-06-10 12:00', '2024-06-10 13:00', 'missing', 'home', 18, 'M', NULL, NULL, NULL);
    INSERT INTO offenders (offender_id, first_identified, age_at_identification, sex, role, group_id, status) VALUES
      ('O1', '2024-05-10', 17, 'M', 'lone', NULL, 'suspect'),
      ('O2', '2024-05-11', 45, 'M', 'group_member', 'G1', 'charged'),
      ('O3', '2023-01-01', NULL, NULL, NULL, 'G2', NULL);
    INSERT INTO case_offender_links (case_id, offender_id, linked_on) VALUES
      ('K1', 'O1', '2024-05-02'), ('K2', 'O1', '2024-05-03'),   -- two cases, one child
      ('K1', 'O2', '2023-01-01'), ('K3', 'O2', '2024-06-01'),   -- second child only after May
      ('K1', 'O3', '2020-01-01'), ('K4', 'O3', '2021-01-01');   -- two children long before May
    INSERT INTO locations (location_id, location_type) VALUES ('L1', 'hotel'), ('L2', 'park'), ('L3', 'hotel');
    INSERT INTO location_reports (location_id, case_id, reported_on) VALUES
      ('L1', 'K1', '2024-05-05'), ('L1', 'K3', '2024-05-06'),   -- two children
      ('L2', 'K1', '2024-05-05'), ('L2', 'K2', '2024-05-07'),   -- one child twice
      ('L3', 'K4', '2024-06-01');
    INSERT INTO disruptions (disruption_id, action_date, action_type) VALUES
      ('D1', '2024-05-01', 'cawn'), ('D2', '2024-05-31', 'arrest'), ('D3', '2024-06-01', 'cawn');
    INSERT INTO population (area_code, year, sex, age, population) VALUES
      ('E05000001', 2022, 'F', 5, 100), ('E05000001', 2022, 'M', 12, 50),
      ('E05000001', 2023, 'F', 5, 110), ('E05000001', 2023, 'M', 12, 60), ('E05000001', 2023, 'M', 17, 30),
      ('E05000002', 2021, 'F', 15, 40), ('E05000002', 2025, 'F', 15, 999);
  `);
});
afterAll(() => db.close());

async function measuresFor(p: Period, params?: MeasureParams) {
  return (await computeMeasures(db, [p], params)).get(p.period)!;
}

async function breakdown(subject: string, dimension: string, p: Period, params?: MeasureParams) {
  return (await computeBreakdown(db, findBreakdown(subject, dimension)!, [p], params)).get(p.period)!;
}

describe('measures on hand-made data', () => {
  it('computes every victims measure (boundaries of open cases included)', async () => {
    const m = await measuresFor(MAY);
    expect(m.cases_referred).toBe(3);
    expect(m.children_referred).toBe(2);
    // A, B, and C (closed on the first day); not D (closed 30 April) nor E (referred in June)
    expect(m.children_open).toBe(3);
    expect(m.children_high_risk).toBe(1);
    expect(m.pct_cases_looked_after).toBeCloseTo(100 / 3, 12);
    expect(m.pct_cases_male).toBe(0);
    expect(m.pct_cases_ethnicity_recorded).toBeCloseTo(200 / 3, 12);
  });

  it('computes missing measures by the date part of start and end', async () => {
    const m = await measuresFor(MAY);
    expect(m.missing_episodes).toBe(9); // M1–M6, M8–M10 (M7 started on 30 April at 23:59)
    expect(m.children_missing).toBe(3);
    expect(m.episodes_from_care).toBe(2);
    // over 24 h: M4 (24 h 1 min), M5 (72 h), M8 (72 h 1 min); not M1 (exactly 24 h) nor M3 (ongoing)
    expect(m.episodes_over_24h).toBe(3);
    // A (1, 15, 31 May: 30 days), B (1, 20, 30 May: 29 days), G (1, 2, 3 May; its 30 April start is outside May)
    expect(m.repeat_missing_children).toBe(3);
    expect(m.episodes_returned).toBe(9); // every May start except ongoing M3, plus M7 returned in May
    expect(m.pct_rhi_offered).toBeCloseTo((5 / 9) * 100, 12); // M1, M2, M4, M6, M7
    // within 72 h: M1 (3 days), M2 (4 days after return: no), M6 (3 days), M7 (3 days); M4 before start: no
    expect(m.pct_rhi_within_72h).toBeCloseTo((3 / 9) * 100, 12);
  });

  it('applies the repeat-missing window by calendar date, with its thresholds', async () => {
    const edge = await measuresFor(MAY, { repeat_min: 3, repeat_days: 31 });
    expect(edge.repeat_missing_children).toBe(3); // A: 31 May − 1 May = 30 days ≤ 31 − 1
    const thirty = await measuresFor(MAY, { repeat_min: 3, repeat_days: 30 });
    expect(thirty.repeat_missing_children).toBe(2); // B (29 days) and G
    const tight = await measuresFor(MAY, { repeat_min: 3, repeat_days: 29 });
    expect(tight.repeat_missing_children).toBe(1); // G only
    const four = await measuresFor(MAY, { repeat_min: 4, repeat_days: 90 });
    expect(four.repeat_missing_children).toBe(0);
    const sameDay = await measuresFor(MAY, { repeat_min: 2, repeat_days: 1 });
    expect(sameDay.repeat_missing_children).toBe(0); // nobody has two starts on one date
    const nextDay = await measuresFor(MAY, { repeat_min: 2, repeat_days: 2 });
    expect(nextDay.repeat_missing_children).toBe(1); // G: 1 and 2 May
    const long = await measuresFor(MAY, { long_hours: 72 });
    expect(long.episodes_over_24h).toBe(1); // only M8 (72 h 1 min)
  });

  it('links missing episodes and cases', async () => {
    const m = await measuresFor(MAY);
    // A and B referred; both missing in May; C (referred in April) is not in the denominator
    expect(m.pct_referred_children_missing).toBe(100);
    expect(m.repeat_missing_children_without_case).toBe(1); // G
    const april = await measuresFor(P('2024-04-01', '2024-04-30'));
    // C referred 1 April 2024; episode 31 March 2023 is 367 days before: not counted
    expect([april.children_referred, april.pct_referred_children_missing]).toEqual([1, 0]);
    // A, B (missing before the referral on 31 May), not C (367 days before) nor D (never missing)
    const spring = await measuresFor(P('2024-03-01', '2024-05-31'));
    expect([spring.children_referred, spring.pct_referred_children_missing]).toEqual([4, 50]);
    // the window ends with the period: D's June episode counts once the period reaches June
    const toJune = await measuresFor(P('2024-03-01', '2024-06-30'));
    expect([toJune.children_referred, toJune.pct_referred_children_missing]).toEqual([5, 60]);
  });

  it('computes offender and location measures', async () => {
    const m = await measuresFor(MAY);
    expect(m.offenders_identified).toBe(2);
    expect(m.pct_offenders_in_group).toBe(50);
    expect(m.offenders_multi_victim).toBe(1); // O3 only: O1 has one child, O2's second child is linked in June
    expect(m.groups_active).toBe(0); // no grouped offender was linked in May
    const june = await measuresFor(P('2024-06-01', '2024-06-30'));
    expect(june.offenders_multi_victim).toBe(2);
    expect(june.groups_active).toBe(1);
    expect(m.locations_reported).toBe(2);
    expect(m.repeat_locations).toBe(1);
    expect(m.disruptions).toBe(2);
    expect(m.cawns_issued).toBe(1);
  });

  it('answers every measure for an empty period: 0 for counts, null for percentages', async () => {
    const m = await measuresFor(EMPTY);
    for (const def of MEASURES) expect(m[def.id], def.id).toBe(def.unit === 'count' ? 0 : null);
  });

  it('answers many periods in one run, each as if alone', async () => {
    const periods = [MAY, EMPTY, P('2024-01-01', '2024-12-31', '2024'), P('2024-06-01', '2024-06-30', 'june')];
    const all = await computeMeasures(db, periods);
    for (const p of periods) expect(all.get(p.period)).toEqual(await measuresFor(p));
    expect(all.get('2024')!.cases_referred).toBe(6);
  });
});

describe('breakdowns on hand-made data', () => {
  it('bands ages and durations, upper bounds included, in band order', async () => {
    expect(await breakdown('victims', 'age_band', MAY)).toEqual([
      { key: '0-11', count: 1 }, { key: '12-13', count: 1 }, { key: 'not_recorded', count: 1 },
    ]);
    expect(await breakdown('missing', 'duration_band', MAY)).toEqual([
      { key: 'under_6h', count: 4 }, // M2 exactly 6 h, M6 0 h, M9, M10
      { key: '6-24h', count: 1 }, // M1 exactly 24 h
      { key: '24-72h', count: 2 }, // M4, M5 exactly 72 h
      { key: 'over_72h', count: 1 }, // M8
      { key: 'ongoing', count: 1 }, // M3
    ]);
    expect(await breakdown('offenders', 'age_band', MAY)).toEqual([
      { key: 'under_18', count: 1 }, { key: '45+', count: 1 },
    ]);
  });

  it('counts codes largest first with not_recorded last, and each vulnerability once per case', async () => {
    expect(await breakdown('victims', 'sex', MAY)).toEqual([{ key: 'F', count: 2 }, { key: 'not_recorded', count: 1 }]);
    expect(await breakdown('victims', 'ethnicity_group', MAY)).toEqual([
      { key: 'White', count: 2 }, { key: 'not_recorded', count: 1 },
    ]);
    expect(await breakdown('victims', 'vulnerabilities', MAY)).toEqual([
      { key: 'missing', count: 2 }, { key: 'homeless', count: 1 },
    ]);
    expect(await breakdown('missing', 'missing_from', MAY)).toEqual([
      { key: 'home', count: 6 }, { key: 'care', count: 2 }, { key: 'not_recorded', count: 1 },
    ]);
    expect(await breakdown('locations', 'location_type', MAY)).toEqual([{ key: 'hotel', count: 1 }, { key: 'park', count: 1 }]);
    expect(await breakdown('disruptions', 'action_type', EMPTY)).toEqual([]);
  });

  it('has a query for every breakdown listed', async () => {
    for (const b of BREAKDOWNS) {
      const rows = await breakdown(b.subject, b.dimension, P('2020-01-01', '2025-12-31'));
      expect(rows.length, `${b.subject}/${b.dimension}`).toBeGreaterThan(0);
      if (b.keys) for (const r of rows) expect(b.keys, `${b.subject}/${b.dimension}`).toContain(r.key);
    }
  });
});

describe('victims filters', () => {
  it('narrow every victims measure and breakdown; not_recorded selects NULLs', async () => {
    const f = await measuresFor(MAY, { sex: 'F' });
    expect([f.cases_referred, f.children_referred, f.children_open]).toEqual([2, 1, 1]);
    const nr = await measuresFor(MAY, { sex: 'not_recorded' });
    expect([nr.cases_referred, nr.children_referred, nr.pct_cases_ethnicity_recorded]).toEqual([1, 1, 0]);
    const ward = await measuresFor(MAY, { ward: 'E05000001', risk_level: 'high' });
    expect([ward.cases_referred, ward.children_high_risk]).toEqual([1, 1]);
    const band = await measuresFor(P('2024-01-01', '2024-12-31'), { age_band: '18+' });
    expect(band.cases_referred).toBe(1);
    const la = await measuresFor(P('2024-01-01', '2024-12-31'), { looked_after: 'not_recorded', cse_model: 'not_recorded' });
    expect(la.cases_referred).toBe(1);
    expect(await breakdown('victims', 'sex', P('2024-01-01', '2024-12-31'), { cse_model: 'party' })).toEqual([{ key: 'M', count: 2 }]);
  });

  it('leave the other measures unchanged', async () => {
    const plain = await measuresFor(MAY);
    const filtered = await measuresFor(MAY, { sex: 'M' });
    for (const def of MEASURES.filter((m) => m.group !== 'victims')) expect(filtered[def.id], def.id).toBe(plain[def.id]);
    expect(filtered.cases_referred).toBe(0);
  });
});

describe('population denominators', () => {
  const periods = [P('2023-04-01', '2024-03-31', 'fy'), P('2022-01-01', '2022-12-31', '2022'), P('2020-01-01', '2020-12-31', '2020')];

  it('takes each area from the year the period ends, or the latest year before it', async () => {
    const rows = await runForPeriods(db, 'population#children_by_area', periods);
    const sorted = rows.map((r) => `${r.period} ${r.area_code} ${r.population}`).sort();
    expect(sorted).toEqual(['2022 E05000001 150', '2022 E05000002 40', 'fy E05000001 200', 'fy E05000002 40']);
  });

  it('groups children by sex and age band', async () => {
    const rows = await runForPeriods(db, 'population#children_by_sex_age_band', periods.slice(0, 1));
    const sorted = rows.map((r) => `${r.sex} ${r.age_band} ${r.population}`).sort();
    expect(sorted).toEqual(['F 0-11 110', 'F 14-15 40', 'M 12-13 60', 'M 16-17 30']);
  });
});

describe('definitions', () => {
  it('lists every measure in spec order with its SQL definition', () => {
    expect(MEASURES).toHaveLength(25);
    expect(MEASURES[0]).toMatchObject({ id: 'cases_referred', unit: 'count', file: 'sql/measures/victims.sql' });
    for (const m of MEASURES) expect(m.definition.length, m.id).toBeGreaterThan(20);
    expect(BREAKDOWNS.find((b) => b.dimension === 'duration_band')?.keys).toEqual(['under_6h', '6-24h', '24-72h', 'over_72h', 'ongoing', 'not_recorded']);
  });
});
