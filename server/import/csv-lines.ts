// Line numbers of a CSV file's records (csv-scan.ts), computed in a worker
// thread when the file is large: the scan walks every record in JavaScript,
// about a second per hundred megabytes of quoted fields, which the server's
// event loop must not spend. Small files are scanned in place (a worker costs
// more to start than they take).
import { runWorker } from '../worker-run.ts';
import { dataLineBreakpoints, recordLines, type HeaderRecord } from './csv-scan.ts';
import type { Breakpoint } from './staging.ts';

/** Files up to this size are scanned on the main thread (a few milliseconds). */
export const OFF_THREAD_BYTES = 8 * 1024 * 1024;
const LIMITS = { heapMb: 512, timeMs: 300_000 };
const WORKER = new URL('./csv-worker.ts', import.meta.url);

export type CsvLinesJob = { path: string; task: 'breakpoints' } | { path: string; task: 'records'; records: number[] };

/** The line map of the data records (dataLineBreakpoints), for the file at `path` whose bytes are `buf`. */
export async function lineBreakpoints(path: string, buf: Buffer, header: HeaderRecord): Promise<Breakpoint[]> {
  if (buf.length <= OFF_THREAD_BYTES) return dataLineBreakpoints(buf, header);
  return runWorker<Breakpoint[]>(WORKER, { path, task: 'breakpoints' } satisfies CsvLinesJob, LIMITS);
}

/** The line each of `records` (0-based, header = 0, as DuckDB counts them) starts on; null past the end. */
export async function linesOfRecords(path: string, buf: Buffer, records: number[]): Promise<(number | null)[]> {
  if (buf.length <= OFF_THREAD_BYTES) {
    const lines = recordLines(buf);
    return records.map((r) => lines[r] ?? null);
  }
  return runWorker<(number | null)[]>(WORKER, { path, task: 'records', records } satisfies CsvLinesJob, LIMITS);
}
