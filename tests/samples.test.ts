// The demo generator: deterministic output, valid per the extract contract, a plausible map.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArea, type GenerateResult } from '../server/samples/generate.ts';
import { readCsv, type Csv } from './helpers/sample-csv.ts';

const COMMITTED = join(import.meta.dirname, '..', 'data-samples');
let dir: string;
let again: string;
let other: string;
let result: GenerateResult;
const csv: Record<string, Csv> = {};

beforeAll(async () => {
  [dir, again, other] = await Promise.all([1, 2, 3].map(() => mkdtemp(join(tmpdir(), 'samples-'))));
  result = await generateArea({ outDir: dir });
  await generateArea({ outDir: again });
  await generateArea({ outDir: other, seed: 'another-borough' });
  for (const f of ['cases', 'missing_episodes', 'offenders', 'case_offender_links', 'locations', 'location_reports', 'disruptions', 'population']) {
    csv[f] = readCsv(dir, `${f}.csv`);
  }
});

afterAll(async () => {
  await Promise.all([dir, again, other].map((d) => rm(d, { recursive: true, force: true })));
});

const hashes = (d: string) =>
  Object.fromEntries(readdirSync(d).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(d, f))).digest('hex')]));

describe('determinism', () => {
  it('gives byte-identical files for the same seed, and different ones for another seed', () => {
    expect(Object.keys(hashes(dir))).toHaveLength(10);
    expect(hashes(again)).toEqual(hashes(dir));
    expect(hashes(other)['cases.csv']).not.toBe(hashes(dir)['cases.csv']);
  });

  it('matches the committed data-samples/ (regenerate with npm run samples)', () => {
    expect(existsSync(COMMITTED)).toBe(true);
    expect(hashes(COMMITTED)).toEqual(hashes(dir));
  });

  it('says in its README that the borough is fictional and the data synthetic', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/FICTIONAL/);
    expect(readme).toMatch(/SYNTHETIC/);
    expect(readme).toContain('npm run samples');
    expect(readme).toContain(`| cases.csv | ${result.rows['cases.csv']} |`);
  });
});

// Contract lists, written out from extracts.md independently of the generator.
const SEX = ['F', 'M', 'O'];
const ETHNICITY = ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT'];
const YN = ['Y', 'N'];
const LOCATION_TYPES = ['hotel', 'takeaway', 'licensed_premises', 'park', 'shopping_centre', 'transport_hub', 'taxi_private_hire',
  'school', 'private_address', 'online', 'other'];
const CODES: Record<string, Record<string, string[]>> = {
  cases: {
    sex: SEX, ethnicity: ETHNICITY, looked_after: YN, disability: YN,
    referral_source: ['police', 'social_care', 'education', 'health', 'voluntary', 'family', 'self', 'other'],
    risk_level: ['low', 'medium', 'high'],
    cse_model: ['inappropriate_relationship', 'boyfriend', 'peer', 'online', 'party', 'gang_group', 'organised_trafficking', 'lone_offender', 'other'],
    outcome: ['open', 'risk_reduced', 'closed_no_further_action', 'transferred_out', 'other'],
  },
  missing_episodes: {
    episode_type: ['missing', 'away'], missing_from: ['home', 'care', 'school', 'other'], sex: SEX, ethnicity: ETHNICITY,
    police_risk: ['no_apparent_risk', 'low', 'medium', 'high'], found_location_type: LOCATION_TYPES, rhi_offered: YN,
  },
  offenders: {
    sex: SEX, ethnicity: ETHNICITY, role: ['lone', 'group_member', 'organiser', 'recruiter', 'facilitator'],
    status: ['suspect', 'arrested', 'charged', 'convicted', 'no_further_action'],
  },
  case_offender_links: { relationship: ['boyfriend_girlfriend', 'peer', 'online_contact', 'associate', 'family_member', 'stranger', 'other'] },
  locations: { location_type: LOCATION_TYPES },
  disruptions: {
    action_type: ['cawn', 'arrest', 'charge', 'conviction', 'sexual_risk_order', 'sexual_harm_prevention_order', 'licensing_action',
      'premises_visit', 'vehicle_stop', 'other'],
  },
};
const VULNERABILITIES = ['missing', 'substance_misuse', 'mental_health', 'self_harm', 'school_absence', 'excluded_from_school',
  'domestic_abuse_at_home', 'parental_substance_misuse', 'learning_disability', 'sexual_health', 'gifts_money', 'older_associates',
  'offending', 'gang_association', 'homeless', 'bereavement', 'prior_abuse', 'sexuality_concerns', 'online_risk', 'young_carer'];
