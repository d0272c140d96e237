// Files as agencies hold them (tests/fixtures/sources/): the SSDA903 return's
// missing, header and episodes files and an ONS mid-year ward estimates file.
// Every figure expected here is computed from the raw files by the small
// independent readers below, never by the import or the measures' SQL.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../server/db.ts';
import { importFiles, importFolder, type ImportResult } from '../server/import/index.ts';
import { computeBreakdown, computeMeasures, runForPeriods } from '../server/measures/run.ts';
import { BREAKDOWNS } from '../server/measures/definitions.ts';
import { childrenByArea } from '../server/hotspots/population.ts';
import { heldSources } from '../server/import/sources/held.ts';
import { methodology } from '../server/report/methodology.ts';
import { LAYOUTS } from '../server/import/sources/layouts.ts';
import { directIdentifier, normaliseHeader } from '../server/import/headers.ts';
import { wardCounts } from '../server/hotspots/wards.ts';
import type { Boundary } from '../server/hotspots/service.ts';
import { snapshot, writeBatch } from './fixtures/extract-batch.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/sources');
const SSDA903 = join(FIXTURES, 'ssda903');
const ONS = join(FIXTURES, 'ons');

function accepted(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(r.report);
  return r;
}

/** A fixture CSV as records keyed by header (the fixtures have no quoted fields). */
function rows(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const headers = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [headers[i], v])));
}

/** DD/MM/YYYY → days since the epoch (UTC), and whole years between two of them. */
const day = (dmy: string) => {
  const [d, m, y] = dmy.split('/').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};
