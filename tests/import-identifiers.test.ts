// Identifier columns in any spelling are refused, not warned about: matched
// after Unicode normalisation (NFKC) and with punctuation and spaces removed,
// against NHS, CHI, National Insurance and PNC numbers, dates of birth, names
// and addresses; no contract column and no harmless place or team name is.
import { describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { directIdentifier, matchHeader, normaliseHeader } from '../server/import/headers.ts';
import { EXTRACTS, extractSpec } from '../server/import/spec.ts';
import { importFolder } from '../server/import/index.ts';
import { GOOD_BATCH, OFFENDERS, writeBatch } from './fixtures/extract-batch.ts';

const identifies = (h: string) => directIdentifier(normaliseHeader(h));

describe('identifier headers', () => {
  it('refuses the spellings the probe found, and others', () => {
    const found = ['NHSNumber', 'DateOfBirth', 'D.O.B', 'NI Number', 'CHI number', 'PNC ID', 'ＤＯＢ'];
    const more = ['nhs_no', 'N.H.S. No', 'Date-of-Birth', 'birthDate', 'NINO', 'National Insurance No', 'CHI', 'chi_no', 'PNCID', 'pnc_number', 'Ｓｕｒｎａｍｅ', 'FirstName', 'E-mail', 'Post-Code', 'UPN', 'd o b', 'child dob'];
    for (const h of [...found, ...more]) expect(identifies(h), h).toBe(true);
  });

  it('never refuses a contract column or a place, team or date that is not a birth date', () => {
    for (const spec of EXTRACTS) for (const c of spec.columns) expect(identifies(c.name), `${spec.name}.${c.name}`).toBe(false);
    for (const h of ['ward_name', 'team_name', 'worker_team', 'first_identified', 'notes', 'machine_id', 'chinese_ethnicity', 'nominal_id', 'birth_order', 'Referral Date']) {
      expect(identifies(h), h).toBe(false);
    }
  });

  it('reports them as problems on row 1 (the file refused), not as warnings', () => {
    const m = matchHeader('offenders.csv', extractSpec('offenders')!, [...extractSpec('offenders')!.columns.map((c) => c.name), 'NHSNumber', 'ＤＯＢ']);
    expect(m.warnings).toEqual([]);
    expect(m.problems.map((p) => [p.row, p.column])).toEqual([[1, 'NHSNumber'], [1, 'ＤＯＢ']]);
  });

  it('refuses an import carrying one, storing nothing', async () => {
    const db = await Database.open(':memory:');
    const r = await importFolder(db, writeBatch({ ...GOOD_BATCH, 'offenders.csv': OFFENDERS.replace('status', 'status,D.O.B').split('\n').map((l, i) => (i ? `${l},x` : l)).join('\n') }), { source: 'cli' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.file}:${p.row}:${p.column}`)).toEqual(['offenders.csv:1:D.O.B']);
    expect((await db.all('SELECT count(*) AS n FROM offenders'))[0].n).toBe(0);
    db.close();
  });
});
