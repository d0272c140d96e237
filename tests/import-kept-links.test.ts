// A batch that removes offenders or cases still named by links kept from an
// earlier import is refused, the kept rows named (file, line, column, value);
// bringing the links in the same batch makes it acceptable.
import { describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { formatProblem } from '../server/import/problems.ts';
import { MAX_KEPT_ROWS_NAMED } from '../server/import/kept.ts';
import { GOOD_BATCH, LINKS, OFFENDERS, writeBatch } from './fixtures/extract-batch.ts';

async function goodDb(extra: Record<string, string> = {}): Promise<Database> {
  const db = await Database.open(':memory:');
  const r = await importFolder(db, writeBatch({ ...GOOD_BATCH, ...extra }), { source: 'demo' });
  if (!r.ok) throw new Error(r.report);
  return db;
}

const offendersWithout = (id: string) => OFFENDERS.split('\n').filter((l) => !l.startsWith(`${id},`)).join('\n');

describe('links kept from an earlier import', () => {
  it('refuse a batch that removes the offender they name, naming each row; nothing is stored', async () => {
    const db = await goodDb();
    const before = await db.all('SELECT offender_id FROM offenders ORDER BY 1');
    const r = await importFolder(db, writeBatch({ 'offenders.csv': offendersWithout('P1') }), { source: 'cli' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // LINKS line 2 is K1,P1; DISRUPTIONS line 2 names P1 too (fixtures/extract-batch.ts).
    expect(r.problems.map(formatProblem)).toEqual([
      'case_offender_links.csv (already imported):2:offender_id — "P1" — no such offender_id in the new offenders.csv: this kept row would point at nothing; send case_offender_links in the same batch, or keep that offender_id in offenders.csv',
      'disruptions.csv (already imported):2:offender_id — "P1" — no such offender_id in the new offenders.csv: this kept row would point at nothing; send disruptions in the same batch, or keep that offender_id in offenders.csv',
    ]);
    expect(await db.all('SELECT offender_id FROM offenders ORDER BY 1')).toEqual(before);
    db.close();
  });

  it('accept it when the batch brings links (and disruptions) that no longer name the offender', async () => {
    const db = await goodDb();
    const links = LINKS.split('\n').filter((l) => !l.includes(',P1,')).join('\n');
    const disruptions = GOOD_BATCH['disruptions.csv'].replace('cawn,P1,', 'cawn,,');
    const r = await importFolder(db, writeBatch({ 'offenders.csv': offendersWithout('P1'), 'case_offender_links.csv': links, 'disruptions.csv': disruptions }), { source: 'cli' });
    if (!r.ok) throw new Error(r.report);
    expect((await db.all('SELECT count(*) AS n FROM case_offender_links'))[0].n).toBe(1);
    db.close();
  });

  it(`name at most ${MAX_KEPT_ROWS_NAMED} rows per column, then count the rest`, async () => {
    const many = [LINKS, ...Array.from({ length: 150 }, (_, i) => `K2,P2,2024-06-${String((i % 28) + 1).padStart(2, '0')},peer`)].join('\n');
    const db = await goodDb({ 'case_offender_links.csv': many });
    const r = await importFolder(db, writeBatch({ 'offenders.csv': offendersWithout('P2') }), { source: 'cli' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const links = r.problems.filter((p) => p.file.startsWith('case_offender_links'));
    expect(links).toHaveLength(MAX_KEPT_ROWS_NAMED + 1);
    expect(links[0]).toMatchObject({ row: null, message: `… and ${151 - MAX_KEPT_ROWS_NAMED} more rows whose offender_id is not in the new offenders.csv` });
    expect(links.slice(1).map((p) => p.row)).toEqual(Array.from({ length: MAX_KEPT_ROWS_NAMED }, (_, i) => i + 3));
    db.close();
  });
});
