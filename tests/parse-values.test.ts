// Parsing units of the import: the SQL expressions that read cells (run in a
// real DuckDB), header matching, identifier refusal, CSV record scanning and
// the problem format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { convert, convertRaw, lit, recorded } from '../server/import/convert.ts';
import type { ColumnType } from '../server/import/spec.ts';
import { directIdentifier, matchHeader, normaliseHeader } from '../server/import/headers.ts';
import { dataLineBreakpoints, headerRecord, recordLines, splitRecord } from '../server/import/csv-scan.ts';
import { LineMap } from '../server/import/staging.ts';
import { buildReport, formatProblem, type ImportProblem } from '../server/import/problems.ts';
import { extractSpec } from '../server/import/spec.ts';
import { cellText } from '../server/import/xlsx-cells.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

/** Reads each value as a cell of the given type: the stored value, or null (not recorded or invalid). */
async function read(type: ColumnType, values: (string | null)[]): Promise<unknown[]> {
  const rows = values.map((v, i) => `(${i}, ${v === null ? 'NULL' : lit(v)})`).join(', ');
  const out = await db.all(
    `SELECT ${convert(type, 'n')} AS v FROM (SELECT i, ${recorded('raw')} AS n FROM (VALUES ${rows}) t(i, raw)) ORDER BY i`,
  );
  return out.map((r) => r.v);
}

describe('not-recorded markers', () => {
  it('reads empty, NULL, N/A, Not recorded, Not known and Unknown in any case, trimmed, as not recorded', async () => {
    const markers = ['', '   ', 'NULL', 'null', ' N/A ', 'n/a', 'Not recorded', 'NOT RECORDED', 'not known', 'Unknown', 'UNKNOWN', null];
    expect(await read({ kind: 'text' }, markers)).toEqual(markers.map(() => null));
    expect(await read({ kind: 'text' }, ['  C123 ', 'Not applicable', 'none'])).toEqual(['C123', 'Not applicable', 'none']);
  });
});

describe('dates', () => {
  const date = { kind: 'date' } as const;
  it('reads UK DD/MM/YYYY and ISO YYYY-MM-DD', async () => {
    expect(await read(date, ['29/05/2023', '1/2/2024', '2024-02-29', ' 2023-12-31 '])).toEqual([
      '2023-05-29', '2024-02-01', '2024-02-29', '2023-12-31',
    ]);
  });
  it('never guesses US order and refuses impossible dates and other shapes', async () => {
    expect(await read(date, ['12/25/2024', '31/02/2024', '29/02/2023', '2024-13-01', '01/02/24', '2024/01/02', '01-02-2024', 'yesterday', '45123'])).toEqual(
      Array(9).fill(null),
    );
  });
});

describe('datetimes', () => {
  const dt = { kind: 'datetime' } as const;
  it('reads YYYY-MM-DD HH:MM[:SS], YYYY-MM-DDTHH:MM[:SS] and DD/MM/YYYY HH:MM[:SS]', async () => {
    expect(await read(dt, ['2024-03-01 09:05', '2024-03-01 09:05:30', '2024-03-01T23:59', '2024-03-01T23:59:59', '01/03/2024 7:45', '01/03/2024 07:45:10'])).toEqual([
      '2024-03-01 09:05:00', '2024-03-01 09:05:30', '2024-03-01 23:59:00', '2024-03-01 23:59:59', '2024-03-01 07:45:00', '2024-03-01 07:45:10',
    ]);
  });
  it('refuses dates without a time, US order, impossible days and times', async () => {
    expect(await read(dt, ['2024-03-01', '03/25/2024 10:00', '30/02/2024 10:00', '2024-03-01 24:00', '2024-03-01 10:60', '2024-03-01 10'])).toEqual(
      Array(6).fill(null),
    );
  });
});