function ageOn(dob: string, on: string): number {
  const [bd, bm, by] = dob.split('/').map(Number);
  const [d, m, y] = on.split('/').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
const band = (age: number) => (age <= 11 ? '0-11' : age <= 13 ? '12-13' : age <= 15 ? '14-15' : age <= 17 ? '16-17' : '18+');

/** The missing measures of a financial year from the raw SSDA903 files, as docs/sources.md defines them. */
function expected903(from: string, to: string) {
  const missing = rows(join(SSDA903, 'missing.csv'));
  const header = new Map(rows(join(SSDA903, 'header.csv')).map((r) => [r.CHILD, r]));
  const episodes = rows(join(SSDA903, 'episodes.csv'));
  const [lo, hi] = [day(from), day(to)];
  const inYear = (d: string) => d !== '' && day(d) >= lo && day(d) <= hi;
  const started = missing.filter((m) => inYear(m.MIS_START));
  const lookedAfter = (child: string, on: string) =>
    episodes.some((e) => e.CHILD === child && day(e.DECOM) <= day(on) && (e.DEC === '' || day(e.DEC) > day(on)));
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((o, k) => ((o[k] = (o[k] ?? 0) + 1), o), {});
  const gap = (m: Record<string, string>) => (m.MIS_END === '' ? null : day(m.MIS_END) - day(m.MIS_START));
  const byChild = new Map<string, number[]>();
  for (const m of started) byChild.set(m.CHILD, [...(byChild.get(m.CHILD) ?? []), day(m.MIS_START)]);
  const repeat = [...byChild.values()].filter((s) => {
    s.sort((a, b) => a - b);
    return s.some((d, i) => i + 2 < s.length && s[i + 2] - d <= 89);
  }).length;
  return {
    measures: {
      missing_episodes: started.length,
      children_missing: new Set(started.map((m) => m.CHILD)).size,
      episodes_from_care: started.filter((m) => lookedAfter(m.CHILD, m.MIS_START)).length,
      episodes_over_24h: started.filter((m) => (gap(m) ?? 0) >= 2).length,
      repeat_missing_children: repeat,
      episodes_returned: missing.filter((m) => inYear(m.MIS_END)).length,
      pct_rhi_offered: null,
      pct_rhi_within_72h: null,
    },
    breakdowns: {
      age_band: count(started.map((m) => band(ageOn(m.DOB, m.MIS_START)))),
      sex: count(started.map((m) => ({ '1': 'M', '2': 'F' })[header.get(m.CHILD)?.SEX ?? ''] ?? 'not_recorded')),
      missing_from: count(started.map((m) => (lookedAfter(m.CHILD, m.MIS_START) ? 'care' : 'not_recorded'))),
      duration_band: count(started.map((m) => {
        const g = gap(m);
        return g === null ? 'ongoing' : g === 2 ? '24-72h' : g >= 4 ? 'over_72h' : 'not_recorded';
      })),
      police_risk: { not_recorded: started.length },
    },
  };
}

/** Every value of the fixtures' identifier columns: DOB (both spellings), UPN, postcodes. */
function identifierValues(): string[] {
  const iso = (dmy: string) => dmy.split('/').reverse().join('-');
  const header = rows(join(SSDA903, 'header.csv'));
  const episodes = rows(join(SSDA903, 'episodes.csv'));
  const dobs = [...header.map((h) => h.DOB), ...header.map((h) => h.MC_DOB), ...rows(join(SSDA903, 'missing.csv')).map((m) => m.DOB)].filter(Boolean);
  return [...new Set([...dobs, ...dobs.map(iso), ...header.map((h) => h.UPN), ...episodes.flatMap((e) => [e.HOME_POST, e.PL_POST])].filter(Boolean))];
}

/** Every VARCHAR (or list) and DATE value anywhere in the database that equals or contains one of `values`. */
async function findValues(db: Database, values: string[]): Promise<string[]> {
  const cols = await db.all(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'main' AND (data_type LIKE 'VARCHAR%' OR data_type IN ('DATE', 'TIMESTAMP'))`,
  );
  const found: string[] = [];
  const params = Object.fromEntries(values.map((v, i) => [`v${i}`, v]));
  const list = `[${values.map((_, i) => `$v${i}`).join(', ')}]::VARCHAR[]`;
  for (const c of cols) {
    const cell = `CAST("${c.column_name}" AS VARCHAR)`;
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM "${c.table_name}" WHERE len(list_filter(${list}, lambda v: contains(${cell}, v))) > 0`, params);
    if (Number(n) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe('SSDA903 return', () => {
  it('is recognised by its headers and reported file by file, with the columns used and dropped', async () => {
    const db = await Database.open(':memory:');
    const r = accepted(await importFolder(db, SSDA903, { source: 'cli' }));
    const byFile = Object.fromEntries(r.files.map((f) => [f.file, f]));
    expect(byFile['missing.csv'].readAs).toBe('SSDA903 missing, 14 episodes of 7 children, 2017-03-20 to 2018-04-01');
    expect(byFile['header.csv'].readAs).toBe('SSDA903 header, 7 children (sex, ethnicity)');
    expect(byFile['episodes.csv'].readAs).toBe('SSDA903 episodes, 7 episodes of care of 6 children, 2015-05-01 to 2017-10-01');
    expect(byFile['header.csv'].dropped).toEqual(['UPN', 'MOTHER', 'MC_DOB']);
    expect(byFile['episodes.csv'].dropped).toContain('HOME_POST');
    expect(byFile['missing.csv'].used?.map((u) => u.split(' ')[0])).toEqual(['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END']);
    expect(r.files.every((f) => f.extract === 'missing_episodes')).toBe(true);
    db.close();
  });

  it('gives the missing measures and breakdowns of a financial year computed from the raw files', async () => {
    const db = await Database.open(':memory:');
    accepted(await importFolder(db, SSDA903, { source: 'cli' }));
    for (const [from, to] of [['01/04/2017', '31/03/2018'], ['01/04/2016', '31/03/2017']]) {
      const iso = (dmy: string) => dmy.split('/').reverse().join('-');
      const period = { period: 'fy', date_from: iso(from), date_to: iso(to) };
      const want = expected903(from, to);
      const got = (await computeMeasures(db, [period])).get('fy')!;
      for (const [id, value] of Object.entries(want.measures)) expect(got[id], `${from} ${id}`).toBe(value);
      for (const [dimension, counts] of Object.entries(want.breakdowns)) {
        const def = BREAKDOWNS.find((b) => b.subject === 'missing' && b.dimension === dimension)!;
        const rowsGot = (await computeBreakdown(db, def, [period])).get('fy')!;
        expect(Object.fromEntries(rowsGot.map((x) => [x.key, x.count])), `${from} ${dimension}`).toEqual(counts);
        if (dimension === 'duration_band') expect(rowsGot.at(-1)?.key, 'not recorded comes last').toBe('not_recorded');
      }
    }
    // Dates have no hour: the day-and-hour chart holds none of these episodes.
    const fy = [{ period: 'fy', date_from: '2017-04-01', date_to: '2018-03-31' }];
    const cells = await runForPeriods(db, 'missing/views#heatmap', fy);
    expect([cells.length, cells.reduce((n, c) => n + Number(c.count), 0)]).toEqual([7 * 24, 0]);
    // The year 2017/18 has figures of every kind (guards the independent reader against vacuous agreement).
    expect(expected903('01/04/2017', '31/03/2018').measures).toMatchObject({ missing_episodes: 12, episodes_over_24h: 5, repeat_missing_children: 1 });
    db.close();
  });

  it('stores nothing from the identifier columns anywhere in the database', async () => {
    const db = await Database.open(':memory:');
    accepted(await importFolder(db, SSDA903, { source: 'cli' }));
    const values = identifierValues();
    expect(values.length).toBeGreaterThan(20);
    expect(await findValues(db, values)).toEqual([]);
    // The scan does find a value that is stored (it is not blind).
    expect(await findValues(db, ['WBRI'])).toContain('missing_episodes.ethnicity');
    db.close();
  });

  it('refuses a broken file as file:row:column with the file’s own header, never showing an identifier value', async () => {
    const db = await Database.open(':memory:');
    const before = await snapshot(db);
    const dir = writeBatch({
      'missing.csv': [
        'CHILD,DOB,MISSING,MIS_START,MIS_END',
        '101,14/02/2003,M,20/03/2017,21/03/2017',
        '101,31/02/2003,M,05/04/2017,05/04/2017',
        '102,30/09/2004,X,01/08/2017,02/08/2017',
        '102,30/09/2004,M,15/08/2017,31/02/2018',
        '103,01/04/2002,A,10/05/2017,09/05/2017',
        '104,29/02/2004,M,,',
      ].join('\n'),
      'header.csv': ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', '101,3,14/02/2003,WBRX,A123456789012,,', '101,2,14/02/2003,WBRI,A123456789012,,'].join('\n'),
    });
    const r = await importFolder(db, dir, { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    expect(r.report.split('\n')).toEqual([
      'header.csv:2:SEX — "3" — unknown code: expected one of 1, 2',
      'header.csv:2:ETHNIC — "WBRX" — unknown code: expected one of WBRI, WIRI, WIRT, WOTH, WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN, ABAN, AOTH, BCRB, BAFR, BOTH, CHNE, OOTH, REFU, NOBT',
      'header.csv:3:CHILD — "101" — duplicate CHILD (first at row 2)',
      'missing.csv:3:DOB — no such date (the value is not shown: DOB is an identifier)',
      'missing.csv:4:MISSING — "X" — unknown code: expected one of M, A',
      'missing.csv:5:MIS_END — "31/02/2018" — no such date',
      'missing.csv:6:MIS_END — "09/05/2017" — before MIS_START 10/05/2017',
      'missing.csv:7:MIS_START — required value not recorded',
    ]);
    expect(r.report).not.toContain('31/02/2003');
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('reads the missing file alone, saying what the batch lacks', async () => {
    const db = await Database.open(':memory:');
    const missing = rows(join(SSDA903, 'missing.csv'));
    const r = accepted(await importFiles(db, [{ name: 'missing.csv', path: join(SSDA903, 'missing.csv') }], { source: 'cli' }));
    expect(r.warnings).toEqual([
      `missing.csv: ${missing.length} episodes of ${new Set(missing.map((m) => m.CHILD)).size} children not in the SSDA903 header file: their sex and ethnicity are not recorded`,
      'missing.csv: no SSDA903 episodes file in the batch: where each child went missing from is not recorded',
    ]);
    expect(await db.all('SELECT count(*) AS n, count(sex) AS sex, count(missing_from) AS missing_from FROM missing_episodes')).toEqual([{ n: missing.length, sex: 0, missing_from: 0 }]);
    db.close();
  });

  it('refuses a batch of files that only add to another (a header file alone)', async () => {
    const db = await Database.open(':memory:');
    const r = await importFiles(db, [{ name: 'header.csv', path: join(SSDA903, 'header.csv') }], { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    expect(r.report).toBe('(batch) — nothing to store: header.csv was read as SSDA903 header, but no file of the batch uses it (it adds to an SSDA903 missing file): nothing from it is stored');
    db.close();
  });

  it('treats every column whose header names an identifier as one (its values are never shown)', () => {
    for (const layout of LAYOUTS) {
      for (const c of layout.columns) {
        if (directIdentifier(normaliseHeader(c.header))) expect(c.identifier, `${layout.layout}.${c.header}`).toBe(true);
      }
    }
    expect(LAYOUTS.flatMap((l) => l.columns.filter((c) => c.identifier).map((c) => c.header)).sort()).toEqual(['DOB', 'DOB', 'PersonBirthDate', 'pers_dob']);
  });

  it('is a batch on its own, and says which sources are held', async () => {
    const db = await Database.open(':memory:');
    accepted(await importFolder(db, SSDA903, { source: 'cli' }));
    const held = await db.named('import/history#held_sources');
    expect(held.map((h) => [h.extract, h.layout, h.file_name])).toEqual([
      ['missing_episodes', 'ssda903_episodes', 'episodes.csv'],
      ['missing_episodes', 'ssda903_header', 'header.csv'],
      ['missing_episodes', 'ssda903_missing', 'missing.csv'],
    ]);
    const sources = await heldSources(db);
    expect(sources.tables.map((t) => [t.extract, t.layouts])).toEqual([['missing_episodes', ['ssda903_episodes', 'ssda903_header', 'ssda903_missing']]]);
    expect(sources.notHeld).toEqual(['cases', 'offenders', 'case_offender_links', 'locations', 'location_reports', 'disruptions', 'population', 'boundaries', 'context_crimes']);
    expect(sources.notInSource.map((n) => n.figure)).toEqual(expect.arrayContaining(['pct_rhi_offered', 'pct_rhi_within_72h', 'episodes_over_24h']));
    // The measures that need what the return does not hold have no figure, never 0 %.
    const got = (await computeMeasures(db, [{ period: 'fy', date_from: '2017-04-01', date_to: '2018-03-31' }])).get('fy')!;
    expect([got.pct_rhi_offered, got.pct_rhi_within_72h]).toEqual([null, null]);
    // The methodology appendix gives the same mapping query the import ran, and the source's notes.
    const m = methodology({ suppressed: false, threshold: 5, thresholds: { repeat_min: 3, repeat_days: 90, long_hours: 24 }, heldLayouts: sources.tables.flatMap((t) => t.layouts) });
    const entry = m.queries.find((q) => q.name === 'sources/ssda903#missing_episodes')!;
    expect(entry.file).toBe('sql/sources/ssda903.sql');
    expect(entry.definition).toContain('One missing episode per row of the missing file');
    expect(m.notes.some((n) => n.includes('pct_rhi_within_72h — not in this source'))).toBe(true);
    db.close();
  });
});

describe('ONS mid-year estimates (wide layout)', () => {
  /** Children aged 0–17 per ward from the raw file: Females + Males rows, columns 0 … 17. */
  function childrenFromFile(path: string, codeColumn: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of rows(path)) {
      if (r.sex === 'Persons') continue;
      let n = 0;
      for (let age = 0; age <= 17; age++) n += Number(r[String(age)]);
      out.set(r[codeColumn], (out.get(r[codeColumn]) ?? 0) + n);
    }
    return out;
  }

  const PUBLISHED = [
    { file: join(ONS, 'wards_mid2022.csv'), code: 'WD23CD', year: 2022, period: { from: '2022-04-01', to: '2023-03-31' } },
    { file: join(FIXTURES, 'ons_lab/mid-year_2023_population_estimates_ward.csv'), code: 'area_code', year: 2023, period: { from: '2023-04-01', to: '2024-03-31' } },
  ];
  it.each(PUBLISHED)('gives rates per 10,000 children aged 0–17 by ward equal to a computation from the file ($code)', async ({ file, code, year, period }) => {
    const db = await Database.open(':memory:');
    const want = childrenFromFile(file, code);
    const name = file.split('/').pop()!;
    const r = accepted(await importFiles(db, [{ name, path: file }], { source: 'cli' }));
    expect(r.files[0]).toMatchObject({ extract: 'population', layout: 'ons_population' });
    expect(r.files[0].readAs).toBe(`ONS mid-year estimates, ${want.size} areas, ${year}, ${[...want.values()].reduce((a, b) => a + b)} children aged 0–17 (Females and Males)`);
    const [first, second] = [...want.keys()];
    const counts: Record<string, number> = { [first]: 3, [second]: 1 };
    const cases = [
      'case_id,child_id,referral_date,home_ward',
      `K1,C1,${period.from},${first}`,
      `K2,C2,${period.from},${first}`,
      `K3,C3,${period.to},${first}`,
      `K4,C4,${period.to},${second}`,
    ].join('\n');
    accepted(await importFolder(db, writeBatch({ 'cases.csv': cases }), { source: 'cli' }));
    const children = await childrenByArea(db, period);
    expect(Object.fromEntries(children)).toEqual(Object.fromEntries(want));
    const boundaries = [...want.keys()].map((c) => ({ area_code: c, area_name: null }) as unknown as Boundary);
    const wards = await wardCounts(db, 'cases_home', period, boundaries, children);
    for (const row of wards.rows) expect(row.rate, row.area_code).toBeCloseTo(((counts[row.area_code] ?? 0) / want.get(row.area_code)!) * 10_000, 10);
    db.close();
  });

  it('refuses a bad count with the file’s own header, and a Persons-only area', async () => {
    const db = await Database.open(':memory:');
    const head = ['LSOA21CD', 'year', 'sex', ...Array.from({ length: 18 }, (_, i) => String(i)), '90+'].join(',');
    const ages = (n: number) => Array.from({ length: 18 }, () => String(n)).join(',');
    const dir = writeBatch({
      'pop.csv': [head, `E01000001,2022,Females,${ages(3)},1`, `E01000001,2022,Males,${ages(4).replace(/^4/, '-4')},1`, `E01000002,2022,Persons,${ages(7)},2`].join('\n'),
    });
    const r = await importFolder(db, dir, { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    expect(r.report.split('\n')).toEqual(['pop.csv:3:0 — "-4" — out of range: must be from 0 to 100000000']);
    const fixed = writeBatch({ 'pop.csv': [head, `E01000001,2022,Females,${ages(3)},1`, `E01000002,2022,Persons,${ages(7)},2`].join('\n') });
    const r2 = await importFiles(db, [{ name: 'pop.csv', path: join(fixed, 'pop.csv') }], { source: 'cli' });
    if (r2.ok) throw new Error('accepted');
    expect(r2.report).toBe('pop.csv:3:sex — "Persons" — Persons row without both a Females and a Males row for this area and year: the profiler needs children by sex');
    db.close();
  });
});
