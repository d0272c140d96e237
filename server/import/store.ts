// Writes of an accepted batch (called inside its one transaction): each
// extract of the batch replaces the stored one; the history records the batch.
import type { DuckDBConnection } from '@duckdb/node-api';
import { runAll, type Database } from '../db.ts';
import { sql } from '../sql.ts';
import { lit } from './convert.ts';
import type { Boundary } from './boundaries.ts';
import { createLinesTable, stagedWithLines, type StagedFile } from './staging.ts';
import type { AuditEvent } from '../audit/log.ts';

export interface ImportedFile {
  extract: string;
  file: string;
  rows: number;
  sha256: string;
  /** The layout the file was read as: 'extract' (our own format) or a source layout (sql/sources/*.json). */
  layout?: string;
  /** One line saying what the file was read as ("SSDA903 missing, 43 episodes of 39 children, …"). */
  readAs?: string;
  /** The file's columns read (and what each gives) and the ones not read (never stored). */
  used?: string[];
  dropped?: string[];
}

// Each extract is stored in the order of the date the measures select on, so a
// scan for a period reads only the blocks of rows holding its dates (DuckDB
// skips a block whose minimum and maximum fall outside a filter).
const DATE_ORDER: Record<string, string> = {
  cases: 'referral_date',
  missing_episodes: 'start',
  offenders: 'first_identified',
  case_offender_links: 'linked_on',
  location_reports: 'reported_on',
  disruptions: 'action_date',
};

export async function storeExtract(conn: DuckDBConnection, file: StagedFile): Promise<void> {
  const spec = file.spec;
  const lines = await createLinesTable(conn, spec.name, file.lineMap);
  const columns = spec.columns.map((c) => c.dbName);
  const values = spec.columns.map((c) => (c.default ? `coalesce(v_${c.name}, ${lit(c.default)})` : `v_${c.name}`));
  if (spec.sourceRow) {
    columns.push('source_row');
    values.push('line');
  }
  const order = DATE_ORDER[spec.name] ? ` ORDER BY v_${DATE_ORDER[spec.name]}` : '';
  await conn.run(`DELETE FROM ${spec.table}`);
  await conn.run(
    `INSERT INTO ${spec.table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${stagedWithLines(spec.name, file.lineMap, lines)}${order}`,
  );
}

export async function storeBoundaries(conn: DuckDBConnection, boundaries: Boundary[]): Promise<void> {
  await conn.run('DELETE FROM boundaries');
  for (const b of boundaries) {
    await runAll(
      conn,
      `INSERT INTO boundaries (area_code, area_name, geometry, min_lon, min_lat, max_lon, max_lat)
       VALUES ($code, $name, $geometry, $minLon, $minLat, $maxLon, $maxLat)`,
      { code: b.code, name: b.name, geometry: b.geometry, ...b.bbox },
    );
  }
}

export async function recordImport(
  conn: DuckDBConnection,
  source: string,
  importedBy: string | undefined,
  files: ImportedFile[],
): Promise<number> {
  const importedAt = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const [row] = await runAll(conn, sql('import/history#insert_import').sql, { importedAt, source, importedBy });
  const importId = Number(row.import_id);
  for (const f of files) {
    await runAll(conn, sql('import/history#insert_file').sql, {
      importId,
      extract: f.extract,
      fileName: f.file,
      rows: f.rows,
      sha256: f.sha256,
      layout: f.layout ?? 'extract',
      readAs: f.readAs ?? null,
    });
  }
  return importId;
}

const IMPORT_ROUTES = { api: '/api/imports', cli: 'npm run import', demo: 'demo area' } as const;

/** The audit entry of an accepted batch, written in the batch's own transaction (server/audit/log.ts `change`). */
export function importAuditEntry(
  opts: { source: keyof typeof IMPORT_ROUTES; importedBy?: string },
  importId: number,
  files: ImportedFile[],
): AuditEvent {
  return {
    event: 'import',
    username: opts.importedBy ?? null,
    method: opts.source === 'api' ? 'POST' : null,
    route: IMPORT_ROUTES[opts.source],
    status: 200,
    details: { importId, source: opts.source, files },
  };
}

export interface ImportHistoryEntry {
  importId: number;
  importedAt: string;
  source: string;
  importedBy: string | null;
  files: ImportedFile[];
}

/** Every accepted batch, newest first. */
export async function listImports(db: Database): Promise<ImportHistoryEntry[]> {
  const rows = await db.named('import/history#list_imports');
  const out: ImportHistoryEntry[] = [];
  for (const r of rows) {
    const id = Number(r.import_id);
    let entry = out[out.length - 1];
    if (!entry || entry.importId !== id) {
      entry = {
        importId: id,
        importedAt: String(r.imported_at),
        source: String(r.source),
        importedBy: r.imported_by === null ? null : String(r.imported_by),
        files: [],
      };
      out.push(entry);
    }
    entry.files.push({
      extract: String(r.extract),
      file: String(r.file_name),
      rows: Number(r.row_count),
      sha256: String(r.sha256),
      layout: String(r.layout ?? 'extract'),
      ...(r.read_as === null || r.read_as === undefined ? {} : { readAs: String(r.read_as) }),
    });
  }
  return out;
}
