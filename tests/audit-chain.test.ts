// The audit trail proves itself: a keyed chain (HMAC-SHA256, key outside the
// database file) and a head recorded outside it. `verify` detects editing,
// re-hashing with the public algorithm, deleting the newest entries and
// truncating, and says where; the writer refuses to continue a tampered trail;
// a trail written by the previous version stays verifiable; an import's entry
// is committed with the import, even when the process is killed right after.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from '../server/db.ts';
import { auditLogFor, readAudit, verifyAudit, AuditTrailError } from '../server/audit/log.ts';
import { GENESIS, canonicalJson, type AuditRow } from '../server/audit/chain.ts';
import { importFolder } from '../server/import/index.ts';
import { GOOD_BATCH, writeBatch } from './fixtures/extract-batch.ts';

const dir = mkdtempSync(join(tmpdir(), 'audit-chain-'));
const root = resolve(import.meta.dirname, '..');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newPath = () => join(dir, `t${++n}.duckdb`);

/** The public, unkeyed algorithm an attacker can run: SHA-256(prev + canonical JSON). */
const sha = (prev: string, r: AuditRow) => createHash('sha256').update(prev + canonicalJson(r)).digest('hex');

/** A file database holding `count` entries, closed; returns its path. */
async function trail(count: number): Promise<string> {
  const path = newPath();
  const db = await Database.open(path);
  const log = auditLogFor(db);
  for (let i = 0; i < count; i++) log.record({ event: 'request', username: `u${i % 7}`, route: '/api/measures', status: 200 });
  await log.flush();
  db.close();
  return path;
}

