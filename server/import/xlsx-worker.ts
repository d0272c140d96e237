// Worker thread (started by xlsx-read.ts) that unpacks and parses one XLSX
// extract, so that a large workbook (a 28 MB file can unpack to 300 MB of XML)
// neither blocks the server's event loop nor grows its heap: the worker has a
// heap cap of its own. It reads the first sheet, matches the header row to the
// contract and writes the data rows, as text the way a CSV would hold them, to
// a newline-delimited JSON file that DuckDB loads (nothing row by row crosses
// back to the main thread).
import { parentPort, workerData } from 'node:worker_threads';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readSheet } from 'read-excel-file/node';
import { extractSpec, type ExtractSpec } from './spec.ts';
import { matchHeader } from './headers.ts';
import { cellText, type Cell } from './xlsx-cells.ts';
import { sourceColumn, type Breakpoint } from './staging.ts';
import { unreadableWorkbook, type XlsxJob, type XlsxOutcome } from './xlsx-read.ts';

async function run(job: XlsxJob): Promise<XlsxOutcome> {
  const spec = extractSpec(job.extract) as ExtractSpec;
  let data: Cell[][];
  try {
    data = (await readSheet(Buffer.from(job.buf))) as unknown as Cell[][];
  } catch (e) {
    return { kind: 'problem', problem: unreadableWorkbook(job.file, e) };
  }
  if (data.length === 0 || data[0].every((c) => c === null || c === '')) {
    return { kind: 'problem', problem: { file: job.file, row: 1, column: null, value: null, message: 'header row is empty' } };
  }
  const headers = data[0].map((c) => cellText(c, undefined) ?? '');
  const match = matchHeader(job.file, spec, headers);
  if (match.problems.length) return { kind: 'header', headers, match };

  const types = headers.map((_, i) => spec.columns.find((c) => match.positions.get(c.name) === i)?.type);
  const keys = headers.map((_, i) => JSON.stringify(sourceColumn(i)));
  const out = createWriteStream(job.outPath);
  const breakpoints: Breakpoint[] = [];
  let row = 0;
  for (let i = 1; i < data.length; i++) {
    const cells = headers.map((_, j) => cellText(data[i][j] ?? null, types[j]));
    if (cells.every((c) => c === null || c === '')) continue;
    const delta = i + 1 - row; // sheet rows are 1-based: data[i] is row i + 1
    if (breakpoints.length === 0 || breakpoints[breakpoints.length - 1].delta !== delta) breakpoints.push({ fromRow: row, delta });
    const line = `{${cells.map((c, j) => `${keys[j]}:${JSON.stringify(c)}`).join(',')}}\n`;
    if (!out.write(line)) await once(out, 'drain');
    row++;
  }
  out.end();
  await once(out, 'finish');
  return { kind: 'rows', headers, match, rows: row, breakpoints };
}

const job = workerData as XlsxJob;
run(job).then(
  (outcome) => parentPort!.postMessage(outcome),
  (e: unknown) => parentPort!.postMessage({ kind: 'problem', problem: unreadableWorkbook(job.file, e) } satisfies XlsxOutcome),
);
