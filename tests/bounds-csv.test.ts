// The line numbers of a large CSV's records are found in a worker thread
// (server/import/csv-lines.ts), with the same answer as for a small file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineBreakpoints, linesOfRecords, OFF_THREAD_BYTES } from '../server/import/csv-lines.ts';
import { headerRecord } from '../server/import/csv-scan.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bounds-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('line numbers of a large CSV, off the event loop', () => {
  it('maps records to lines across a quoted newline', async () => {
    // Header on line 1; data rows 0–5 on one line each (lines 2–7); row 5 spans lines 7–8; row k ≥ 6 is on line k + 3.
    const rows = 400_000;
    const parts = ['case_id,notes'];
    for (let k = 0; k < rows; k++) parts.push(k === 5 ? `C${k},"two\nlines"` : `C${k},"plain text, quoted"`);
    const buf = Buffer.from(`${parts.join('\n')}\n`);
    expect(buf.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const path = join(dir, 'cases.csv');
    writeFileSync(path, buf);

    expect(await lineBreakpoints(path, buf, headerRecord(buf)!)).toEqual([{ fromRow: 0, delta: 2 }, { fromRow: 6, delta: 3 }]);
    // Records as DuckDB counts them (header = record 0).
    expect(await linesOfRecords(path, buf, [0, 1, 6, 7, rows, rows + 1])).toEqual([1, 2, 7, 9, rows + 2, null]);
  }, 120_000);
});
