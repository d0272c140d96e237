// Every kind of refusal of the import contract: each test names the exact
// file:row:column and checks that the data already held is untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { Database } from '../server/db.ts';
import { importFolder, type ImportProblem } from '../server/import/index.ts';
import { CASES, GOOD_BATCH, LINKS, MISSING, OFFENDERS, LOCATIONS, DISRUPTIONS, POPULATION, snapshot, withLine, writeBatch } from './fixtures/extract-batch.ts';

let db: Database;
let held: Record<string, number>;

beforeAll(async () => {
  db = await Database.open(':memory:');
  const r = await importFolder(db, writeBatch(GOOD_BATCH), { source: 'cli' });
  expect(r.ok).toBe(true);
  held = await snapshot(db);
});
afterAll(() => db.close());

const at = (p: ImportProblem) => `${p.file}:${p.row ?? ''}:${p.column ?? ''}`;

/** Imports the files, expects a refusal that left the database as it was, returns the problems. */
async function refused(files: Record<string, string | Uint8Array>): Promise<ImportProblem[]> {
  const r = await importFolder(db, writeBatch(files), { source: 'cli' });
  if (r.ok) throw new Error('the batch was accepted');
  expect(await snapshot(db)).toEqual(held);
  expect(r.report.split('\n')).toHaveLength(Math.min(r.problems.length, 50));
  return r.problems;
}

describe('values', () => {
  it('refuses impossible dates', async () => {
    const p = await refused({ 'cases.csv': withLine(CASES, 3, 'K2,C2,31/02/2024,,15,M,,N,N,,health,low,peer,,open') });
    expect(p.map(at)).toEqual(['cases.csv:3:referral_date']);
    expect(p[0].value).toBe('31/02/2024');
    expect(p[0].message).toMatch(/no such date/);
  });

  it('refuses US-order dates and datetimes', async () => {
    const p = await refused({
      'cases.csv': withLine(CASES, 2, 'K1,C1,04/13/2024,,14,F,WBRI,Y,N,,police,high,online,,open'),
      'missing_episodes.csv': withLine(MISSING, 3, 'E2,C2,05/31/2024 18:00,,,care,15,M,,,low,,,N,'),
    });
    expect(p.map(at)).toEqual(['cases.csv:2:referral_date', 'missing_episodes.csv:3:start']);
    expect(p[0].message).toMatch(/US order/);
  });

  it('refuses unknown codes, flags, ward codes and list items', async () => {
    const p = await refused({ 'cases.csv': withLine(CASES, 4, 'K3,C1,15/06/2024,,13,X,WBRX,Maybe,N,E0500001,school,extreme,party,missing;flying,open') });
    expect(p.map(at)).toEqual([
      'cases.csv:4:sex', 'cases.csv:4:ethnicity', 'cases.csv:4:looked_after', 'cases.csv:4:home_ward',
      'cases.csv:4:referral_source', 'cases.csv:4:risk_level', 'cases.csv:4:vulnerabilities',
    ]);
    expect(p[6].message).toMatch(/^unknown code flying/);
  });

  it('refuses a missing required column, naming it on row 1', async () => {
    const noDate = OFFENDERS.split('\n').map((l) => l.split(',').filter((_, i) => i !== 1).join(',')).join('\n');
    const p = await refused({ 'offenders.csv': noDate });
    expect(p.map(at)).toEqual(['offenders.csv:1:first_identified']);
    expect(p[0].message).toBe('required column missing from the header');
  });

  it('refuses missing required values, empty or not-recorded', async () => {
    const p = await refused({
      'missing_episodes.csv': withLine(MISSING, 3, 'E2,,Not recorded,,,care,15,M,,,low,,,N,'),
      'locations.csv': withLine(LOCATIONS, 2, 'L1,unknown,E05000001,53.45,-2.30'),
    });
    expect(p.map(at)).toEqual(['locations.csv:2:location_type', 'missing_episodes.csv:3:child_id', 'missing_episodes.csv:3:start']);
    expect(p.every((x) => x.message === 'required value not recorded')).toBe(true);
  });

  it('refuses ages and coordinates out of range', async () => {
    const p = await refused({
      'cases.csv': withLine(CASES, 2, 'K1,C1,01/04/2024,,26,F,WBRI,Y,N,,police,high,online,,open'),
      'offenders.csv': withLine(OFFENDERS, 3, 'P2,2024-05-20,9,M,,,group_member,G1,suspect'),
      'locations.csv': withLine(LOCATIONS, 3, 'L2,park,,91,-181'),
    });
    expect(p.map(at)).toEqual(['cases.csv:2:age_at_referral', 'locations.csv:3:latitude', 'locations.csv:3:longitude', 'offenders.csv:3:age_at_identification']);
    expect(p[0].message).toBe('out of range: must be from 0 to 25');
    expect(p[3].message).toBe('out of range: must be from 10 to 99');
  });

  it('refuses an end before its start and a closed date before the referral', async () => {
    const p = await refused({
      'cases.csv': withLine(CASES, 3, 'K2,C2,2024-05-02,01/05/2024,15,M,,N,N,,health,low,peer,,risk_reduced'),
      'missing_episodes.csv': withLine(MISSING, 2, 'E1,C1,03/04/2024 22:15,2024-04-03T22:14,missing,home,14,F,WBRI,,medium,,,Y,'),
    });
    expect(p.map(at)).toEqual(['cases.csv:3:closed_date', 'missing_episodes.csv:2:end']);
    expect(p[0].message).toBe('before referral_date 2024-05-02');
  });
});

