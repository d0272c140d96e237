// Temporary import folders: none is left after an import (accepted, refused or
// cut off mid-upload), and at start those of processes that are gone are
// removed (an upload killed mid-way), while another running server's are kept.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { removeStaleScratchDirs } from '../server/import/scratch.ts';
import { CASES, GOOD_BATCH } from './fixtures/extract-batch.ts';

const mine = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`profiler-import-${process.pid}-`));

describe('at start', () => {
  it("removes the folders of processes that are gone and of earlier versions, keeps running processes'", () => {
    const root = mkdtempSync(join(tmpdir(), 'scratch-root-'));
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const names = [`profiler-import-${gone}-aaaa`, 'profiler-import-Xy12Zq', `profiler-import-${process.pid}-bbbb`, `profiler-import-${process.ppid}-cccc`, 'unrelated'];
    for (const n of names) mkdirSync(join(root, n));
    expect(removeStaleScratchDirs(root).sort()).toEqual([`profiler-import-${gone}-aaaa`, 'profiler-import-Xy12Zq'].sort());
    expect(readdirSync(root).sort()).toEqual([`profiler-import-${process.pid}-bbbb`, `profiler-import-${process.ppid}-cccc`, 'unrelated'].sort());
    rmSync(root, { recursive: true });
  });
});

describe('after every import', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ role: 'admin' });
  });
  afterAll(() => s.close());

  const form = (files: Record<string, string>) => {
    const f = new FormData();
    for (const [name, text] of Object.entries(files)) f.append('files', new Blob([text], { type: 'text/csv' }), name);
    return f;
  };

  it('leaves no folder behind, accepted, refused or cut off', async () => {
    const before = mine();
    expect((await s.fetch('/api/imports', { method: 'POST', body: form(GOOD_BATCH) })).status).toBe(200);
    expect((await s.fetch('/api/imports', { method: 'POST', body: form({ 'cases.csv': CASES.replace('K2,C2,2024-05-02', 'K2,C2,2024-02-30') }) })).status).toBe(422);
    // A multipart body that stops mid-file.
    const boundary = 'cut-off-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cases.csv"\r\nContent-Type: text/csv\r\n\r\n${CASES.slice(0, 80)}`;
    const cut = await s.fetch('/api/imports', { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(cut.status).toBeGreaterThanOrEqual(400);
    // The folder is removed as the handler ends, which may be just after the answer went out.
    await vi.waitFor(() => expect(mine()).toEqual(before), { timeout: 2000 });
  });
});
