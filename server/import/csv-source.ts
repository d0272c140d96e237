// Reads one CSV extract into its staging table: JS checks the bytes and the
// header, DuckDB's read_csv (strict, every column as text, rejects stored)
// reads the records, and malformed records are reported with their line.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExtractSpec } from './spec.ts';
import type { ImportProblem } from './problems.ts';
import { matchHeader, normaliseHeader } from './headers.ts';
import { headerRecord, mixedLineEndings, positionOf, splitRecord, withLfEndings } from './csv-scan.ts';
import { lineBreakpoints, linesOfRecords } from './csv-lines.ts';
import { createStaging, failed, LineMap, sourceColumn, type Source, type StagedFile } from './staging.ts';
import { lit } from './convert.ts';

const MAX_REJECTS = 1000;

/**
 * `scratch` gives a folder for a copy of the file when it must be changed before
 * DuckDB reads it (mixed CRLF and LF line endings: the copy has LF throughout,
 * so every record keeps its line); the caller removes the folder after the import.
 */
export async function stageCsv(
  conn: DuckDBConnection,
  spec: ExtractSpec,
  file: string,
  path: string,
  buf: Buffer,
  scratch: () => string,
  onFraction?: (fraction: number) => void,
): Promise<StagedFile> {
  const fileProblem = (message: string, row: number | null = null, column: string | null = null) =>
    failed(spec, file, [{ file, row, column, value: null, message }]);
  if (buf.length === 0) return fileProblem('file is empty (0 bytes)');
  const nul = buf.indexOf(0);
  const header = headerRecord(buf);
  if (!header || header.end <= header.start) return fileProblem('header row is empty', 1);
  let headerText: string;
  try {
    headerText = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(header.start, header.end));
  } catch {
    return fileProblem('header row is not UTF-8 text: a binary file or another encoding', 1);
  }
  const headers = splitRecord(headerText);
  if (nul >= 0) {
    const at = positionOf(buf, nul);
    const column = at.field < headers.length ? normaliseHeader(headers[at.field]) : null;
    return fileProblem('binary content (NUL byte): not a CSV text file', at.line, column);
  }
  const match = matchHeader(file, spec, headers);
  if (match.problems.length) return failed(spec, file, match.problems, match.warnings);

  const rejects = `imp_rej_${spec.name}`;
  const scans = `imp_rejscan_${spec.name}`;
  const columns = headers.map((_, i) => `${lit(sourceColumn(i))}: 'VARCHAR'`).join(', ');
  const readCsv = (options: string) => `read_csv($path, header = true, all_varchar = true, columns = {${columns}}, auto_detect = false,
    delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false${options})`;
  const sql = readCsv(`, store_rejects = true, rejects_table = ${lit(rejects)}, rejects_scan = ${lit(scans)}`);
  let readPath = path;
  if (mixedLineEndings(buf)) {
    readPath = join(scratch(), file);
    await writeFile(readPath, withLfEndings(buf));
  }
  const source: Source = { sql, params: { path: readPath }, positions: match.positions };
  const rows = await createStaging(conn, spec, source, onFraction);

  const reader = await conn.runAndReadAll(
    `SELECT line::BIGINT AS line, column_name, error_type::VARCHAR AS error_type, csv_line, error_message
     FROM ${rejects} ORDER BY line LIMIT ${MAX_REJECTS}`,
  );
  // DuckDB lists a short row once per missing field: keep one problem per line and kind.
  const seen = new Set<string>();
  const rejected = reader.getRowObjectsJson().filter((r) => {
    const key = `${r.line}|${r.error_type}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  await conn.run(`DROP TABLE IF EXISTS ${rejects}`);
  await conn.run(`DROP TABLE IF EXISTS ${scans}`);
  if (rejected.length) {
    const lines = await linesOfRecords(path, buf, rejected.map((r) => Number(r.line) - 1));
    const problems = rejected.map((r, k): ImportProblem => {
      const duckLine = Number(r.line);
      const field = typeof r.column_name === 'string' ? Number(r.column_name.slice(1)) : NaN;
      const column = Number.isInteger(field) && field < headers.length ? normaliseHeader(headers[field]) : null;
      const csvLine = String(r.csv_line ?? '').replace(/[\r\n]+$/, '');
      return {
        file,
        row: lines[k] ?? duckLine,
        column,
        value: csvLine.length > 120 ? `${csvLine.slice(0, 117)}…` : csvLine,
        message: rejectMessage(String(r.error_type), String(r.error_message), headers.length),
      };
    });
    return { ...failed(spec, file, problems, match.warnings), rows };
  }
  return {
    spec,
    file,
    rows,
    lineMap: new LineMap(await lineBreakpoints(path, buf, header)),
    problems: [],
    warnings: match.warnings,
    source: { ...source, sql: readCsv('') },
  };
}

function rejectMessage(type: string, duckMessage: string, expected: number): string {
  const found = /Found: (\d+)/.exec(duckMessage)?.[1];
  switch (type) {
    case 'MISSING COLUMNS':
      return `too few fields (expected ${expected}, found ${found ?? 'fewer'}): truncated or broken row`;
    case 'TOO MANY COLUMNS':
      return `too many fields (expected ${expected}, found ${found ?? 'more'}): broken row or unquoted comma`;
    case 'UNQUOTED VALUE':
      return 'unterminated or misplaced quote: truncated file or broken quoting';
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return 'not UTF-8 text: a binary file or another encoding';
    case 'LINE SIZE OVER MAXIMUM':
      return 'line too long: not a CSV extract';
    default:
      return `unreadable row: ${duckMessage.split('\n')[0]}`;
  }
}