describe('codes, flags, numbers, wards', () => {
  it('matches codes case-insensitively after trimming and stores the canonical spelling', async () => {
    const sex = extractSpec('cases')!.columns.find((c) => c.name === 'sex')!.type;
    const source = extractSpec('cases')!.columns.find((c) => c.name === 'referral_source')!.type;
    expect(await read(sex, ['f', ' M ', 'o', 'X', 'female'])).toEqual(['F', 'M', 'O', null, null]);
    expect(await read(source, ['Social_care', ' POLICE ', 'social care'])).toEqual(['social_care', 'police', null]);
  });
  it('splits ;-lists into the distinct codes, sorted', async () => {
    const v = extractSpec('cases')!.columns.find((c) => c.name === 'vulnerabilities')!.type;
    expect(await read(v, ['missing', 'Self_Harm; missing ;missing', 'missing;;', ';'])).toEqual([
      ['missing'], ['missing', 'self_harm'], ['missing'], null,
    ]);
  });
  it('reads Y/N flags, whole numbers, decimals and ONS ward codes', async () => {
    expect(await read({ kind: 'yn' }, ['y', 'N', 'Yes', '1'])).toEqual(['Y', 'N', null, null]);
    expect(await read({ kind: 'integer', min: 0, max: 25 }, ['14', '+3', '15.0', '14.5', 'fourteen', '-1'])).toEqual([14, 3, 15, null, null, -1]);
    expect(await read({ kind: 'decimal', min: -90, max: 90 }, ['53.471', '-2.3', '.5', '1e2', 'inf', 'nan', '53,4'])).toEqual([53.471, -2.3, 0.5, 100, null, null, null]);
    expect(await read({ kind: 'ward' }, ['E05000001', 'w05012345', 'E0500001', 'E06000001', 'S05000001'])).toEqual(['E05000001', 'W05012345', null, null, null]);
  });
});

describe('raw cells', () => {
  it('read a cell as it is when it has the usual shape, and as its trimmed value otherwise', async () => {
    const cases: [ColumnType, (string | null)[]][] = [
      [{ kind: 'datetime' }, ['2024-03-01 09:05', ' 2024-03-01 09:05 ', '2024-3-1 9:05', '01/03/2024 07:45:10', '2024-03-01T23:59', '2024-02-30 10:00', ' unknown ', null]],
      [{ kind: 'date' }, ['2024-02-29', ' 29/02/2024', '2023-02-29', '']],
      [{ kind: 'integer', min: 0, max: 25 }, ['14', ' 14 ', '+3', '15.0', '1_0', '']],
      [extractSpec('cases')!.columns.find((c) => c.name === 'sex')!.type, ['F', ' m ', 'x']],
      [{ kind: 'ward' }, ['E05000001', ' e05000001\u00a0', 'E0500001']],
      [{ kind: 'yn' }, ['Y', ' n ', 'Yes']],
    ];
    for (const [type, values] of cases) {
      const rows = values.map((v, i) => `(${i}, ${v === null ? 'NULL' : lit(v)})`).join(', ');
      const out = await db.all(`SELECT ${convertRaw(type, 'raw')} AS raw, ${convert(type, 'trim(raw)')} AS trimmed FROM (VALUES ${rows}) t(i, raw) ORDER BY i`);
      expect(out.map((r) => r.raw), type.kind).toEqual(out.map((r) => r.trimmed));
    }
    expect(await db.all(`SELECT ${convertRaw({ kind: 'datetime' }, 'raw')} AS v FROM (VALUES (' 2024-3-1 9:05 ')) t(raw)`)).toEqual([{ v: '2024-03-01 09:05:00' }]);
  });
});