const HEADERS: Record<string, string> = {
  cases: 'case_id,child_id,referral_date,closed_date,age_at_referral,sex,ethnicity,looked_after,disability,home_ward,referral_source,risk_level,cse_model,vulnerabilities,outcome',
  missing_episodes: 'episode_id,child_id,start,end,episode_type,missing_from,age_at_start,sex,ethnicity,home_ward,police_risk,found_ward,found_location_type,rhi_offered,rhi_completed_date',
  offenders: 'offender_id,first_identified,age_at_identification,sex,ethnicity,home_ward,role,group_id,status',
  case_offender_links: 'case_id,offender_id,linked_on,relationship',
  locations: 'location_id,location_type,ward,latitude,longitude',
  location_reports: 'location_id,case_id,reported_on',
  disruptions: 'disruption_id,action_date,action_type,offender_id,location_id,case_id',
  population: 'area_code,year,sex,age,population',
};
const DATES: Record<string, string[]> = {
  cases: ['referral_date', 'closed_date'], missing_episodes: ['rhi_completed_date'], offenders: ['first_identified'],
  case_offender_links: ['linked_on'], location_reports: ['reported_on'], disruptions: ['action_date'],
};
const WARDS: Record<string, string[]> = {
  cases: ['home_ward'], missing_episodes: ['home_ward', 'found_ward'], offenders: ['home_ward'], locations: ['ward'],
};

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const isDateTime = (s: string) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(s) && isDate(s.slice(0, 10)) && +s.slice(11, 13) < 24 && +s.slice(14) < 60;
const values = (file: string, column: string) => csv[file].rows.map((r) => r[column]).filter((v) => v !== '');
const unique = (xs: string[]) => new Set(xs).size === xs.length;

describe('contract invariants of the demo extracts', () => {
  it('has the contract headers, one cell per column and no direct identifier', () => {
    for (const [file, header] of Object.entries(HEADERS)) {
      expect(csv[file].header.join(','), file).toBe(header);
      expect(csv[file].widths.every((w) => w === csv[file].header.length), file).toBe(true);
      expect(csv[file].header.some((h) => /name|dob|birth|address|postcode|nhs|upn/.test(h)), file).toBe(false);
    }
  });

  it('uses only listed codes, valid ISO dates within the five years, ages in range', () => {
    for (const [file, columns] of Object.entries(CODES)) {
      for (const [column, codes] of Object.entries(columns)) {
        expect(values(file, column).filter((v) => !codes.includes(v)), `${file}.${column}`).toEqual([]);
      }
    }
    expect(values('cases', 'vulnerabilities').flatMap((v) => v.split(';')).filter((v) => !VULNERABILITIES.includes(v))).toEqual([]);
    for (const [file, columns] of Object.entries(DATES)) {
      for (const column of columns) {
        const bad = values(file, column).filter((v) => !isDate(v) || v < '2021-04-01' || v > '2026-03-31');
        expect(bad, `${file}.${column}`).toEqual([]);
      }
    }
    const datetimes = [...values('missing_episodes', 'start'), ...values('missing_episodes', 'end')];
    expect(datetimes.filter((v) => !isDateTime(v))).toEqual([]);
    const inRange = (file: string, column: string, lo: number, hi: number) =>
      values(file, column).every((v) => /^\d+$/.test(v) && +v >= lo && +v <= hi);
    expect(inRange('cases', 'age_at_referral', 0, 25)).toBe(true);
    expect(inRange('missing_episodes', 'age_at_start', 0, 25)).toBe(true);
    expect(inRange('offenders', 'age_at_identification', 10, 99)).toBe(true);
  });

  it('has unique identifiers and every reference resolves', () => {
    const ids = { cases: values('cases', 'case_id'), offenders: values('offenders', 'offender_id'), locations: values('locations', 'location_id') };
    for (const list of [...Object.values(ids), values('missing_episodes', 'episode_id'), values('disruptions', 'disruption_id')]) {
      expect(unique(list)).toBe(true);
    }
    const known = (file: string, column: string, list: string[]) => {
      const set = new Set(list);
      expect(values(file, column).filter((v) => !set.has(v)), `${file}.${column}`).toEqual([]);
    };
    known('case_offender_links', 'case_id', ids.cases);
    known('case_offender_links', 'offender_id', ids.offenders);
    known('location_reports', 'case_id', ids.cases);
    known('location_reports', 'location_id', ids.locations);
    known('disruptions', 'case_id', ids.cases);
    known('disruptions', 'offender_id', ids.offenders);
    known('disruptions', 'location_id', ids.locations);
    const wards = JSON.parse(readFileSync(join(dir, 'boundaries.geojson'), 'utf8')).features.map((f: any) => f.properties.area_code);
    for (const [file, columns] of Object.entries(WARDS)) for (const column of columns) known(file, column, wards);
    known('population', 'area_code', wards);
    const pairs = csv.case_offender_links.rows.map((r) => `${r.case_id}|${r.offender_id}`);
    expect(unique(pairs)).toBe(true);
  });

  it('never ends before it starts', () => {
    expect(csv.cases.rows.filter((r) => r.closed_date !== '' && r.closed_date < r.referral_date)).toEqual([]);
    expect(csv.missing_episodes.rows.filter((r) => r.end !== '' && r.end < r.start)).toEqual([]);
    expect(csv.missing_episodes.rows.filter((r) => r.rhi_completed_date !== '' && r.rhi_completed_date < r.end.slice(0, 10))).toEqual([]);
    expect(csv.cases.rows.filter((r) => r.outcome === 'open' && r.closed_date !== '')).toEqual([]);
  });
});

