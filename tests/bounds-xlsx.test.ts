// XLSX extracts are parsed in a worker thread with a heap cap (issue #18): a
// large workbook does not block the server nor grow its heap, and a workbook
// that cannot be read is refused in plain words with its file and, for a bad
// cell, its row and column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32, deflateRawSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { readWorkbook, XLSX_WORKER_HEAP_MB } from '../server/import/xlsx-read.ts';
import { importFiles } from '../server/import/index.ts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A zip archive of the entries, deflated (the format of every .xlsx). */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += head.length + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A one-sheet workbook whose sheet XML is `rows` (inside <sheetData>). */
function workbook(rows: string): Buffer {
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`],
  ]);
}

const str = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const HEADER = `<row r="1">${str('A1', 'offender_id')}${str('B1', 'first_identified')}</row>`;

/** An offenders workbook of n data rows (about 120 bytes of sheet XML each). */
function offenders(n: number): Buffer {
  const rows: string[] = [HEADER];
  for (let r = 2; r <= n + 1; r++) rows.push(`<row r="${r}">${str(`A${r}`, `P${r}`)}${str(`B${r}`, '2024-01-01')}</row>`);
  return workbook(rows.join(''));
}

let dir: string;
let s: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bounds-xlsx-'));
  s = await startTestServer({ role: null });
});
afterAll(async () => {
  await s.close();
  s.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const job = (file: string, buf: Buffer) => ({ extract: 'offenders', file, buf, outPath: join(dir, `${file}.ndjson`) });

describe('reading a workbook in a worker', () => {
  it('reads the rows of a well-formed workbook, with their sheet rows', async () => {
    const out = await readWorkbook(job('offenders.xlsx', offenders(3)));
    expect(out.kind).toBe('rows');
    if (out.kind === 'rows') {
      expect(out.rows).toBe(3);
      expect(out.breakpoints).toEqual([{ fromRow: 0, delta: 2 }]);
    }
  });

  it('refuses a workbook past the heap cap in plain words (no internal message)', async () => {
    const out = await readWorkbook(job('big.xlsx', offenders(100_000)), 16);
    expect(out).toEqual({
      kind: 'problem',
      problem: { file: 'big.xlsx', row: null, column: null, value: null, message: 'the workbook is too large or too complex to read as XLSX: save the sheet as CSV (UTF-8) in Excel and import that instead' },
    });
  });

  it('refuses a workbook that takes longer than the time limit in plain words', async () => {
    const out = await readWorkbook(job('slow.xlsx', offenders(20_000)), undefined, 1);
    expect(out).toEqual({
      kind: 'problem',
      problem: { file: 'slow.xlsx', row: null, column: null, value: null, message: 'the workbook takes too long to read as XLSX (over 120 s): save the sheet as CSV (UTF-8) in Excel and import that instead' },
    });
  });

  it('names the row and column of a cell that cannot be read', async () => {
    const bad = workbook(`${HEADER}<row r="2">${str('A2', 'P1')}${str('B2', '2024-01-01')}</row><row r="3">${str('A3', 'P2')}<c r="B3" t="b"><v>maybe</v></c></row>`);
    const out = await readWorkbook(job('cell.xlsx', bad));
    expect(out.kind).toBe('problem');
    if (out.kind === 'problem') {
      expect(out.problem).toMatchObject({ file: 'cell.xlsx', row: 3, column: 'B' });
      expect(out.problem.message).toMatch(/^cell B3 cannot be read: /);
    }
  });

  it('refuses a damaged archive in plain words', async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    const out = await readWorkbook(job('damaged.xlsx', damaged));
    expect(out).toEqual({
      kind: 'problem',
      problem: {
        file: 'damaged.xlsx', row: null, column: null, value: null,
        message: 'the workbook cannot be read: it is damaged, password-protected or not an Excel .xlsx file. Open it in Excel and save it again as .xlsx, or save the sheet as CSV (UTF-8) in Excel and import that instead',
      },
    });
  });
});

describe('a large workbook while the server runs', () => {
  it('keeps /api/health under a second and the server heap flat while it is imported', async () => {
    const rows = 30_000;
    const path = join(dir, 'offenders.xlsx');
    writeFileSync(path, offenders(rows));
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const latencies: number[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        const t = performance.now();
        const r = await fetch(`${s.url}/api/health`);
        await r.arrayBuffer();
        latencies.push(performance.now() - t);
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    // Only offenders: any subset is a batch, so the workbook is read, staged, checked and stored.
    const result = await importFiles(s.db, [{ name: 'offenders.xlsx', path }], { source: 'cli' });
    const took = performance.now() - started;
    done = true;
    await poll;
    console.log(`xlsx ${rows} rows: ${Math.round(took)} ms; health max ${Math.round(Math.max(...latencies))} ms over ${latencies.length}; heap +${Math.round((heapPeak - heapBefore) / 2 ** 20)} MB (worker cap ${XLSX_WORKER_HEAP_MB} MB)`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.files.map((f) => [f.extract, f.rows])).toEqual([['offenders', rows]]);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(1000);
    expect(heapPeak - heapBefore).toBeLessThan(200 * 2 ** 20);
  }, 120_000);
});
