// Warnings for extracts kept from earlier imports whose references the batch
// breaks (e.g. a new cases.csv without some case_id the stored links use).
import type { DuckDBConnection } from '@duckdb/node-api';
import { EXTRACTS } from './spec.ts';
import { stagingTable, type StagedFile } from './staging.ts';

export async function keptReferenceWarnings(conn: DuckDBConnection, staged: StagedFile[]): Promise<string[]> {
  const warnings: string[] = [];
  const inBatch = new Map(staged.map((s) => [s.spec.name as string, s.file]));
  for (const spec of EXTRACTS) {
    if (inBatch.has(spec.name)) continue;
    for (const c of spec.columns) {
      if (!c.ref || !inBatch.has(c.ref[0])) continue;
      const [target, column] = c.ref;
      const reader = await conn.runAndReadAll(
        `SELECT count(*)::INTEGER AS n FROM ${spec.table} k
         WHERE k.${c.dbName} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${stagingTable(target)} s WHERE s.v_${column} = k.${c.dbName})`,
      );
      const n = Number(reader.getRowObjectsJson()[0].n);
      if (n > 0) {
        warnings.push(`${spec.name} kept from an earlier import: ${n} rows refer to a ${c.name} that is not in the new ${inBatch.get(target)}`);
      }
    }
  }
  return warnings;
}