describe('keys and references', () => {
  it('refuses duplicate ids, naming the first occurrence', async () => {
    const p = await refused({ 'offenders.csv': `${OFFENDERS}\nP1,2024-06-01,30,M,,,lone,,suspect` });
    expect(p.map(at)).toEqual(['offenders.csv:4:offender_id']);
    expect(p[0].message).toBe('duplicate offender_id (first at row 2)');
  });

  it('refuses references to cases, offenders or locations that exist neither in the batch nor in the database', async () => {
    const p = await refused({
      'case_offender_links.csv': `${LINKS}\nK9,P1,2024-05-21,peer`,
      'disruptions.csv': `${DISRUPTIONS}\nD3,2024-06-02,arrest,P9,L9,K3`,
    });
    expect(p.map(at)).toEqual(['case_offender_links.csv:4:case_id', 'disruptions.csv:4:offender_id', 'disruptions.csv:4:location_id']);
    expect(p[0].message).toBe('no such case_id in the cases already imported');
  });

  it('checks references against the batch when the referenced extract is in it', async () => {
    const cases = CASES.split('\n').filter((l) => !l.startsWith('K2,')).join('\n');
    const p = await refused({ 'cases.csv': cases, 'case_offender_links.csv': LINKS });
    expect(p.map(at)).toEqual(['case_offender_links.csv:3:case_id']);
    expect(p[0].message).toBe('no such case_id in cases.csv');
  });
});

