// References from extracts kept from earlier imports that a batch would break
// (e.g. a new offenders.csv without offender P7 while the stored links still
// name P7) are refused, each kept row named by its line in the file it was
// imported from; the batch is accepted when it brings the referring extract
// too (then the batch's own references are checked, server/import/validate.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { runAll } from '../db.ts';
import { EXTRACTS } from './spec.ts';
import { stagingTable, type StagedFile } from './staging.ts';
import type { ImportProblem } from './problems.ts';

/** Rows named per kept column; past this, one line gives the count of the others. */
export const MAX_KEPT_ROWS_NAMED = 100;

export async function keptReferenceProblems(conn: DuckDBConnection, staged: StagedFile[]): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const inBatch = new Map(staged.map((s) => [s.spec.name as string, s]));
  for (const spec of EXTRACTS) {
    if (inBatch.has(spec.name)) continue;
    for (const c of spec.columns) {
      const target = c.ref ? inBatch.get(c.ref[0]) : undefined;
      // A file of the batch that could not be read has no staging table: its own problems say why.
      if (!c.ref || !target?.source) continue;
      const column = c.ref[1];
      const broken = `${spec.table} k WHERE k.${c.dbName} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${stagingTable(target.spec.name)} s WHERE s.v_${column} = k.${c.dbName})`;
      const rows = await runAll(conn, `SELECT k.source_row AS line, k.${c.dbName}::VARCHAR AS value FROM ${broken} ORDER BY k.source_row LIMIT ${MAX_KEPT_ROWS_NAMED + 1}`);
      if (!rows.length) continue;
      const [held] = await runAll(conn, 'SELECT file_name FROM import_files WHERE extract = $extract ORDER BY import_id DESC LIMIT 1', { extract: spec.name });
      const file = `${held ? String(held.file_name) : `${spec.name}.csv`} (already imported)`;
      const message = `no such ${column} in the new ${target.file}: this kept row would point at nothing; send ${spec.name} in the same batch, or keep that ${column} in ${target.file}`;
      for (const r of rows.slice(0, MAX_KEPT_ROWS_NAMED)) {
        problems.push({ file, row: Number(r.line), column: c.name, value: String(r.value), message });
      }
      if (rows.length > MAX_KEPT_ROWS_NAMED) {
        const [{ n }] = await runAll(conn, `SELECT count(*)::INTEGER AS n FROM ${broken}`);
        problems.push({ file, row: null, column: c.name, value: null, message: `… and ${Number(n) - MAX_KEPT_ROWS_NAMED} more rows whose ${column} is not in the new ${target.file}` });
      }
    }
  }
  return problems;
}
