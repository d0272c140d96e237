// Worker thread (started by csv-lines.ts) that scans a large CSV file for the
// line each record starts on, so that a file of millions of records with
// quoted fields is not walked on the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { dataLineBreakpoints, headerRecord, recordLines } from './csv-scan.ts';
import type { CsvLinesJob } from './csv-lines.ts';

async function run(job: CsvLinesJob): Promise<unknown> {
  const buf = await readFile(job.path);
  if (job.task === 'breakpoints') {
    // The caller found the header in the same bytes.
    return dataLineBreakpoints(buf, headerRecord(buf)!);
  }
  const lines = recordLines(buf);
  return job.records.map((r) => lines[r] ?? null);
}

run(workerData as CsvLinesJob).then((out) => parentPort!.postMessage(out));
