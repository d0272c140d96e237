// The demo data looks like the published CSE profiles describe, and its trends shift visibly.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArea } from '../server/samples/generate.ts';
import { countBy, financialYear, readCsv, share } from './helpers/sample-csv.ts';

type Row = Record<string, string>;
let dir: string;
let cases: Row[];
let episodes: Row[];
let offenders: Row[];
let links: Row[];
let locations: Row[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samples-realism-'));
  await generateArea({ outDir: dir });
  cases = readCsv(dir, 'cases.csv').rows;
  episodes = readCsv(dir, 'missing_episodes.csv').rows;
  offenders = readCsv(dir, 'offenders.csv').rows;
  links = readCsv(dir, 'case_offender_links.csv').rows;
  locations = readCsv(dir, 'locations.csv').rows;
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const YEARS = [2021, 2022, 2023, 2024, 2025];
const hours = (from: string, to: string) => (Date.parse(`${to.replace(' ', 'T')}Z`) - Date.parse(`${from.replace(' ', 'T')}Z`)) / 3.6e6;

/** Share of episodes belonging to the 10 % of children with most episodes. */
function topDecileShare(rows: Row[]): number {
  const counts = [...countBy(rows, (r) => r.child_id).values()].sort((a, b) => b - a);
  const top = counts.slice(0, Math.ceil(counts.length / 10)).reduce((a, b) => a + b, 0);
  return (100 * top) / rows.length;
}

/** Monthly counts from April of the first year to March of the last. */
function monthly(rows: Row[], column: string): number[] {
  const counts = countBy(rows, (r) => r[column].slice(0, 7));
  return YEARS.flatMap((y) => [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map((m) => counts.get(`${m < 4 ? y + 1 : y}-${String(m).padStart(2, '0')}`) ?? 0));
}

/** Longest run of consecutive months on one side of a baseline (the XmR shift signal needs 8). */
function longestRun(values: number[], test: (v: number) => boolean): number {
  let best = 0;
  let run = 0;
  for (const v of values) best = Math.max(best, (run = test(v) ? run + 1 : 0));
  return best;
}

describe('volumes', () => {
  it('has roughly 150–250 cases, 1,500–2,500 missing episodes and about 80 offenders a year, 150 locations', () => {
    const casesPerYear = countBy(cases, (r) => String(financialYear(r.referral_date)));
    const episodesPerYear = countBy(episodes, (r) => String(financialYear(r.start)));
    for (const y of YEARS) {
      expect(casesPerYear.get(String(y))).toBeGreaterThanOrEqual(140);
      expect(casesPerYear.get(String(y))).toBeLessThanOrEqual(260);
      expect(episodesPerYear.get(String(y))).toBeGreaterThanOrEqual(1500);
      expect(episodesPerYear.get(String(y))).toBeLessThanOrEqual(2500);
    }
    expect(offenders.length / 5).toBeGreaterThan(60);
    expect(offenders.length / 5).toBeLessThan(110);
    expect(locations).toHaveLength(150);
  });
});

describe('victims', () => {
  it('are mostly girls aged 13–16, about a fifth looked after, a fifth without recorded ethnicity', () => {
    expect(share(cases, (r) => r.sex === 'F')).toBeGreaterThan(70);
    expect(share(cases, (r) => r.sex === 'M')).toBeGreaterThanOrEqual(15);
    expect(share(cases, (r) => r.sex === 'M')).toBeLessThanOrEqual(25);
    expect(share(cases, (r) => +r.age_at_referral >= 13 && +r.age_at_referral <= 16)).toBeGreaterThan(60);
    expect(share(cases, (r) => r.looked_after === 'Y')).toBeGreaterThan(15);
    expect(share(cases, (r) => r.looked_after === 'Y')).toBeLessThan(25);
    expect(share(cases, (r) => ['', 'REFU', 'NOBT'].includes(r.ethnicity))).toBeGreaterThan(15);
    expect(share(cases, (r) => ['', 'REFU', 'NOBT'].includes(r.ethnicity))).toBeLessThan(25);
    expect(share(cases, (r) => r.cse_model === '')).toBeGreaterThan(25);
    expect(share(cases, (r) => r.cse_model === '')).toBeLessThan(40);
    expect(share(cases, (r) => r.vulnerabilities.split(';').includes('missing'))).toBeGreaterThan(20);
  });

  it('include children referred more than once', () => {
    const perChild = [...countBy(cases, (r) => r.child_id).values()];
    expect((100 * perChild.filter((n) => n > 1).length) / perChild.length).toBeGreaterThan(3);
  });

  it('rise visibly after the awareness campaign (June 2023)', () => {
    const months = monthly(cases, 'referral_date');
    const before = months.slice(0, 24);
    const after = months.slice(36);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(after)).toBeGreaterThan(1.3 * mean(before));
    expect(longestRun(months.slice(27), (v) => v > mean(before))).toBeGreaterThanOrEqual(8);
  });
});

describe('missing episodes', () => {
  it('are concentrated: the top 10 % of children account for half the episodes', () => {
    expect(topDecileShare(episodes)).toBeGreaterThan(50);
    for (const y of YEARS) expect(topDecileShare(episodes.filter((r) => financialYear(r.start) === y))).toBeGreaterThan(42);
  });

  it('are mostly from home with a sizeable share from care, some away, mostly evening and night', () => {
    const from = countBy(episodes, (r) => r.missing_from);
    expect(from.get('home')!).toBeGreaterThan(from.get('care')!);
    expect((100 * from.get('care')!) / episodes.length).toBeGreaterThan(20);
    expect(share(episodes, (r) => r.episode_type === 'away')).toBeGreaterThan(3);
    expect(share(episodes, (r) => +r.start.slice(11, 13) >= 15 || +r.start.slice(11, 13) < 3)).toBeGreaterThan(60);
  });

  it('last hours mostly, with a tail of days and a few still ongoing', () => {
    const returned = episodes.filter((r) => r.end !== '');
    expect(share(returned, (r) => hours(r.start, r.end) <= 24)).toBeGreaterThan(70);
    expect(share(returned, (r) => hours(r.start, r.end) > 72)).toBeGreaterThan(3);
    const ongoing = episodes.length - returned.length;
    expect(ongoing).toBeGreaterThan(0);
    expect(ongoing).toBeLessThan(30);
  });

  it('are mostly followed by an offered interview, held within 72 hours for about half', () => {
    const returned = episodes.filter((r) => r.end !== '');
    expect(share(returned, (r) => r.rhi_offered === 'Y')).toBeGreaterThan(80);
    const within = share(returned, (r) => r.rhi_completed_date !== '' && Date.parse(r.rhi_completed_date) <= Date.parse(r.end.slice(0, 10)) + 3 * 864e5);
    expect(within).toBeGreaterThan(40);
    expect(within).toBeLessThan(70);
  });

  it('from care fall visibly after the protocol (September 2024)', () => {
    const months = monthly(episodes.filter((r) => r.missing_from === 'care'), 'start');
    const baseline = months.slice(0, 36).reduce((a, b) => a + b, 0) / 36;
    const last = months.slice(48).reduce((a, b) => a + b, 0) / 12;
    expect(last).toBeLessThan(0.8 * baseline);
    expect(longestRun(months.slice(42), (v) => v < baseline)).toBeGreaterThanOrEqual(8);
  });
});

describe('offenders and locations', () => {
  it('are mostly men aged 18–40, lone or in groups with organisers, some with several victims', () => {
    expect(share(offenders, (r) => r.sex === 'M')).toBeGreaterThan(85);
    expect(share(offenders, (r) => +r.age_at_identification >= 18 && +r.age_at_identification <= 40)).toBeGreaterThan(60);
    const groups = countBy(offenders.filter((r) => r.group_id !== ''), (r) => r.group_id);
    expect([...groups.values()].filter((n) => n >= 3).length).toBeGreaterThanOrEqual(10);
    expect(offenders.filter((r) => r.role === 'organiser').length).toBeGreaterThanOrEqual(10);
    expect(share(offenders, (r) => r.role === 'lone')).toBeGreaterThan(30);
    const childOf = new Map(cases.map((r) => [r.case_id, r.child_id]));
    const victims = new Map<string, Set<string>>();
    for (const l of links) victims.set(l.offender_id, (victims.get(l.offender_id) ?? new Set()).add(childOf.get(l.case_id)!));
    expect([...victims.values()].filter((s) => s.size >= 2).length).toBeGreaterThanOrEqual(10);
  });

  it('cluster hotels, takeaways and parks in a few town-centre wards', () => {
    const clustered = locations.filter((r) => ['hotel', 'takeaway', 'park', 'licensed_premises'].includes(r.location_type) && r.ward !== '');
    const top3 = [...countBy(clustered, (r) => r.ward).values()].sort((a, b) => b - a).slice(0, 3);
    expect((100 * top3.reduce((a, b) => a + b, 0)) / clustered.length).toBeGreaterThan(40);
  });
});