describe('files', () => {
  it('refuses a file with a direct identifier column whole, naming the column', async () => {
    const p = await refused({ 'cases.csv': CASES.replace('child_id,', 'child_id,Child Name,').split('\n').map((l, i) => (i === 0 ? l : l.replace(/^(\w+,\w+,)/, '$1x,'))).join('\n') });
    expect(p.map(at)).toEqual(['cases.csv:1:Child Name']);
    for (const h of ['Post Code', 'address_line_1', 'DOB', 'NHS-Number', 'UPN']) {
      const q = await refused({ 'offenders.csv': OFFENDERS.replace('status', `status,${h}`) });
      expect(q.map(at)).toEqual([`offenders.csv:1:${h}`]);
    }
  });

  it('refuses truncated rows and an unterminated quote, with their lines', async () => {
    const p = await refused({
      'offenders.csv': `${OFFENDERS}\nP3,2024-05-20,19,M`,
      'locations.csv': `${LOCATIONS}\nL3,"park,E05000001,53.4,-2.3\n`,
      'case_offender_links.csv': `${LINKS}\nK1,P2,2024-05-21,peer,extra`,
    });
    expect(p.map(at)).toEqual(['case_offender_links.csv:4:', 'locations.csv:4:location_type', 'offenders.csv:4:ethnicity']);
    expect(p[0].message).toMatch(/^too many fields \(expected 4, found 5\)/);
    expect(p[1].message).toMatch(/unterminated/);
    expect(p[2].message).toMatch(/^too few fields/);
  });

  it('counts lines across quoted newlines and blank lines', async () => {
    const text = [OFFENDERS.split('\n')[0], 'P1,02/04/2024,24,M,,,lone,"Group\nOne",suspect', '', 'P2,2024-13-20,19,M,,,lone,,suspect'].join('\n');
    const p = await refused({ 'offenders.csv': text });
    expect(p.map(at)).toEqual(['offenders.csv:5:first_identified']);
  });

  it('reads a CRLF file with bare-LF lines (mixed line endings) and still names the right line', async () => {
    const lines = [OFFENDERS.split('\n')[0], 'P1,02/04/2024,24,M,,,lone,,suspect', 'P2,2024-13-20,19,M,,,lone,,suspect'];
    const p = await refused({ 'offenders.csv': `${lines[0]}\r\n${lines[1]}\n\n${lines[2]}\r\n\n` });
    expect(p.map(at)).toEqual(['offenders.csv:4:first_identified']);
    const fresh = await Database.open(':memory:');
    try {
      const good = await importFolder(fresh, writeBatch({ ...GOOD_BATCH, 'offenders.csv': `${OFFENDERS.split('\n').join('\r\n')}\r\n\n\n` }), { source: 'cli' });
      expect(good.ok).toBe(true);
      const kept = await fresh.all('SELECT count(*)::INTEGER AS n, max(source_row) AS last FROM offenders');
      expect(kept).toEqual([{ n: OFFENDERS.split('\n').length - 1, last: OFFENDERS.split('\n').length }]);
    } finally {
      fresh.close();
    }
  });

  it('refuses binary files and text that is not UTF-8', async () => {
    const withNul = Buffer.concat([Buffer.from(`${OFFENDERS}\nP3,2024-05-20,`), Buffer.from([0, 1, 2]), Buffer.from(',M,,,lone,,suspect\n')]);
    const latin1 = Buffer.concat([Buffer.from(`${LINKS}\nK1,P2,2024-05-21,`), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]);
    const p = await refused({ 'offenders.csv': withNul, 'case_offender_links.csv': latin1 });
    expect(p.map(at)).toEqual(['case_offender_links.csv:4:relationship', 'offenders.csv:4:age_at_identification']);
    expect(p[1].message).toMatch(/binary content/);
    expect(p[0].message).toMatch(/not UTF-8/);
  });

  it('refuses a zero-byte file and both CSV and XLSX of one extract', async () => {
    const p = await refused({ 'disruptions.csv': '', 'population.csv': POPULATION, 'population.xlsx': POPULATION });
    expect(p.map((x) => `${at(x)} ${x.message}`)).toEqual([
      'disruptions.csv:: file is empty (0 bytes)',
      'population.xlsx:: population.csv and population.xlsx are both present: keep one file per extract',
    ]);
  });

  it('refuses XLSX files that are not workbooks, and bad values in workbooks with their sheet rows', async () => {
    const bad = await refused({ 'offenders.xlsx': Buffer.from('offender_id,first_identified\nP1,2024-01-01\n') });
    expect(bad.map(at)).toEqual(['offenders.xlsx::']);
    expect(bad[0].message).toMatch(/not an XLSX workbook/);
    const rows = OFFENDERS.split('\n').map((l) => l.split(',').map((v) => (v === '' ? null : { value: v })));
    rows.splice(2, 0, rows[0].map(() => null)); // an empty sheet row 3
    rows[3][1] = { value: '31/09/2024' };
    const xlsx = await writeXlsxFile(rows as never).toBuffer();
    const p = await refused({ 'offenders.xlsx': xlsx });
    expect(p.map(at)).toEqual(['offenders.xlsx:4:first_identified']);
  });

  it('ignores files of other names with a warning, and refuses a batch without any extract', async () => {
    const r = await importFolder(db, writeBatch({ 'notes.txt': 'hello' }), { source: 'cli' });
    expect(r.ok).toBe(false);
    expect(r.warnings[0]).toMatch(/^notes.txt is not an extract/);
    expect(await snapshot(db)).toEqual(held);
  });

  it('lists every problem and caps the printable report at 50 lines', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => `X${i},C${i},2024-02-30,,,,,,,,,,,,`);
    const r = await importFolder(db, writeBatch({ 'cases.csv': [CASES.split('\n')[0], ...rows].join('\n') }), { source: 'cli' });
    if (r.ok) throw new Error('accepted');
    expect(r.problems).toHaveLength(80);
    expect(r.problems[79].row).toBe(81);
    const report = r.report.split('\n');
    expect(report).toHaveLength(50);
    expect(report[0]).toBe('cases.csv:2:referral_date — "2024-02-30" — no such date (dates are DD/MM/YYYY or YYYY-MM-DD; US order MM/DD/YYYY is not accepted)');
    expect(report[49]).toBe('… and 31 more problems');
  });
});

it('accepts any subset as a first batch (issue 13: an authority may hold no offender data)', async () => {
  const empty = await Database.open(':memory:');
  const r = await importFolder(empty, writeBatch({ 'locations.csv': LOCATIONS }), { source: 'cli' });
  if (!r.ok) throw new Error(r.report);
  expect(r.files.map((f) => [f.extract, f.rows])).toEqual([['locations', 2]]);
  empty.close();
});
