// Extract import: a batch of files (a folder, or an upload) is read into
// staging tables, validated against the contract (../shared/spec/extracts.md)
// as a whole, and only then written, in one transaction, replacing the
// extracts it contains and keeping the others. A rejected batch stores
// nothing and lists every problem as `file:row:column — value — what is wrong`.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db.ts';
import { buildReport, formatProblem, sortProblems, type ImportProblem } from './problems.ts';
import { BOUNDARIES, EXTRACTS, extractSpec, type ExtractName, type ExtractSpec } from './spec.ts';
import { stageCsv } from './csv-source.ts';
import { stageXlsx } from './xlsx-source.ts';
import { validateStaged, type RefTargets } from './validate.ts';
import { parseBoundaries, type Boundary } from './boundaries.ts';
import { recordImport, storeBoundaries, storeExtract, type ImportedFile } from './store.ts';
import { failed, stagingTable, type StagedFile } from './staging.ts';
import { keptReferenceWarnings } from './kept.ts';
import { wardWarnings } from './ward-check.ts';

export type { ImportProblem } from './problems.ts';
export type { ImportedFile } from './store.ts';
export { formatProblem };

export type ImportResult =
  | { ok: true; importId: number; files: ImportedFile[]; warnings: string[] }
  | { ok: false; problems: ImportProblem[]; report: string; warnings: string[] };

export interface ImportOptions {
  source: 'cli' | 'api' | 'demo';
  importedBy?: string;
  onProgress?: (p: { file: string; phase: string; rows?: number; fraction?: number }) => void;
}

interface BatchFile {
  name: string;
  path: string;
  extract: ExtractName | typeof BOUNDARIES;
  format: 'csv' | 'xlsx' | 'geojson';
}

/** Imports every extract found in a folder (other files are ignored with a warning). */
export async function importFolder(db: Database, folder: string, opts: ImportOptions): Promise<ImportResult> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, path: join(folder, e.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return importFiles(db, files, opts);
}

/** Imports a batch of files; `name` is the original file name (e.g. 'cases.xlsx'). */
export async function importFiles(db: Database, files: { name: string; path: string }[], opts: ImportOptions): Promise<ImportResult> {
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => runImport(db, files, opts));
  queues.set(db, run.catch(() => undefined));
  return run;
}

/** True once any extract has been imported. */
export async function hasExtracts(db: Database): Promise<boolean> {
  const [row] = await db.named('import/history#has_extracts');
  return row.found === true;
}

// One import at a time per database: batches replace whole tables.
const queues = new WeakMap<Database, Promise<unknown>>();

function classify(name: string): Pick<BatchFile, 'extract' | 'format'> | null {
  const m = /^([a-z_]+)\.(csv|xlsx|geojson)$/.exec(name.trim().toLowerCase());
  if (!m) return null;
  const [, base, ext] = m;
  if (ext === 'geojson') return base === BOUNDARIES ? { extract: BOUNDARIES, format: 'geojson' } : null;
  const spec = extractSpec(base);
  return spec ? { extract: spec.name, format: ext as 'csv' | 'xlsx' } : null;
}

function batchProblem(file: string, message: string): ImportProblem {
  return { file, row: null, column: null, value: null, message };
}

