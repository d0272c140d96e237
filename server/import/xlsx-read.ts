// Reads one XLSX extract in a worker thread (xlsx-worker.ts) with a heap cap,
// and says in plain words, with the file and, where known, the row and column,
// why a workbook cannot be read (never an internal message such as "Maximum
// call stack size exceeded").
import { runWorker, type WorkerFailure } from '../worker-run.ts';
import type { HeaderMatch } from './headers.ts';
import type { ImportProblem } from './problems.ts';
import type { Breakpoint } from './staging.ts';

/** Heap the worker may use (MB). A workbook needing more is refused, and the server's own heap is untouched. */
export const XLSX_WORKER_HEAP_MB = 1024;

/**
 * Time the worker may take. read-excel-file slows down more than in proportion
 * on very long sheets (50,000 rows take seconds, a few hundred thousand
 * minutes): past this the workbook is refused with the advice to send CSV,
 * which DuckDB reads at any size.
 */
export const XLSX_WORKER_TIME_MS = 120_000;

export interface XlsxJob {
  extract: string;
  file: string;
  buf: Uint8Array;
  /** Where the worker writes the data rows (newline-delimited JSON, keys f0…fn). */
  outPath: string;
}

export type XlsxOutcome =
  | { kind: 'problem'; problem: ImportProblem }
  | { kind: 'header'; headers: string[]; match: HeaderMatch }
  | { kind: 'rows'; headers: string[]; match: HeaderMatch; rows: number; breakpoints: Breakpoint[] };

const SAVE_AS_CSV = 'save the sheet as CSV (UTF-8) in Excel and import that instead';

const CELL_ERRORS: Record<string, string> = {
  VALUE_MISSING: 'the cell has a type but no value',
  VALUE_INVALID: 'the cell’s value does not match its type',
  FORMAT_INVALID: 'the cell’s number format cannot be read',
  TYPE_INVALID: 'the cell has an unknown type',
};

/** Excel's column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The problem of a workbook that read-excel-file (or the worker) could not read, in plain words. */
export function unreadableWorkbook(file: string, e: unknown): ImportProblem {
  const message = e instanceof Error ? e.message : String(e);
  const problem = (text: string, row: number | null = null, column: string | null = null): ImportProblem => ({ file, row, column, value: null, message: text });
  const cell = /<c\/> at row (\d+), col (\d+): (\w+)/.exec(message);
  if (cell) {
    const what = Object.hasOwn(CELL_ERRORS, cell[3]) ? CELL_ERRORS[cell[3]] : 'the cell cannot be read';
    return problem(`cell ${columnLetters(Number(cell[2]))}${cell[1]} cannot be read: ${what}; re-type the cell in Excel, or ${SAVE_AS_CSV}`, Number(cell[1]), columnLetters(Number(cell[2])));
  }
  if (e instanceof RangeError) {
    return problem(`the workbook is too large or too complex to read as XLSX: ${SAVE_AS_CSV}`);
  }
  if ((e as { name?: string })?.name === 'SheetNotFoundError') return problem(`the workbook has no sheet to read: ${SAVE_AS_CSV}`);
  return problem(`the workbook cannot be read: it is damaged, password-protected or not an Excel .xlsx file. Open it in Excel and save it again as .xlsx, or ${SAVE_AS_CSV}`);
}

function tooLong(file: string): ImportProblem {
  return { file, row: null, column: null, value: null, message: `the workbook takes too long to read as XLSX (over ${XLSX_WORKER_TIME_MS / 1000} s): ${SAVE_AS_CSV}` };
}

const WORKER = new URL('./xlsx-worker.ts', import.meta.url);

/** Runs the worker on one workbook; every failure, the worker's out-of-memory and time limit included, becomes a plain problem. */
export async function readWorkbook(job: XlsxJob, heapMb = XLSX_WORKER_HEAP_MB, timeMs = XLSX_WORKER_TIME_MS): Promise<XlsxOutcome> {
  try {
    return await runWorker<XlsxOutcome>(WORKER, job, { heapMb, timeMs });
  } catch (e) {
    const failure = e as WorkerFailure;
    if (failure.reason === 'time') return { kind: 'problem', problem: tooLong(job.file) };
    return { kind: 'problem', problem: unreadableWorkbook(job.file, failure.reason === 'memory' ? new RangeError('heap') : failure.cause) };
  }
}
