// Files as agencies hold them through the running server: uploaded under any
// name, recognised by header, reported as read; GET /api/imports then says
// which sources are held, which tables are not, and what they cannot give.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { auditLogFor } from '../server/audit/log.ts';

const SSDA903 = join(import.meta.dirname, 'fixtures/sources/ssda903');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ role: 'admin' });
});
afterAll(() => server.close());

it('reads an SSDA903 upload whatever its file names, and lists the sources held and the tables not held', async () => {
  const form = new FormData();
  const names: Record<string, string> = { 'missing.csv': '903 missing 2017-18.csv', 'header.csv': 'export (1).csv', 'episodes.csv': 'eps.csv' };
  for (const [file, name] of Object.entries(names)) form.append('files', new Blob([readFileSync(join(SSDA903, file))], { type: 'text/csv' }), name);
  const r = await server.fetch('/api/imports', { method: 'POST', body: form });
  const body = (await r.json()) as { ok: boolean; files: { file: string; layout: string; readAs: string; dropped?: string[] }[] };
  expect(r.status).toBe(200);
  expect(body.files.map((f) => [f.file, f.layout]).sort()).toEqual([
    ['903 missing 2017-18.csv', 'ssda903_missing'],
    ['eps.csv', 'ssda903_episodes'],
    ['export (1).csv', 'ssda903_header'],
  ]);
  expect(body.files.find((f) => f.layout === 'ssda903_missing')!.readAs).toBe('SSDA903 missing, 14 episodes of 7 children, 2017-03-20 to 2018-04-01');
  expect(body.files.find((f) => f.layout === 'ssda903_header')!.dropped).toEqual(['UPN', 'MOTHER', 'MC_DOB']);

  const list = await server.fetch('/api/imports');
  const { held, imports } = (await list.json()) as {
    imports: { files: { readAs?: string }[] }[];
    held: { tables: { extract: string; layouts: string[] }[]; notHeld: string[]; notInSource: { figure: string; note: string }[] };
  };
  expect(imports[0].files.map((f) => f.readAs)).toContain('SSDA903 header, 7 children (sex, ethnicity)');
  expect(held.tables.find((t) => t.extract === 'missing_episodes')!.layouts).toEqual(['ssda903_episodes', 'ssda903_header', 'ssda903_missing']);
  expect(held.notHeld).toContain('offenders');
  expect(held.notInSource.find((n) => n.figure === 'pct_rhi_offered')!.note).toBe('not in this source: SSDA903 holds no return home interview fields');

  // Nothing from the identifier columns anywhere, the audit trail of the import included.
  await auditLogFor(server.db).flush();
  const identifiers = [...readFileSync(join(SSDA903, 'header.csv'), 'utf8').matchAll(/^\d+,\d,([\d/]+),\w+,(\w+)/gm)].flatMap((m) => [m[1], m[1].split('/').reverse().join('-'), m[2]]);
  expect(identifiers.length).toBe(21);
  const cols = await server.db.all(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' AND (data_type LIKE 'VARCHAR%' OR data_type IN ('DATE', 'TIMESTAMP'))`);
  const cells: string[] = [];
  for (const c of cols) for (const r of await server.db.all(`SELECT CAST("${c.column_name}" AS VARCHAR) AS v FROM "${c.table_name}" WHERE "${c.column_name}" IS NOT NULL`)) cells.push(String(r.v));
  expect(cells.some((c) => c.includes('SSDA903 missing, 14 episodes'))).toBe(true);
  expect(identifiers.filter((v) => cells.some((c) => c.includes(v)))).toEqual([]);
});

it('npm run import says what each file was read as, the columns used and those not read', async () => {
  const run = promisify(execFile);
  const dbPath = join(mkdtempSync(join(tmpdir(), 'profiler-cli-')), 'profiler.duckdb');
  const out = await run(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', SSDA903], { env: { ...process.env, PROFILER_DB: dbPath } });
  const lines = out.stdout.split('\n');
  expect(lines).toContainEqual(expect.stringMatching(/^ {2}missing\.csv: SSDA903 missing, 14 episodes of 7 children, 2017-03-20 to 2018-04-01 → missing_episodes \(sha256 [0-9a-f]{64}\)$/));
  expect(lines).toContain('    columns not read (nothing stored from them): UPN, MOTHER, MC_DOB');
  expect(lines.some((l) => l.startsWith('    columns used: CHILD → child_id; DOB → age_at_start'))).toBe(true);
  expect(out.stdout + out.stderr).not.toMatch(/14\/02\/2003|A123456789012/);
});