interface Feature {
  properties: { area_code: string; area_name: string };
  geometry: { type: string; coordinates: [number, number][][] };
}

function inside([x, y]: [number, number], ring: [number, number][]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    if (ring[i][1] > y !== ring[j][1] > y && x < ((ring[j][0] - ring[i][0]) * (y - ring[i][1])) / (ring[j][1] - ring[i][1]) + ring[i][0]) c = !c;
  }
  return c;
}

describe('the fictional borough', () => {
  let features: Feature[];
  beforeAll(() => {
    features = JSON.parse(readFileSync(join(dir, 'boundaries.geojson'), 'utf8')).features;
  });

  it('has 15–20 made-up E05 wards with unique codes and names, in a small file', () => {
    expect(features.length).toBeGreaterThanOrEqual(15);
    expect(features.length).toBeLessThanOrEqual(20);
    const codes = features.map((f) => f.properties.area_code);
    expect(codes.every((c) => /^[EW]05[0-9]{6}$/.test(c) && c.startsWith('E0599'))).toBe(true);
    expect(unique(codes)).toBe(true);
    expect(unique(features.map((f) => f.properties.area_name))).toBe(true);
    expect(statSync(join(dir, 'boundaries.geojson')).size).toBeLessThan(300_000);
  });

  it('draws closed, counter-clockwise WGS84 polygons with map-like detail that do not overlap', () => {
    for (const f of features) {
      const ring = f.geometry.coordinates[0];
      expect(f.geometry.type).toBe('Polygon');
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length).toBeGreaterThan(100);
      let area = 0;
      for (let i = 0; i < ring.length - 1; i++) area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      expect(area, f.properties.area_code).toBeGreaterThan(0);
      expect(ring.every(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90)).toBe(true);
    }
    const all = features.flatMap((f) => f.geometry.coordinates[0]);
    const [minX, maxX] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
    const [minY, maxY] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
    let covered = 0;
    for (let i = 1; i < 40; i++) {
      for (let j = 1; j < 40; j++) {
        const p: [number, number] = [minX + ((maxX - minX) * i) / 40, minY + ((maxY - minY) * j) / 40];
        const hits = features.filter((f) => inside(p, f.geometry.coordinates[0])).length;
        expect(hits).toBeLessThanOrEqual(1);
        covered += hits;
      }
    }
    expect(covered / (39 * 39)).toBeGreaterThan(0.6);
  });

  it('places every located location inside its ward', () => {
    const ring = new Map(features.map((f) => [f.properties.area_code, f.geometry.coordinates[0]]));
    const located = csv.locations.rows.filter((r) => r.ward !== '' && r.latitude !== '');
    expect(located.length).toBeGreaterThan(100);
    expect(located.filter((r) => !inside([+r.longitude, +r.latitude], ring.get(r.ward)!))).toEqual([]);
  });

  it('has population for every ward, year 2021–2025, sex and single age 0–17, 2,000–4,000 children a ward', () => {
    const rows = csv.population.rows;
    expect(rows).toHaveLength(features.length * 5 * 2 * 18);
    const keys = new Set(rows.map((r) => `${r.area_code}|${r.year}|${r.sex}|${r.age}`));
    expect(keys.size).toBe(rows.length);
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(`${r.area_code}|${r.year}`, (totals.get(`${r.area_code}|${r.year}`) ?? 0) + Number(r.population));
    expect([...totals.values()].every((n) => n >= 2000 && n <= 4000)).toBe(true);
  });
});
