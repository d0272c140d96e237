// The source files of a batch, after each was read and checked on its own:
// one view per layout (`src_<layout>`, every file of it; an empty one for a
// layout the batch lacks), the layouts' cross-row checks, then each source's
// mapping query (sql/sources/<source>.sql) into `imp_map_<table>`, the
// description of every file, and — inside the batch's transaction — the
// writes. Nothing here holds an identifier beyond the connection's temp tables,
// which the import drops when it ends.
import type { DuckDBConnection } from '@duckdb/node-api';
import { runAll } from '../../db.ts';
import { sql } from '../../sql.ts';
import type { ImportProblem } from '../problems.ts';
import { LAYOUTS, SOURCES, type Layout, type SourceOutput } from './layouts.ts';
import { emptyRelation, type StagedSource } from './stage.ts';

export interface MappedOutput {
  output: SourceOutput;
  /** Temp table of the rows to write. */
  table: string;
  rows: number;
}

export interface ReadFile {
  file: string;
  layout: string;
  /** The table it contributed to. */
  extract: string;
  rows: number;
  readAs: string;
  used: string[];
  dropped: string[];
}

const viewOf = (layout: string) => `src_${layout}`;
const mapTable = (extract: string) => `imp_map_${extract}`;

/** Outputs whose primary layout is in the batch. */
function activeOutputs(staged: StagedSource[]): SourceOutput[] {
  const present = new Set(staged.map((s) => s.layout.layout));
  return SOURCES.flatMap((s) => s.outputs).filter((o) => present.has(o.primary));
}

/** Maps the staged files to our tables; problems of the cross-row checks refuse the batch. */
export async function mapSources(
  conn: DuckDBConnection,
  staged: StagedSource[],
): Promise<{ problems: ImportProblem[]; warnings: string[]; outputs: MappedOutput[]; files: ReadFile[] }> {
  const outputs = activeOutputs(staged);
  const needed = new Set([...staged.map((s) => s.layout.layout), ...outputs.flatMap((o) => o.uses)]);
  for (const name of needed) {
    const layout = LAYOUTS.find((l) => l.layout === name) as Layout;
    const tables = staged.filter((s) => s.layout.layout === name).map((s) => `SELECT * FROM ${s.table}`);
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${viewOf(name)} AS ${tables.length ? tables.join(' UNION ALL BY NAME ') : emptyRelation(layout)}`);
  }
  const problems: ImportProblem[] = [];
  for (const layout of new Set(staged.map((s) => s.layout))) {
    for (const id of layout.checks ?? []) {
      for (const r of await runAll(conn, sql(id).sql)) {
        const column = layout.columns.find((c) => c.key === r.column_key);
        problems.push({ file: String(r.file), row: Number(r.line), column: column?.header ?? null, value: r.value === null ? null : String(r.value), message: String(r.message) });
      }
    }
  }
  if (problems.length) return { problems, warnings: [], outputs: [], files: [] };

  const mapped: MappedOutput[] = [];
  for (const o of outputs) {
    const table = mapTable(o.extract);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${sql(o.query).sql.replace(/;\s*$/, '')}`);
    const rows = Number((await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${table}`)).getRowObjectsJson()[0].n);
    mapped.push({ output: o, table, rows });
  }

  const readAs = new Map<string, string>();
  for (const layout of new Set(staged.map((s) => s.layout))) {
    for (const r of await runAll(conn, sql(layout.describe).sql)) readAs.set(String(r.file), String(r.read_as));
  }
  const warnings: string[] = [];
  for (const o of outputs) {
    for (const id of o.warnings ?? []) for (const r of await runAll(conn, sql(id).sql)) warnings.push(String(r.message));
  }
  const files: ReadFile[] = [];
  for (const s of staged) {
    const o = outputs.find((x) => x.primary === s.layout.layout) ?? outputs.find((x) => x.uses.includes(s.layout.layout));
    if (!o) {
      const wanted = SOURCES.flatMap((x) => x.outputs).filter((x) => x.uses.includes(s.layout.layout)).map((x) => LAYOUTS.find((l) => l.layout === x.primary)?.label ?? x.primary);
      warnings.push(`${s.file} was read as ${s.layout.label}, but no file of the batch uses it (it adds to an ${wanted.join(' or ')} file): nothing from it is stored`);
      continue;
    }
    files.push({ file: s.file, layout: s.layout.layout, extract: o.extract, rows: s.rows, readAs: readAs.get(s.file) ?? s.layout.label, used: s.used, dropped: s.dropped });
  }
  return { problems, warnings, outputs: mapped, files };
}

/** Inside the batch's transaction: each mapped table replaces the stored one. */
export async function storeSources(conn: DuckDBConnection, outputs: MappedOutput[]): Promise<void> {
  for (const m of outputs) {
    await conn.run(`DELETE FROM ${m.output.extract}`);
    await conn.run(`INSERT INTO ${m.output.extract} BY NAME SELECT * FROM ${m.table}`);
  }
}

/** Drops the views of the source layouts (the temp tables go with the import's own clean-up). */
export async function dropSourceViews(conn: DuckDBConnection): Promise<void> {
  for (const l of LAYOUTS) await conn.run(`DROP VIEW IF EXISTS ${viewOf(l.layout)}`);
}