async function runImport(db: Database, input: { name: string; path: string }[], opts: ImportOptions): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const warnings: string[] = [];
  const problems: ImportProblem[] = [];
  const batch: BatchFile[] = [];
  for (const f of input) {
    const kind = classify(f.name);
    if (!kind) {
      // A README or a hidden file travelling with the extracts is not data: no warning.
      if (/^(\.|readme\b)/i.test(f.name)) continue;
      warnings.push(`${f.name} is not an extract of the contract (cases, missing_episodes, offenders, case_offender_links, locations, location_reports, disruptions, boundaries.geojson, population.csv) and is ignored`);
      continue;
    }
    const same = batch.find((b) => b.extract === kind.extract);
    if (same) problems.push(batchProblem(f.name, `${same.name} and ${f.name} are both present: keep one file per extract`));
    else batch.push({ ...f, ...kind });
  }
  if (batch.length === 0 && problems.length === 0) problems.push(batchProblem('(batch)', 'no extract files found'));
  const held = new Set((await db.named('import/history#held_extracts')).map((r) => String(r.extract)));
  for (const spec of EXTRACTS) {
    if (spec.required && !held.has(spec.name) && !batch.some((b) => b.extract === spec.name)) {
      problems.push(batchProblem(`${spec.name}.csv`, `required extract ${spec.name} is missing (${spec.name}.csv or ${spec.name}.xlsx)`));
    }
  }

  // A folder for changed copies of files (see stageCsv), made when first needed.
  let scratchDir: string | null = null;
  const scratch = () => (scratchDir ??= mkdtempSync(join(tmpdir(), 'profiler-import-')));
  return db.withConnection(async (conn) => {
    try {
      const staged: StagedFile[] = [];
      const hashes = new Map<string, string>();
      let boundaries: { file: BatchFile; rows: Boundary[] } | null = null;
      for (const f of batch) {
        progress({ file: f.name, phase: 'reading', fraction: 0 });
        const buf = await readFile(f.path);
        const sha256 = () => hashes.set(f.name, createHash('sha256').update(buf).digest('hex'));
        if (f.format === 'geojson') {
          sha256();
          const parsed = parseBoundaries(f.name, buf);
          problems.push(...parsed.problems);
          boundaries = { file: f, rows: parsed.boundaries };
          progress({ file: f.name, phase: 'read', rows: parsed.boundaries.length, fraction: 1 });
          continue;
        }
        const spec = extractSpec(f.extract) as ExtractSpec;
        const staging = stageOne(conn, spec, f, buf, scratch, (fraction) => progress({ file: f.name, phase: 'reading', fraction }));
        sha256(); // while DuckDB reads the file
        const s = await staging;
        staged.push(s);
        problems.push(...s.problems);
        warnings.push(...s.warnings);
        progress({ file: f.name, phase: 'read', rows: s.rows, fraction: 1 });
      }

      const targets = refTargets(staged);
      for (const s of staged.filter((x) => x.source)) {
        progress({ file: s.file, phase: 'validating', rows: s.rows });
        problems.push(...(await validateStaged(conn, s, targets)));
      }
      if (problems.length) {
        const sorted = sortProblems(problems);
        return { ok: false as const, problems: sorted, report: buildReport(sorted), warnings };
      }
      warnings.push(...(await keptReferenceWarnings(conn, staged)));

      const files: ImportedFile[] = [
        ...staged.map((s) => ({ extract: s.spec.name, file: s.file, rows: s.rows, sha256: hashes.get(s.file)! })),
        ...(boundaries ? [{ extract: BOUNDARIES, file: boundaries.file.name, rows: boundaries.rows.length, sha256: hashes.get(boundaries.file.name)! }] : []),
      ];
      const importId = await inTransaction(conn, async () => {
        for (const s of staged) {
          progress({ file: s.file, phase: 'storing', rows: s.rows });
          await storeExtract(conn, s);
        }
        if (boundaries) await storeBoundaries(conn, boundaries.rows);
        const id = await recordImport(conn, opts.source, opts.importedBy, files);
        await db.bumpDataVersion(conn);
        return id;
      });
      db.forgetDataVersion();
      warnings.push(...(await wardWarnings(conn, files.map((f) => f.extract))));
      for (const f of files) progress({ file: f.file, phase: 'done', rows: f.rows, fraction: 1 });
      return { ok: true as const, importId, files, warnings };
    } finally {
      await dropTempTables(conn);
      if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
    }
  });
}

async function stageOne(
  conn: DuckDBConnection,
  spec: ExtractSpec,
  f: BatchFile,
  buf: Buffer,
  scratch: () => string,
  onFraction: (fraction: number) => void,
): Promise<StagedFile> {
  try {
    return f.format === 'xlsx' ? await stageXlsx(conn, spec, f.name, buf) : await stageCsv(conn, spec, f.name, f.path, buf, scratch, onFraction);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : 'unknown error';
    return failed(spec, f.name, [batchProblem(f.name, `the file cannot be read: ${message}`)]);
  }
}

/** References resolve to the batch's staging table when the extract is in the batch, else to the stored table. */
function refTargets(staged: StagedFile[]): RefTargets {
  return (extract) => {
    const inBatch = staged.find((s) => s.spec.name === extract);
    if (inBatch && !inBatch.source) return null;
    if (inBatch) return { relation: stagingTable(extract), column: (c) => `v_${c}`, label: inBatch.file };
    const spec = extractSpec(extract) as ExtractSpec;
    return { relation: spec.table, column: (c) => c, label: `the ${extract} already imported` };
  };
}

/** The batch's writes: one transaction on the connection that holds its staging tables. */
async function inTransaction<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const out = await fn();
    await conn.run('COMMIT');
    return out;
  } catch (e) {
    await conn.run('ROLLBACK');
    throw e;
  }
}

async function dropTempTables(conn: DuckDBConnection): Promise<void> {
  const reader = await conn.runAndReadAll(
    "SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'imp_')",
  );
  for (const r of reader.getRowObjectsJson()) {
    const name = String(r.table_name);
    if (/^imp_[a-z_]+$/.test(name)) await conn.run(`DROP TABLE IF EXISTS temp.main.${name}`);
  }
}
