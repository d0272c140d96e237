// Extract import: a batch of files (a folder, or an upload) is read into
// staging tables, validated against the contract (docs/extracts.md)
// as a whole, and only then written, in one transaction, replacing the
// extracts it contains and keeping the others. A rejected batch stores
// nothing and lists every problem as `file:row:column — value — what is wrong`.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db.ts';
import { buildReport, formatProblem, sortProblems, type ImportProblem } from './problems.ts';
import { BOUNDARIES, extractSpec, type ExtractName, type ExtractSpec } from './spec.ts';
import { stageCsv } from './csv-source.ts';
import { stageXlsx } from './xlsx-source.ts';
import { validateStaged, type RefTargets } from './validate.ts';
import { parseBoundaries, type Boundary } from './boundaries.ts';
import { importAuditEntry, recordImport, storeBoundaries, storeExtract, type ImportedFile } from './store.ts';
import { auditLogFor } from '../audit/log.ts';
import { failed, stagingTable, type StagedFile } from './staging.ts';
import { keptReferenceProblems } from './kept.ts';
import { makeScratchDir } from './scratch.ts';
import { headerRecord, splitRecord } from './csv-scan.ts';
import { recognise } from './sources/recognise.ts';
import { SOURCES, type Layout } from './sources/layouts.ts';
import { sourceTable, stageSourceCsv, type StagedSource } from './sources/stage.ts';
import { stageCinXml } from './sources/cin-xml.ts';
import { dropSourceViews, mapSources, storeSources, type MappedOutput } from './sources/batch.ts';
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

interface SourceFile {
  name: string;
  path: string;
  layout: Layout;
  headers: string[];
  positions: Map<string, number>;
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

function batchProblem(file: string, message: string): ImportProblem {
  return { file, row: null, column: null, value: null, message };
}

async function runImport(db: Database, input: { name: string; path: string }[], opts: ImportOptions): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const warnings: string[] = [];
  const problems: ImportProblem[] = [];
  const batch: BatchFile[] = [];
  const sources: SourceFile[] = [];
  for (const f of input) {
    const kind = await recognise(f.name, f.path).catch(() => null);
    if (!kind) {
      // A README or a hidden file travelling with the extracts is not data: no warning.
      if (/^(\.|readme\b)/i.test(f.name)) continue;
      warnings.push(`${f.name} is not an extract of the contract (cases, missing_episodes, offenders, case_offender_links, locations, location_reports, disruptions, boundaries.geojson, population.csv) nor a file of a source we read (docs/sources.md), and is ignored`);
      continue;
    }
    if (kind.kind === 'source') {
      const same = sources.find((b) => b.layout === kind.layout);
      if (same && !kind.layout.multipleFiles) problems.push(batchProblem(f.name, `${same.name} and ${f.name} are both ${kind.layout.label} files: keep one`));
      else sources.push({ ...f, layout: kind.layout, headers: kind.headers, positions: kind.positions });
      continue;
    }
    const same = batch.find((b) => b.extract === kind.extract);
    if (same) problems.push(batchProblem(f.name, `${same.name} and ${f.name} are both present: keep one file per extract`));
    else batch.push({ ...f, extract: kind.extract, format: kind.format });
  }
  // Each table is written from one file (or one source) per batch.
  const writers = new Map<string, string>(batch.map((b) => [b.extract, b.name]));
  for (const o of SOURCES.flatMap((x) => x.outputs)) {
    const primary = sources.find((f) => f.layout.layout === o.primary);
    if (!primary) continue;
    const other = writers.get(o.extract);
    if (other) problems.push(batchProblem(primary.name, `${other} and ${primary.name} (${primary.layout.label}) both give ${o.extract}: keep one`));
    else writers.set(o.extract, primary.name);
  }
  if (batch.length === 0 && sources.length === 0 && problems.length === 0) problems.push(batchProblem('(batch)', 'no extract files found'));

