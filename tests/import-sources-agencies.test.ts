// SSD table exports, the CIN census XML and police.uk street-level files
// (tests/fixtures/sources/): what is stored is compared with small readers of
// the raw files written here (a quote-aware CSV splitter, regular expressions
// over the XML), and no identifier value may be anywhere in the database.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../server/db.ts';
import { importFiles, importFolder, type ImportResult } from '../server/import/index.ts';
import { computeMeasures } from '../server/measures/run.ts';
import { heldSources } from '../server/import/sources/held.ts';
import { writeBatch } from './fixtures/extract-batch.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/sources');

function accepted(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(r.report);
  return r;
}

/** Records of a CSV file keyed by header; fields may be quoted with "" escapes (no line breaks in the fixtures). */
function csv(path: string): Record<string, string>[] {
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) out.push(cur), (cur = '');
      else cur += ch;
    }
    return [...out, cur];
  };
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const headers = split(head);
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [headers[i], v])));
}

const isoDay = (s: string) => s.slice(0, 10);
function age(dob: string, on: string): number {
  const [by, bm, bd] = isoDay(dob).split('-').map(Number);
  const [y, m, d] = isoDay(on).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Every VARCHAR, list and date value of the database, as text, one string per cell. */
async function everyCell(db: Database): Promise<string[]> {
  const cols = await db.all(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'main' AND (data_type LIKE 'VARCHAR%' OR data_type IN ('DATE', 'TIMESTAMP'))`,
  );
  const out: string[] = [];
  for (const c of cols) {
    for (const r of await db.all(`SELECT CAST("${c.column_name}" AS VARCHAR) AS v FROM "${c.table_name}" WHERE "${c.column_name}" IS NOT NULL`)) out.push(String(r.v));
  }
  return out;
}

async function expectNoneStored(db: Database, values: string[]): Promise<void> {
  const cells = await everyCell(db);
  expect(cells.length).toBeGreaterThan(10);
  expect(values.filter((v) => cells.some((c) => c.includes(v)))).toEqual([]);
}

describe('SSD table exports', () => {
  const dir = join(FIXTURES, 'ssd');
  const person = new Map(csv(join(dir, 'ssd_person.csv')).map((p) => [p.pers_person_id, p]));
  const cla = csv(join(dir, 'ssd_cla_episodes.csv'));
  const lookedAfter = (id: string, on: string) =>
    cla.some((c) => c.clae_person_id === id && isoDay(c.clae_cla_episode_start_date) <= isoDay(on) && (c.clae_cla_episode_ceased === '' || isoDay(c.clae_cla_episode_ceased) > isoDay(on)));

  it('gives a case for each referral assessed with factor 11A, its other factors as vulnerabilities', async () => {
    const db = await Database.open(':memory:');
    const r = accepted(await importFolder(db, dir, { source: 'cli' }));
    expect(r.files.map((f) => f.layout).sort()).toEqual(['ssd_assessment_factors', 'ssd_cin_assessments', 'ssd_cin_episodes', 'ssd_cla_episodes', 'ssd_missing', 'ssd_person']);
    expect(r.files.find((f) => f.file === 'ssd_person.csv')!.dropped).toEqual(expect.arrayContaining(['pers_upn', 'pers_forename', 'pers_surname', 'pers_common_child_id']));

    // Factors per assessment: a JSON array, or the keys of an object whose value is Yes.
    const factorsOf = new Map(csv(join(dir, 'ssd_assessment_factors.csv')).map((f) => {
      const j = JSON.parse(f.cinf_assessment_factors_json) as string[] | Record<string, string>;
      return [f.cinf_assessment_id, Array.isArray(j) ? j : Object.keys(j).filter((k) => j[k] === 'Yes')];
    }));
    const ours: Record<string, string> = { '10A': 'missing', '4A': 'mental_health', '2A': 'substance_misuse', '13A': 'gang_association' };
    const sources: Record<string, string | null> = { '6': 'police', '2A': 'education', '3A': 'health', '10': null };
    const assessments = csv(join(dir, 'ssd_cin_assessments.csv'));
    const want = csv(join(dir, 'ssd_cin_episodes.csv')).flatMap((e) => {
      const factors = assessments.filter((a) => a.cina_referral_id === e.cine_referral_id).flatMap((a) => factorsOf.get(a.cina_assessment_id) ?? []);
      if (!factors.includes('11A')) return [];
      const p = person.get(e.cine_person_id)!;
      const v = [...new Set(factors.map((f) => ours[f]).filter(Boolean))].sort();
      return [{
        case_id: e.cine_referral_id,
        child_id: e.cine_person_id,
        referral_date: isoDay(e.cine_referral_date),
        closed_date: e.cine_close_date ? isoDay(e.cine_close_date) : null,
        age_at_referral: age(p.pers_dob, e.cine_referral_date),
        sex: p.pers_sex || p.pers_gender,
        ethnicity: p.pers_ethnicity,
        looked_after: lookedAfter(e.cine_person_id, e.cine_referral_date) ? 'Y' : 'N',
        referral_source: sources[e.cine_referral_source_code],
        vulnerabilities: v.length ? v : null,
      }];
    });
    expect(want.map((c) => c.case_id)).toEqual(['R1', 'R2', 'R4']);
    expect(await db.all('SELECT case_id, child_id, referral_date, closed_date, age_at_referral, sex, ethnicity, looked_after, referral_source, vulnerabilities FROM cases ORDER BY case_id')).toEqual(want);

    // Missing episodes: dates only; rhi offered held, the interview date not.
    const episodes = csv(join(dir, 'ssd_missing.csv')).map((m) => ({
      episode_id: m.miss_table_id,
      start_at: `${isoDay(m.miss_missing_episode_start_date)} 00:00:00`,
      end_at: m.miss_missing_episode_end_date ? `${isoDay(m.miss_missing_episode_end_date)} 00:00:00` : null,
      episode_type: /^a/i.test(m.miss_missing_episode_type) ? 'away' : 'missing',
      missing_from: lookedAfter(m.miss_person_id, m.miss_missing_episode_start_date) ? 'care' : null,
      age_at_start: age(person.get(m.miss_person_id)!.pers_dob, m.miss_missing_episode_start_date),
      rhi_offered: m.miss_missing_rhi_offered || null,
      times_recorded: false,
      rhi_offered_in_source: true,
      rhi_date_in_source: false,
    }));
    expect(await db.all('SELECT episode_id, start_at, end_at, episode_type, missing_from, age_at_start, rhi_offered, times_recorded, rhi_offered_in_source, rhi_date_in_source FROM missing_episodes ORDER BY episode_id')).toEqual(episodes);

    const identifiers = [...person.values()].flatMap((p) => [p.pers_upn, p.pers_forename, p.pers_surname, p.pers_common_child_id, isoDay(p.pers_dob), p.pers_legacy_id]);
    await expectNoneStored(db, identifiers);
    db.close();
  });

  it('refuses an impossible date, an unknown factor and unreadable factors, naming the SSD column', async () => {
    const db = await Database.open(':memory:');
    const bad = writeBatch({
      'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date,cine_close_date', 'R1,P1,2023-02-30,', 'R2,P1,2023-03-01,2023-02-01'].join('\n'),
      'ssd_assessment_factors.csv': ['cinf_table_id,cinf_assessment_id,cinf_assessment_factors_json', 'F1,A1,"[""11A"",""99Z""]"', 'F2,A2,11A'].join('\n'),
    });
    const r = await importFolder(db, bad, { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    expect(r.report.split('\n')).toEqual([
      'ssd_assessment_factors.csv:2:cinf_assessment_factors_json — "[\\"11A\\",\\"99Z\\"]" — unknown code 99Z: not an assessment factor of the DfE list (docs/sources.md)',
      'ssd_assessment_factors.csv:3:cinf_assessment_factors_json — "11A" — not a list of codes: expected a JSON array (["10A", "11A"]) or a JSON object keyed by code',
      'ssd_cin_episodes.csv:2:cine_referral_date — "2023-02-30" — no such date',
      'ssd_cin_episodes.csv:3:cine_close_date — "2023-02-01" — before cine_referral_date 2023-03-01',
    ]);
    db.close();
  });
});

describe('CIN census XML', () => {
  const file = join(FIXTURES, 'cin/cin_census_2024.xml');
  const xml = readFileSync(file, 'utf8');
  const one = (text: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1] ?? null;
  const all = (text: string, tag: string) => Array.from(text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g')), (m) => m[1]);

  it('gives a case for each referral with factor 11A, and stores no UPN or date of birth', async () => {
    const db = await Database.open(':memory:');
    const r = accepted(await importFolder(db, join(FIXTURES, 'cin'), { source: 'cli' }));
    expect(r.files[0]).toMatchObject({ extract: 'cases', layout: 'cin_census' });
    expect(r.files[0].dropped).toEqual(expect.arrayContaining(['UPN', 'FormerUPN']));
    const ours: Record<string, string> = { '10A': 'missing', '13A': 'gang_association', '15A': 'self_harm', '4A': 'mental_health' };
    const sources: Record<string, string> = { '6': 'police', '1B': 'family', '2A': 'education', '3A': 'health' };
    const want = xml.split('<Child>').slice(1).flatMap((child) => {
      const dob = one(child, 'PersonBirthDate')!;
      const disabilities = all(child, 'Disability');
      return child.split('<CINdetails>').slice(1).flatMap((details) => {
        const factors = all(details, 'AssessmentFactors');
        if (!factors.includes('11A')) return [];
        const referral = one(details, 'CINreferralDate')!;
        const v = [...new Set(factors.map((f) => ours[f]).filter(Boolean))].sort();
        return [{
          child_id: one(child, 'LAchildID'),
          referral_date: referral,
          closed_date: one(details, 'CINclosureDate'),
          age_at_referral: age(dob, referral),
          sex: ({ '1': 'M', '2': 'F' } as Record<string, string>)[one(child, 'GenderCurrent')!] ?? null,
          ethnicity: one(child, 'Ethnicity'),
          disability: disabilities.length === 0 ? null : disabilities.some((d) => d !== 'NONE') ? 'Y' : 'N',
          referral_source: sources[one(details, 'ReferralSource')!],
          vulnerabilities: v.length ? v : null,
        }];
      });
    });
    expect(want).toHaveLength(2);
    expect(await db.all('SELECT child_id, referral_date, closed_date, age_at_referral, sex, ethnicity, disability, referral_source, vulnerabilities FROM cases ORDER BY child_id, referral_date')).toEqual(want);
    await expectNoneStored(db, [...all(xml, 'UPN'), ...all(xml, 'FormerUPN'), ...all(xml, 'PersonBirthDate')]);
    db.close();
  });

  it('refuses an impossible date with its XML line and element, and broken XML', async () => {
    const db = await Database.open(':memory:');
    const lines = xml.split('\n');
    const at = lines.findIndex((l) => l.includes('<CINreferralDate>2024-02-27'));
    lines[at] = lines[at].replace('2024-02-27', '2024-02-30');
    const r = await importFolder(db, writeBatch({ 'census.xml': lines.join('\n') }), { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    const detailsLine = lines.slice(0, at).findLastIndex((l) => l.includes('<CINdetails>')) + 1;
    expect(r.report).toBe(`census.xml:${detailsLine}:CINreferralDate — "2024-02-30" — no such date`);
    const broken = await importFolder(db, writeBatch({ 'census.xml': xml.replace('</Children>', '') }), { source: 'cli' });
    if (broken.ok) throw new Error('accepted');
    expect(broken.report).toMatch(/^census\.xml:\d+ — not well-formed XML: <\/Message> closes <Children>$/);
    db.close();
  });
});

describe('police.uk street-level crime', () => {
  const dir = join(FIXTURES, 'police_uk');
  const rows = readdirSync(dir).flatMap((f) => csv(join(dir, f)));

  it('stores every crime with a snap point as context, counts the others, and never the Crime ID', async () => {
    const db = await Database.open(':memory:');
    const r = accepted(await importFolder(db, dir, { source: 'cli' }));
    expect(r.files.map((f) => f.extract)).toEqual(['context_crimes', 'context_crimes']);
    const without = rows.filter((x) => x.Longitude === '' || x.Latitude === '').length;
    expect(r.files[0].readAs).toBe(`police.uk street-level crime, 3 crimes, 2024-01 to 2024-01 (Greater Manchester Police); ${without} without a location, not stored`);
    const located = rows.filter((x) => x.Longitude !== '' && x.Latitude !== '');
    expect(await db.all('SELECT crime_type, count(*) AS n FROM context_crimes GROUP BY ALL ORDER BY crime_type')).toEqual(
      [...new Set(located.map((x) => x['Crime type']))].sort().map((t) => ({ crime_type: t, n: located.filter((x) => x['Crime type'] === t).length })),
    );
    await expectNoneStored(db, rows.map((x) => x['Crime ID']).filter(Boolean));
    db.close();
  });
});

describe('recognition', () => {
  it('reads our own extracts by header whatever their names, and refuses two files for one table', async () => {
    const db = await Database.open(':memory:');
    const cases = ['case_id,child_id,referral_date,sex', 'K1,C1,01/04/2024,F'].join('\n');
    const r = accepted(await importFolder(db, writeBatch({ 'CSE cases April.csv': cases }), { source: 'cli' }));
    expect(r.files.map((f) => [f.file, f.extract, f.readAs])).toEqual([['CSE cases April.csv', 'cases', 'cases (our extract format), 1 row']]);

    const missing = readFileSync(join(FIXTURES, 'ssd/ssd_missing.csv'), 'utf8');
    const ours = ['episode_id,child_id,start', 'E1,C1,01/04/2024 10:00'].join('\n');
    const both = await importFolder(db, writeBatch({ 'ssd_missing.csv': missing, 'missing_episodes.csv': ours }), { source: 'cli' });
    if (both.ok) throw new Error('accepted');
    expect(both.report).toBe('ssd_missing.csv — missing_episodes.csv and ssd_missing.csv (SSD ssd_missing) both give missing_episodes: keep one');
    db.close();
  });
});

describe('an authority with only its SSDA903 and CIN returns', () => {
  it('gets a profile from one batch of both, and the API can say no offender data is held', async () => {
    const db = await Database.open(':memory:');
    const files = [
      ...['missing.csv', 'header.csv', 'episodes.csv'].map((f) => ({ name: f, path: join(FIXTURES, 'ssda903', f) })),
      { name: 'cin_census_2024.xml', path: join(FIXTURES, 'cin/cin_census_2024.xml') },
    ];
    const r = accepted(await importFiles(db, files, { source: 'cli' }));
    expect(r.files.map((f) => [f.file, f.extract]).sort()).toEqual([
      ['cin_census_2024.xml', 'cases'], ['episodes.csv', 'missing_episodes'], ['header.csv', 'missing_episodes'], ['missing.csv', 'missing_episodes'],
    ]);
    const fy = [{ period: 'fy', date_from: '2023-04-01', date_to: '2024-03-31' }];
    const got = (await computeMeasures(db, fy)).get('fy')!;
    const referrals = [...readFileSync(join(FIXTURES, 'cin/cin_census_2024.xml'), 'utf8').matchAll(/<CINdetails>[^]*?<\/CINdetails>/g)]
      .filter((m) => m[0].includes('<AssessmentFactors>11A</AssessmentFactors>')).length;
    expect(got.cases_referred).toBe(referrals);
    const held = await heldSources(db);
    expect(held.notHeld).toEqual(expect.arrayContaining(['offenders', 'case_offender_links', 'disruptions']));
    expect(held.tables.map((t) => t.extract)).toEqual(['cases', 'missing_episodes']);
    db.close();
  });
});
