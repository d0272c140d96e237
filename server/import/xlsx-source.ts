// Reads one XLSX extract (first sheet, header row) into the same staging
// shape as a CSV: a worker thread (xlsx-read.ts) parses the workbook and
// writes the data rows as text (dates ISO), which DuckDB loads; rows keep
// their sheet row numbers, empty rows are skipped.
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractSpec } from './spec.ts';
import { createStaging, failed, LineMap, sourceColumn, type Source, type StagedFile } from './staging.ts';
import { lit } from './convert.ts';
import { readWorkbook } from './xlsx-read.ts';

function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

export async function stageXlsx(conn: DuckDBConnection, spec: ExtractSpec, file: string, buf: Buffer): Promise<StagedFile> {
  const fileProblem = (message: string, row: number | null = null) =>
    failed(spec, file, [{ file, row, column: null, value: null, message }]);
  if (buf.length === 0) return fileProblem('file is empty (0 bytes)');
  if (!isZip(buf)) return fileProblem('not an XLSX workbook (not a zip archive): a binary or mis-named file');
  // Named like the import's other scratch folders, which are removed at start if a kill left them.
  const dir = await mkdtemp(join(tmpdir(), 'profiler-import-'));
  try {
    const outPath = join(dir, 'rows.ndjson');
    const read = await readWorkbook({ extract: spec.name, file, buf, outPath });
    if (read.kind === 'problem') return failed(spec, file, [read.problem]);
    const { headers, match } = read;
    if (read.kind === 'header') return failed(spec, file, match.problems, match.warnings);

    const raw = `imp_xlsx_${spec.name}`;
    const columns = headers.map((_, i) => `${lit(sourceColumn(i))}: 'VARCHAR'`).join(', ');
    await conn.run(`DROP TABLE IF EXISTS ${raw}`);
    await conn.run(`CREATE TEMP TABLE ${raw} (${headers.map((_, i) => `${sourceColumn(i)} VARCHAR`).join(', ')})`);
    if (read.rows > 0) {
      // In file order (DuckDB preserves insertion order by default), so staging row k is the k-th data row of the sheet.
      await conn.run(
        `INSERT INTO ${raw} SELECT * FROM read_json($path, format = 'newline_delimited', columns = {${columns}}, maximum_object_size = 67108864)`,
        { path: outPath },
      );
    }
    const source: Source = { sql: raw, params: {}, positions: match.positions };
    const rows = await createStaging(conn, spec, source);
    return {
      spec,
      file,
      rows,
      lineMap: new LineMap(read.breakpoints.length ? read.breakpoints : [{ fromRow: 0, delta: 2 }]),
      problems: [],
      warnings: match.warnings,
      source,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
