// Upgrades keep what users made. tests/fixtures/migrations/before_migrations.duckdb.gz
// is a database file written by the version before numbered migrations (commit
// 3b38e2b, its own CLIs: the acceptance extracts imported, two accounts added,
// one disabled; see tests/fixtures/README.md). Opened by this version it must
// migrate, record its migrations, and keep its accounts, its audit chain and
// its figures (those of expected.json, computed independently of our SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '../server/db.ts';
import { migrations } from '../server/migrations.ts';
import { listUsers, findUser } from '../server/auth/users.ts';
import { verifyPassword } from '../server/auth/passwords.ts';
import { auditLogFor, readAudit, verifyAudit } from '../server/audit/log.ts';
import { computeMeasures } from '../server/measures/run.ts';
import { MEASURES } from '../server/measures/definitions.ts';
import { acceptanceExpected, fixturePath } from './helpers/fixtures.ts';

/** The audit head `npm run audit -- verify` printed for the file under the old version. */
const OLD_HEAD = 'dce26211b71b6638bcd75c4a6bfea1435e19b92552ef3524ff3ba3996cf8e3ea';

let dir: string;
let file: string;

async function tablesOf(path: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  const r = await c.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1");
  const names = r.getRows().map((row) => String(row[0]));
  c.closeSync();
  instance.closeSync();
  return names;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'profiler-migrate-'));
  file = join(dir, 'profiler.duckdb');
  writeFileSync(file, gunzipSync(readFileSync(fixturePath('migrations/before_migrations.duckdb.gz'))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a database written before numbered migrations', () => {
  let db: Database;
  afterAll(() => db?.close());

  it('has no schema_migrations yet, and its data', async () => {
    const tables = await tablesOf(file);
    expect(tables).not.toContain('schema_migrations');
    expect(tables).toEqual(expect.arrayContaining(['users', 'audit_log', 'cases', 'missing_episodes', 'offenders']));
  });

  it('opens, applying every migration once and recording it', async () => {
    db = await Database.open(file);
    const rows = await db.all('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => [Number(r.version), r.name])).toEqual(migrations().map((m) => [m.version, m.name]));
  });

  it('keeps its accounts, their roles, states and passwords', async () => {
    const users = (await listUsers(db)).map((u) => [u.username, u.role, u.disabled]);
    expect(users).toEqual(expect.arrayContaining([['jo', 'analyst', false], ['sam', 'viewer', true]]));
    expect(users).toHaveLength(2);
    const jo = await findUser(db, 'jo');
    expect(await verifyPassword(jo!.passwordHash, 'analyst-password-1')).toBe(true);
    expect(await verifyPassword(jo!.passwordHash, 'analyst-password-2')).toBe(false);
  });

  it('keeps its audit chain intact, with the head the old version reported, and extends it', async () => {
    const before = await verifyAudit(db);
    expect(before).toEqual({ ok: true, entries: 4, head: OLD_HEAD });
    expect((await readAudit(db)).map((e) => e.event)).toEqual(['import', 'account', 'account', 'account']);
    auditLogFor(db).record({ event: 'account', username: 'cli', route: 'test', details: { action: 'after-upgrade' } });
    await auditLogFor(db).flush();
    const after = await verifyAudit(db);
    expect(after.ok && after.entries).toBe(5);
  });

  it('keeps its figures: every measure of expected.json for every period', async () => {
    const expected = acceptanceExpected();
    const got = await computeMeasures(db, expected.map((e) => ({ period: `${e.from}/${e.to}`, date_from: e.from, date_to: e.to })));
    for (const e of expected) {
      const values = got.get(`${e.from}/${e.to}`)!;
      for (const m of MEASURES) {
        const want = e.measures[m.id];
        if (want === null || Number.isInteger(want)) expect(values[m.id], `${e.from}–${e.to} ${m.id}`).toBe(want);
        else expect(values[m.id], `${e.from}–${e.to} ${m.id}`).toBeCloseTo(want!, 9);
      }
    }
  });

  it('applies nothing when opened again', async () => {
    db.close();
    db = await Database.open(file);
    expect(Number((await db.all('SELECT count(*) AS n FROM schema_migrations'))[0].n)).toBe(migrations().length);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 5 });
  });
});