  // A folder for changed copies of files (see stageCsv), made when first needed.
  let scratchDir: string | null = null;
  const scratch = () => (scratchDir ??= makeScratchDir());
  return db.withConnection(async (conn) => {
    try {
      const staged: StagedFile[] = [];
      const hashes = new Map<string, string>();
      const ownHeaders = new Map<string, string[]>();
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
        const h = f.format === 'csv' ? headerRecord(buf) : null;
        if (h) ownHeaders.set(f.name, splitRecord(buf.subarray(h.start, h.end).toString('utf8')).map((x) => x.replace(/^\uFEFF/, '').trim()));
        const spec = extractSpec(f.extract) as ExtractSpec;
        const staging = stageOne(conn, spec, f, buf, scratch, (fraction) => progress({ file: f.name, phase: 'reading', fraction }));
        sha256(); // while DuckDB reads the file
        const s = await staging;
        staged.push(s);
        problems.push(...s.problems);
        warnings.push(...s.warnings);
        progress({ file: f.name, phase: 'read', rows: s.rows, fraction: 1 });
      }
      const stagedSources: StagedSource[] = [];
      for (const [i, f] of sources.entries()) {
        progress({ file: f.name, phase: 'reading', fraction: 0 });
        const buf = await readFile(f.path);
        hashes.set(f.name, createHash('sha256').update(buf).digest('hex'));
        const s = await stageSource(conn, f, buf, sourceTable(i), scratch);
        stagedSources.push(s);
        problems.push(...s.problems);
        progress({ file: f.name, phase: 'read', rows: s.rows, fraction: 1 });
      }
      let mapped: MappedOutput[] = [];
      const sourceFiles: ImportedFile[] = [];
      if (stagedSources.length && !problems.length) {
        const m = await mapSources(conn, stagedSources);
        problems.push(...m.problems);
        warnings.push(...m.warnings);
        mapped = m.outputs;
        for (const r of m.files) {
          sourceFiles.push({ extract: r.extract, file: r.file, rows: r.rows, sha256: hashes.get(r.file)!, layout: r.layout, readAs: r.readAs, used: r.used, dropped: r.dropped });
        }
        // Files that only add to another (an SSDA903 header file alone) make no batch.
        if (!m.problems.length && !mapped.length && !batch.length) problems.push(batchProblem('(batch)', `nothing to store: ${m.warnings.join('; ')}`));
      }

      const targets = refTargets(staged, mapped, sourceFiles);
      for (const s of staged.filter((x) => x.source)) {
        progress({ file: s.file, phase: 'validating', rows: s.rows });
        problems.push(...(await validateStaged(conn, s, targets)));
      }
      // Kept rows the batch would leave pointing at nothing: looked for once the batch itself is sound.
      if (!problems.length) problems.push(...(await keptReferenceProblems(conn, staged)));
      if (problems.length) {
        const sorted = sortProblems(problems);
        return { ok: false as const, problems: sorted, report: buildReport(sorted), warnings };
      }

      const files: ImportedFile[] = [
        ...staged.map((s) => ({ extract: s.spec.name, file: s.file, rows: s.rows, sha256: hashes.get(s.file)!, layout: 'extract', ...ownColumns(s, ownHeaders.get(s.file)) })),
        ...(boundaries
          ? [{ extract: BOUNDARIES, file: boundaries.file.name, rows: boundaries.rows.length, sha256: hashes.get(boundaries.file.name)!, layout: 'extract', readAs: `boundaries, ${boundaries.rows.length} areas` }]
          : []),
        ...sourceFiles,
      ];
      // The batch's writes and its audit entry: one transaction on the connection that holds the staging tables.
      const importId = await auditLogFor(db).change(
        conn,
        async () => {
          for (const s of staged) {
            progress({ file: s.file, phase: 'storing', rows: s.rows });
            await storeExtract(conn, s);
          }
          await storeSources(conn, mapped);
          if (boundaries) await storeBoundaries(conn, boundaries.rows);
          const id = await recordImport(conn, opts.source, opts.importedBy, files);
          await db.bumpDataVersion(conn);
          return id;
        },
        (id) => importAuditEntry(opts, id, files),
      );
      warnings.push(...(await wardWarnings(conn, files.map((f) => f.extract))));
      for (const f of files) progress({ file: f.file, phase: 'done', rows: f.rows, fraction: 1 });
      return { ok: true as const, importId, files, warnings };
    } finally {
      await dropSourceViews(conn);
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

/**
 * References resolve to the batch's staging table when the extract is in the
 * batch, to the rows mapped from a source file of the batch, else to the stored table.
 */
function refTargets(staged: StagedFile[], mapped: MappedOutput[], sourceFiles: ImportedFile[]): RefTargets {
  return (extract) => {
    const inBatch = staged.find((s) => s.spec.name === extract);
    if (inBatch && !inBatch.source) return null;
    if (inBatch) return { relation: stagingTable(extract), column: (c) => `v_${c}`, label: inBatch.file };
    const fromSource = mapped.find((m) => m.output.extract === extract);
    if (fromSource) {
      const file = sourceFiles.find((f) => f.layout === fromSource.output.primary)?.file ?? fromSource.output.primary;
      return { relation: fromSource.table, column: (c) => c, label: file };
    }
    const spec = extractSpec(extract) as ExtractSpec;
    return { relation: spec.table, column: (c) => c, label: `the ${extract} already imported` };
  };
}

/** A source file read and checked on its own (CSV by its header, the CIN census as XML). */
async function stageSource(conn: DuckDBConnection, f: SourceFile, buf: Buffer, table: string, scratch: () => string): Promise<StagedSource> {
  try {
    return f.layout.format === 'xml'
      ? await stageCinXml(conn, { layout: f.layout, file: f.name, buf, table })
      : await stageSourceCsv(conn, { layout: f.layout, file: f.name, path: f.path, buf, headers: f.headers, positions: f.positions, table, scratch });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : 'unknown error';
    return { layout: f.layout, file: f.name, table, rows: 0, problems: [batchProblem(f.name, `the file cannot be read as ${f.layout.label}: ${message}`)], used: [], dropped: [] };
  }
}

/** What an extract file of our own format was read as, and its columns used and not read. */
function ownColumns(s: StagedFile, headers: string[] | undefined): Pick<ImportedFile, 'readAs' | 'used' | 'dropped'> {
  const readAs = `${s.spec.name} (our extract format), ${s.rows} ${s.rows === 1 ? 'row' : 'rows'}`;
  const positions = s.source?.positions ?? new Map<string, number>();
  const used = new Set(positions.values());
  return { readAs, used: Array.from(positions.keys()), dropped: (headers ?? []).filter((_, i) => !used.has(i)) };
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