async function withDb<T>(path: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Rewrites every hash from `from` on with the public algorithm (what an attacker without the key can do). */
async function rehashFrom(db: Database, from: number): Promise<void> {
  const rows = await readAudit(db);
  let prev = from > 1 ? rows[from - 2].hash : GENESIS;
  for (const r of rows.slice(from - 1)) {
    const hash = sha(prev, r);
    await db.all('UPDATE audit_log SET prev_hash = $prev, hash = $hash WHERE seq = $seq', { prev, hash, seq: r.seq });
    prev = hash;
  }
}

describe('keyed audit chain', () => {
  it('creates its key outside the database on first start (mode 0600), with a recorded head', async () => {
    const path = await trail(3);
    expect(statSync(`${path}.audit-key`).mode & 0o777).toBe(0o600);
    expect(existsSync(`${path}.audit-key.head`)).toBe(true);
    await withDb(path, async (db) => {
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 3 });
      // Keyed: the public algorithm does not reproduce the stored hashes.
      const rows = await readAudit(db);
      expect(rows[0].hash).not.toBe(sha(GENESIS, rows[0]));
      const key = Buffer.from(readFileSync(`${path}.audit-key`, 'utf8').trim(), 'hex');
      expect(rows[0].hash).toBe(createHmac('sha256', key).update(GENESIS + canonicalJson(rows[0])).digest('hex'));
    });
  });

  it('keeps the key where PROFILER_AUDIT_KEY_FILE says', async () => {
    const keyFile = join(dir, 'elsewhere.key');
    const path = join(dir, 'main.duckdb');
    const saved = { PROFILER_AUDIT_KEY_FILE: process.env.PROFILER_AUDIT_KEY_FILE, PROFILER_DB: process.env.PROFILER_DB };
    Object.assign(process.env, { PROFILER_AUDIT_KEY_FILE: keyFile, PROFILER_DB: path });
    try {
      await withDb(path, (db) => auditLogFor(db).recordNow({ event: 'request' }));
      expect(existsSync(keyFile) && existsSync(`${keyFile}.head`)).toBe(true);
      expect(existsSync(`${path}.audit-key`)).toBe(false);
      await withDb(path, async (db) => expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 1 }));
      // Another database (a benchmark's, a test's) keeps its own key beside it.
      const other = await trail(1);
      expect(existsSync(`${other}.audit-key`)).toBe(true);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('detects the deletion of the newest 200 entries (npm run audit -- verify fails, saying where), and the writer refuses to continue until accepted', async () => {
    const path = await trail(500);
    await withDb(path, (db) => db.all('DELETE FROM audit_log WHERE seq > 300'));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit.ts', 'verify'], {
      cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PROFILER_DB: path },
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe('Audit trail broken at entry 301: the trail ends at entry 300 but its recorded head is entry 500: the newest 200 entries were removed.');
    await withDb(path, async (db) => {
      expect(await verifyAudit(db)).toEqual({
        ok: false,
        entries: 300,
        brokenAt: 301,
        reason: 'the trail ends at entry 300 but its recorded head is entry 500: the newest 200 entries were removed',
      });
      await expect(auditLogFor(db).open()).rejects.toThrow(AuditTrailError);
      await expect(auditLogFor(db).open()).rejects.toThrow(/ends at entry 300 but its recorded head is entry 500/);
      // Accepting keeps the discrepancy on record and lets the trail continue.
      const accepted = await auditLogFor(db).accept('admin-on-call');
      expect(accepted.previous?.seq).toBe(500);
      const last = (await readAudit(db)).at(-1)!;
      expect(last).toMatchObject({ seq: 301, event: 'audit', username: 'admin-on-call' });
      expect(JSON.parse(last.details!)).toMatchObject({ action: 'accept-head', recordedHead: { seq: 500 }, databaseHead: { seq: 300 } });
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 301 });
    });
  });

  it('detects an edited entry even when the rest is re-hashed with the public algorithm', async () => {
    const path = await trail(40);
    await withDb(path, async (db) => {
      await db.all("UPDATE audit_log SET username = 'someone-else' WHERE seq = 17");
      await rehashFrom(db, 17);
      expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 17, reason: expect.stringMatching(/re-hashed without the audit key/) });
    });
  });

  it('detects a re-hash that moves the start of the keyed chain to pass as the unkeyed one', async () => {
    const path = await trail(40);
    await withDb(path, async (db) => {
      await db.all("UPDATE audit_log SET username = 'someone-else' WHERE seq = 17");
      await rehashFrom(db, 1);
      await db.all('UPDATE audit_chain SET keyed_from = 41');
      expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/keyed chain starts at entry 41 in the database but at entry 1 in the recorded head/) });
    });
  });

  it('detects a truncated trail, a removed head file and a removed key', async () => {
    const path = await trail(10);
    await withDb(path, async (db) => {
      await db.all('DELETE FROM audit_log');
      expect(await verifyAudit(db)).toMatchObject({ ok: false, entries: 0, brokenAt: 1, reason: expect.stringMatching(/ends at entry 0 but its recorded head is entry 10/) });
    });
    const other = await trail(10);
    unlinkSync(`${other}.audit-key.head`);
    await withDb(other, async (db) => {
      expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/no head is recorded/) });
      await expect(auditLogFor(db).open()).rejects.toThrow(/no head is recorded/);
    });
    unlinkSync(`${other}.audit-key`);
    await withDb(other, async (db) => {
      expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/audit key is missing/) });
      await expect(auditLogFor(db).open()).rejects.toThrow(/audit key .* is missing/);
    });
  });

  it('detects a forged head file', async () => {
    const path = await trail(10);
    writeFileSync(`${path}.audit-key.head`, JSON.stringify({ keyedFrom: 1, seq: 5, hash: 'x', mac: 'y'.repeat(64) }));
    await withDb(path, async (db) => {
      expect(await verifyAudit(db)).toMatchObject({ ok: false, reason: expect.stringMatching(/recorded audit head .* was altered/) });
    });
  });

  it('keeps the SHA-256 chain of a trail written by the previous version verifiable, and continues it keyed', async () => {
    const path = newPath();
    // A database as the previous version left it: no audit_chain, a SHA-256 chain, no key.
    await withDb(path, async (db) => {
      await db.exec('DROP TABLE audit_chain; DELETE FROM schema_migrations WHERE version = 70');
      let prev = GENESIS;
      for (let seq = 1; seq <= 5; seq++) {
        const r = { seq, logged_at: `2025-01-0${seq}T10:00:00.000Z`, username: 'old', role: 'admin', address: null, event: 'login', method: 'POST', route: '/api/session', params: null, status: 200, rows_returned: null, file_hash: null, details: null } as AuditRow;
        const hash = sha(prev, r);
        await db.named('audit#insert_entry', { ...r, prev_hash: prev, hash });
        prev = hash;
      }
    });
    expect(existsSync(`${path}.audit-key`)).toBe(false);
    await withDb(path, async (db) => {
      expect((await db.all('SELECT keyed_from FROM audit_chain'))[0].keyed_from).toBe(6);
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 5 });
      await auditLogFor(db).recordNow({ event: 'request', username: 'new' });
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 6 });
      const rows = await readAudit(db);
      expect(rows[5].prev_hash).toBe(rows[4].hash);
      expect(rows[5].hash).not.toBe(sha(rows[4].hash, rows[5]));
      await db.all("UPDATE audit_log SET username = 'edited' WHERE seq = 2");
      expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/altered/) });
    });
  });
});

