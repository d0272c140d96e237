// The import through the running server (multipart upload, admin only) and
// the import history, over real HTTP; and the CLI against a database file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { Database } from '../server/db.ts';
import { CASES, GOOD_BATCH, OFFENDERS, snapshot, withLine, writeBatch } from './fixtures/extract-batch.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ role: 'admin' });
});
afterAll(() => server.close());

function form(files: Record<string, string>): FormData {
  const f = new FormData();
  for (const [name, text] of Object.entries(files)) f.append('files', new Blob([text], { type: 'text/csv' }), name);
  return f;
}

async function upload(files: Record<string, string>, as: TestServer['fetch'] = server.fetch) {
  const r = await as('/api/imports', { method: 'POST', body: form(files) });
  return { status: r.status, body: (await r.json()) as any };
}

describe('POST /api/imports', () => {
  it('imports a batch and answers 200 with the files stored, then lists it in GET /api/imports', async () => {
    const r = await upload(GOOD_BATCH);
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.warnings).toEqual([]);
    expect(r.body.files.map((f: any) => f.file)).toEqual(Object.keys(GOOD_BATCH));
    expect(Object.fromEntries(r.body.files.map((f: any) => [f.extract, f.rows]))).toEqual({
      cases: 3, missing_episodes: 2, offenders: 2, case_offender_links: 2, locations: 2, location_reports: 2, disruptions: 2, population: 3,
    });
    const cases = r.body.files.find((f: any) => f.extract === 'cases');
    expect(cases.sha256).toBe(createHash('sha256').update(CASES).digest('hex'));

    const second = await upload({ 'offenders.csv': OFFENDERS });
    expect(second.status).toBe(200);
    const list = await server.get('/api/imports');
    expect(list.status).toBe(200);
    expect(list.body.imports.map((i: any) => [i.importId, i.source, i.files.length])).toEqual([
      [second.body.importId, 'api', 1],
      [r.body.importId, 'api', 8],
    ]);
    expect(list.body.imports[0].files).toEqual([{ extract: 'offenders', file: 'offenders.csv', rows: 2, sha256: createHash('sha256').update(OFFENDERS).digest('hex'), layout: 'extract', readAs: 'offenders (our extract format), 2 rows' }]);
    expect(list.body.imports[0].importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('answers 422 with every problem and stores nothing', async () => {
    const before = await snapshot(server.db);
    const r = await upload({ 'cases.csv': withLine(CASES, 3, 'K2,C2,31/02/2024,,15,M,,N,N,,health,low,peer,,open'), 'notes.txt': 'x' });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      ok: false,
      problems: [{ file: 'cases.csv', row: 3, column: 'referral_date', value: '31/02/2024', message: 'no such date (dates are DD/MM/YYYY or YYYY-MM-DD; US order MM/DD/YYYY is not accepted)' }],
      warnings: [expect.stringMatching(/^notes.txt is not an extract/)],
    });
    expect(await snapshot(server.db)).toEqual(before);
  });

  it('answers 400 without files and refuses roles other than admin', async () => {
    const empty = await server.fetch('/api/imports', { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    const analyst = await startTestServer({ db: server.db, role: 'analyst' });
    try {
      expect((await upload({ 'offenders.csv': OFFENDERS }, analyst.fetch)).status).toBe(403);
      expect((await analyst.get('/api/imports')).status).toBe(200);
    } finally {
      await analyst.close();
    }
  });
});

describe('npm run import', () => {
  const run = promisify(execFile);
  const cli = (dbPath: string, folder: string) =>
    run(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', folder], { env: { ...process.env, PROFILER_DB: dbPath } }).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: String(e.stdout), stderr: String(e.stderr) }),
    );

  it('imports a folder, refuses a broken one with the report, and will not open a database the server holds', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'profiler-cli-')), 'profiler.duckdb');
    const ok = await cli(dbPath, writeBatch(GOOD_BATCH));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/cases\.csv: cases \(our extract format\), 3 rows → cases \(sha256 [0-9a-f]{64}\)/);

    const bad = await cli(dbPath, writeBatch({ 'offenders.csv': `${OFFENDERS}\nP1,2024-06-01,30,M,,,lone,,suspect` }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('offenders.csv:4:offender_id — "P1" — duplicate offender_id (first at row 2)');
    expect(bad.stderr).toMatch(/why each kind of problem is refused: docs\/extracts\.md \(\/.*\/docs\/extracts\.md\)/);

    const held = await Database.open(dbPath);
    try {
      expect((await held.all('SELECT count(*) AS n FROM offenders'))[0].n).toBe(2);
      const locked = await cli(dbPath, writeBatch(GOOD_BATCH));
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('the server is running and owns the database: import through the UI (Imports page) or stop the server');
    } finally {
      held.close();
    }
    expect(readFileSync(dbPath).length).toBeGreaterThan(0);
  });
});
