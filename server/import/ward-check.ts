// After a batch is stored: do the wards the extracts use match the boundaries
// held? A ward without a boundary is shown by its code only and cannot be drawn
// on the maps (which would show it as 0), so the import says so, naming the
// wards and where they are used. Checked over everything held (the batch and
// what earlier imports kept), only when the batch brings wards or boundaries
// and some boundaries are held.
import type { DuckDBConnection } from '@duckdb/node-api';
import { EXTRACTS } from './spec.ts';

/** Columns holding ward codes, from the contract (spec.ts): [extract, table, column]. */
const WARD_COLUMNS = EXTRACTS.flatMap((e) => e.columns.filter((c) => c.type.kind === 'ward').map((c) => [e.name, e.table, c.dbName] as const));

/** Wards listed by name in a warning; the rest are counted. */
const LISTED = 10;

const list = (codes: string[]) => (codes.length > LISTED ? `${codes.slice(0, LISTED).join(', ')} and ${codes.length - LISTED} more` : codes.join(', '));

export async function wardWarnings(conn: DuckDBConnection, batchExtracts: string[]): Promise<string[]> {
  const touched = batchExtracts.includes('boundaries') || WARD_COLUMNS.some(([extract]) => batchExtracts.includes(extract));
  if (!touched) return [];
  // Identifiers come only from the contract's constants above.
  const used = (await conn.runAndReadAll(
    `SELECT code, string_agg(DISTINCT used_in, ', ' ORDER BY used_in) AS used_in FROM (
       ${WARD_COLUMNS.map(([extract, table, column]) => `SELECT ${column} AS code, '${extract}.${column}' AS used_in FROM ${table} WHERE ${column} IS NOT NULL`).join(' UNION ALL ')}
     ) GROUP BY code ORDER BY code`,
  )).getRowObjectsJson().map((r) => ({ code: String(r.code), usedIn: String(r.used_in) }));
  const held = new Set((await conn.runAndReadAll('SELECT area_code FROM boundaries')).getRowObjectsJson().map((r) => String(r.area_code)));
  // Without boundaries there are no maps, and the pages and the report say so.
  if (used.length === 0 || held.size === 0) return [];
  const missing = used.filter((u) => !held.has(u.code));
  if (missing.length === 0) return [];
  const where = [...new Set(missing.flatMap((m) => m.usedIn.split(', ')))].sort().join(', ');
  const none = missing.length === used.length;
  return [
    `${none ? `None of the ${used.length} wards` : `${missing.length} of the ${used.length} wards`} the extracts use ${none ? 'is' : 'are'} in the ward boundaries held (${held.size} wards): ` +
      `${list(missing.map((m) => m.code))} (used in ${where}). These are shown by code only and the maps cannot draw them. ` +
      'Check that the boundaries are for the same area and the same ward year as the extracts.',
  ];
}