describe('entries written with the change', () => {
  it('commits an import and its entry in one transaction (no flush needed)', async () => {
    const db = await Database.open(':memory:');
    const r = await importFolder(db, writeBatch(GOOD_BATCH), { source: 'api', importedBy: 'ann' });
    if (!r.ok) throw new Error(r.report);
    const rows = await db.all("SELECT username, route, details FROM audit_log WHERE event = 'import'");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'ann', route: '/api/imports' });
    expect(JSON.parse(String(rows[0].details))).toMatchObject({ importId: r.importId, source: 'api', files: r.files });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    db.close();
  });

  it('rolls back the entry with a change that fails, and the change with an entry that cannot be written', async () => {
    const db = await Database.open(':memory:');
    const log = auditLogFor(db);
    await db.exec('CREATE TABLE t (x INTEGER)');
    await expect(
      log.change(null, async (c) => {
        await c.run('INSERT INTO t VALUES (1)');
        throw new Error('the change failed');
      }, () => ({ event: 'account' })),
    ).rejects.toThrow('the change failed');
    await expect(
      log.change(null, async (c) => {
        await c.run('INSERT INTO t VALUES (2)');
      }, () => ({ event: 'account', params: { bad: 1n } as unknown as Record<string, unknown> })),
    ).rejects.toThrow();
    expect(await db.all('SELECT * FROM t')).toEqual([]);
    expect(await readAudit(db)).toEqual([]);
    await log.change(null, async (c) => c.run('INSERT INTO t VALUES (3)'), () => ({ event: 'account' }));
    expect((await readAudit(db)).map((r) => r.seq)).toEqual([1]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    db.close();
  });

  it('keeps the entry of an import when the process is killed right after it commits', () => {
    const path = newPath();
    const script = join(dir, 'import-then-kill.mts');
    writeFileSync(
      script,
      `import { Database } from ${JSON.stringify(join(root, 'server/db.ts'))};
import { importFolder } from ${JSON.stringify(join(root, 'server/import/index.ts'))};
const db = await Database.open(process.argv[2]);
const r = await importFolder(db, process.argv[3], { source: 'cli', importedBy: 'killed' });
if (!r.ok) { console.error(r.report); process.exit(3); }
process.kill(process.pid, 'SIGKILL');
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, path, writeBatch(GOOD_BATCH)], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');
    return withDb(path, async (db) => {
      const [imp] = await db.all('SELECT import_id FROM imports');
      const entries = (await readAudit(db)).filter((e) => e.event === 'import');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ username: 'killed', route: 'npm run import' });
      expect(JSON.parse(entries[0].details!).importId).toBe(Number(imp.import_id));
      expect(await verifyAudit(db)).toMatchObject({ ok: true });
    });
  });
});
