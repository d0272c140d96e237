// Reads one XLSX extract (first sheet, header row) into the same staging
// shape as a CSV: typed cells become the text a CSV would hold (dates ISO),
// rows keep their sheet row numbers, empty rows are skipped.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSheet } from 'read-excel-file/node';
import type { ColumnType, ExtractSpec } from './spec.ts';
import { matchHeader } from './headers.ts';
import { createStaging, failed, LineMap, sourceColumn, type Breakpoint, type Source, type StagedFile } from './staging.ts';

type Cell = string | number | boolean | Date | null;

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as CSV text; Date cells (UTC wall clock) as ISO dates or datetimes. */
export function cellText(cell: Cell, type: ColumnType | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    // Excel keeps times as fractions of a day: round away the float error (09:29:59.999 → 09:30:00).
    cell = new Date(Math.round(cell.getTime() / 1000) * 1000);
    const d = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const hasTime = cell.getUTCHours() || cell.getUTCMinutes() || cell.getUTCSeconds();
    if (type?.kind !== 'datetime' && !hasTime) return d;
    return `${d} ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
  }
  return String(cell);
}

function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

export async function stageXlsx(conn: DuckDBConnection, spec: ExtractSpec, file: string, buf: Buffer): Promise<StagedFile> {
  const fileProblem = (message: string, row: number | null = null) =>
    failed(spec, file, [{ file, row, column: null, value: null, message }]);
  if (buf.length === 0) return fileProblem('file is empty (0 bytes)');
  if (!isZip(buf)) return fileProblem('not an XLSX workbook (not a zip archive): a binary or mis-named file');
  let data: Cell[][];
  try {
    data = (await readSheet(buf)) as unknown as Cell[][];
  } catch (e) {
    return fileProblem(`the workbook cannot be read: ${e instanceof Error ? e.message.split('\n')[0] : 'unknown error'}`);
  }
  if (data.length === 0 || data[0].every((c) => c === null || c === '')) return fileProblem('header row is empty', 1);
  const headers = data[0].map((c) => cellText(c, undefined) ?? '');
  const match = matchHeader(file, spec, headers);
  if (match.problems.length) return failed(spec, file, match.problems, match.warnings);

  const types = headers.map((_, i) => spec.columns.find((c) => match.positions.get(c.name) === i)?.type);
  const raw = `imp_xlsx_${spec.name}`;
  await conn.run(`DROP TABLE IF EXISTS ${raw}`);
  await conn.run(`CREATE TEMP TABLE ${raw} (${headers.map((_, i) => `${sourceColumn(i)} VARCHAR`).join(', ')})`);
  const appender = await conn.createAppender(raw, 'main', 'temp');
  const breakpoints: Breakpoint[] = [];
  let row = 0;
  for (let i = 1; i < data.length; i++) {
    const cells = headers.map((_, j) => cellText(data[i][j] ?? null, types[j]));
    if (cells.every((c) => c === null || c === '')) continue;
    const delta = i + 1 - row; // sheet rows are 1-based: data[i] is row i + 1
    if (breakpoints.length === 0 || breakpoints[breakpoints.length - 1].delta !== delta) breakpoints.push({ fromRow: row, delta });
    for (const c of cells) {
      if (c === null) appender.appendNull();
      else appender.appendVarchar(c);
    }
    appender.endRow();
    row++;
  }
  appender.closeSync();
  const source: Source = { sql: raw, params: {}, positions: match.positions };
  const rows = await createStaging(conn, spec, source);
  return {
    spec,
    file,
    rows,
    lineMap: new LineMap(breakpoints.length ? breakpoints : [{ fromRow: 0, delta: 2 }]),
    problems: [],
    warnings: match.warnings,
    source,
  };
}