describe('headers', () => {
  it('matches case-insensitively after trimming, spaces and hyphens as underscores, BOM removed', () => {
    expect(['\uFEFFCase ID', ' Referral Date ', 'referral-source', 'ETHNICITY', 'Child_ID'].map(normaliseHeader)).toEqual([
      'case_id', 'referral_date', 'referral_source', 'ethnicity', 'child_id',
    ]);
  });
  it('refuses direct identifiers by token, and not place or team names', () => {
    for (const h of ['name', 'child_name', 'forename', 'surname', 'dob', 'date_of_birth', 'address_line_1', 'post_code', 'postcode', 'nhs_number', 'upn', 'first_name', 'email']) {
      expect(directIdentifier(normaliseHeader(h)), h).toBe(true);
    }
    for (const h of ['case_id', 'ward_name', 'team_name', 'worker_team', 'home_ward', 'group_id', 'first_identified', 'disability']) {
      expect(directIdentifier(normaliseHeader(h)), h).toBe(false);
    }
  });
  it('names missing required columns and identifier columns on row 1, and warns of unknown ones', () => {
    const m = matchHeader('offenders.csv', extractSpec('offenders')!, ['Offender ID', 'Post Code', 'extra']);
    expect(m.problems.map(formatProblem)).toEqual([
      'offenders.csv:1:Post Code — "Post Code" — direct identifier column: the profiler never stores identifiable data, so the whole file is refused',
      'offenders.csv:1:first_identified — required column missing from the header',
    ]);
    expect(m.warnings).toEqual(['offenders.csv: column "extra" is not in the contract and is ignored']);
  });
});

describe('CSV records and lines', () => {
  it('splits RFC 4180 records with quoted commas and doubled quotes', () => {
    expect(splitRecord('a,"North, East","Exploitation ""Hub""",')).toEqual(['a', 'North, East', 'Exploitation "Hub"', '']);
  });
  it('finds the header after a BOM and maps rows to lines across quoted newlines and blank lines', () => {
    const text = '\uFEFFa,b\r\n1,2\r\n3,"x\r\ny"\r\n\r\n5,6\r\n7,"p\nq\nr"\n8,9\n';
    const buf = Buffer.from(text);
    const h = headerRecord(buf)!;
    expect(buf.subarray(h.start, h.end).toString()).toBe('a,b');
    const map = new LineMap(dataLineBreakpoints(buf, h));
    expect([0, 1, 2, 3, 4].map((r) => map.lineOf(r))).toEqual([2, 3, 6, 7, 10]);
    expect(recordLines(buf)).toEqual([1, 2, 3, 5, 6, 7, 10]);
  });
  it('maps rows to lines as row + 2 when no record spans lines', () => {
    const buf = Buffer.from('a,b\n1,2\n3,4\n');
    expect(dataLineBreakpoints(buf, headerRecord(buf)!)).toEqual([{ fromRow: 0, delta: 2 }]);
  });
});

describe('XLSX cells', () => {
  it('writes dates as ISO text, with the time for datetime columns', () => {
    const d = new Date(Date.UTC(2024, 2, 1));
    const t = new Date(Date.UTC(2024, 2, 1, 9, 5, 30));
    expect(cellText(d, { kind: 'date' })).toBe('2024-03-01');
    expect(cellText(d, { kind: 'datetime' })).toBe('2024-03-01 00:00:00');
    expect(cellText(t, { kind: 'datetime' })).toBe('2024-03-01 09:05:30');
    expect(cellText(14, { kind: 'integer', min: 0, max: 25 })).toBe('14');
    expect(cellText(null, { kind: 'text' })).toBeNull();
  });
});

describe('problem report', () => {
  it('formats file:row:column — value — what is wrong and caps the report at 50 lines', () => {
    const p: ImportProblem = { file: 'cases.csv', row: 7, column: 'referral_date', value: '31/02/2024', message: 'no such date' };
    expect(formatProblem(p)).toBe('cases.csv:7:referral_date — "31/02/2024" — no such date');
    expect(formatProblem({ file: 'cases.csv', row: null, column: null, value: null, message: 'file is empty (0 bytes)' })).toBe(
      'cases.csv — file is empty (0 bytes)',
    );
    const many = Array.from({ length: 60 }, (_, i) => ({ ...p, row: i + 2 }));
    const lines = buildReport(many).split('\n');
    expect(lines).toHaveLength(50);
    expect(lines[49]).toBe('… and 11 more problems');
    expect(buildReport(many.slice(0, 50)).split('\n')).toHaveLength(50);
  });
});
