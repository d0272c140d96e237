// The staging table of one extract: for every column of the contract the value
// converted to the stored type. Both readers (CSV, XLSX) fill it through the
// same SQL from a relation of text columns, so one validation path serves both.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType, ExtractSpec } from './spec.ts';
import type { ImportProblem } from './problems.ts';
import { convertRaw, recorded } from './convert.ts';

/** Where a record's line number changes pace: from staging row `fromRow` on, line = row + delta. */
export interface Breakpoint {
  fromRow: number;
  delta: number;
}

/** Maps staging rows (0-based, in file order) to lines of the file. */
export class LineMap {
  constructor(readonly breakpoints: Breakpoint[]) {}

  lineOf(row: number): number {
    let lo = 0;
    let hi = this.breakpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.breakpoints[mid].fromRow <= row) lo = mid;
      else hi = mid - 1;
    }
    return row + this.breakpoints[lo].delta;
  }
}

/** One extract file of the batch, read (or refused while reading). */
export interface StagedFile {
  spec: ExtractSpec;
  file: string;
  rows: number;
  lineMap: LineMap;
  problems: ImportProblem[];
  warnings: string[];
  /** Set when the staging table holds every record (so values can be validated). */
  source: Source | null;
}

export function failed(spec: ExtractSpec, file: string, problems: ImportProblem[], warnings: string[] = []): StagedFile {
  return { spec, file, rows: 0, lineMap: new LineMap([{ fromRow: 0, delta: 2 }]), problems, warnings, source: null };
}

export function stagingTable(extract: string): string {
  return `imp_stg_${extract}`;
}

export function linesTable(extract: string): string {
  return `imp_lines_${extract}`;
}

/** Column name of the source relation holding file position `i`. */
export const sourceColumn = (i: number) => `f${i}`;

/** Types whose not-recorded markers must be removed before reading (a marker would read as a value). */
export function readsMarkers(type: ColumnType): boolean {
  return type.kind === 'text' || type.kind === 'area' || type.kind === 'codes';
}

/** The relation an extract was read from: `sql` has columns f0…fn in file order; its parameters are in `params`. */
export interface Source {
  sql: string;
  params: Record<string, string>;
  positions: Map<string, number>;
}

function rawOf(source: Source, column: string): string {
  const pos = source.positions.get(column);
  return pos === undefined ? 'NULL::VARCHAR' : sourceColumn(pos);
}

/**
 * Creates the staging table: `v_x` the value as stored (NULL when not recorded
 * or unreadable) and, for columns that can be unreadable, `b_x` (recorded but
 * unreadable). Raw cells are not kept: only a refused batch needs them, and
 * `createRawTable` reads them again then. Returns the row count.
 */
export async function createStaging(
  conn: DuckDBConnection,
  spec: ExtractSpec,
  source: Source,
  onFraction?: (fraction: number) => void,
): Promise<number> {
  const read = spec.columns.map((c) => `${rawOf(source, c.name)} AS r_${c.name}`);
  const converted = spec.columns.map((c) => `${readsMarkers(c.type) ? '' : `r_${c.name}, `}${convertRaw(c.type, `r_${c.name}`)} AS v_${c.name}`);
  const flagged = spec.columns.map((c) =>
    readsMarkers(c.type)
      ? `v_${c.name}`
      : `v_${c.name}, CASE WHEN v_${c.name} IS NOT NULL OR r_${c.name} IS NULL THEN false ELSE ${recorded(`r_${c.name}`)} IS NOT NULL END AS b_${c.name}`,
  );
  const table = stagingTable(spec.name);
  await conn.run(`DROP TABLE IF EXISTS ${table}`);
  const create = `CREATE TEMP TABLE ${table} AS SELECT ${flagged.join(', ')} FROM (SELECT ${converted.join(', ')} FROM (SELECT ${read.join(', ')} FROM ${source.sql}))`;
  await withProgress(conn, onFraction, () => conn.run(create, source.params));
  const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
  return Number(reader.getRowObjectsJson()[0].n);
}

/** Runs a long statement, reporting DuckDB's progress (0–1) every half second. */
async function withProgress<T>(conn: DuckDBConnection, report: ((f: number) => void) | undefined, fn: () => Promise<T>): Promise<T> {
  if (!report) return fn();
  await conn.run('SET enable_progress_bar = true');
  await conn.run('SET enable_progress_bar_print = false');
  let last = 0;
  const timer = setInterval(() => {
    const f = conn.progress.percentage / 100;
    if (f > last && f < 1) report((last = f));
  }, 500);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    await conn.run('RESET enable_progress_bar');
    await conn.run('RESET enable_progress_bar_print');
  }
}

/** The raw cells (`r_x`) beside the staged values, row for row (for the problems of a refused file). */
export async function createCheckTable(conn: DuckDBConnection, spec: ExtractSpec, source: Source): Promise<string> {
  const raw = `imp_raw_${spec.name}`;
  const check = `imp_chk_${spec.name}`;
  const cols = spec.columns.map((c) => `${rawOf(source, c.name)} AS r_${c.name}`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT ${cols.join(', ')} FROM ${source.sql}`, source.params);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${check} AS SELECT * FROM ${stagingTable(spec.name)} POSITIONAL JOIN ${raw}`);
  return check;
}

/** Loads the line map into a temp table when the lines are not simply row + delta. */
export async function createLinesTable(conn: DuckDBConnection, extract: string, map: LineMap): Promise<string | null> {
  if (map.breakpoints.length === 1) return null;
  const table = linesTable(extract);
  await conn.run(`DROP TABLE IF EXISTS ${table}`);
  await conn.run(`CREATE TEMP TABLE ${table} (from_row BIGINT, delta BIGINT)`);
  const appender = await conn.createAppender(table, 'main', 'temp');
  for (const b of map.breakpoints) {
    appender.appendBigInt(BigInt(b.fromRow));
    appender.appendBigInt(BigInt(b.delta));
    appender.endRow();
  }
  appender.closeSync();
  return table;
}

/** SQL relation of the staging rows with their file line as `line` (for storage). */
export function stagedWithLines(extract: string, map: LineMap, lines: string | null): string {
  const stg = stagingTable(extract);
  if (!lines) return `(SELECT *, rowid + ${map.breakpoints[0].delta} AS line FROM ${stg})`;
  return `(SELECT s.*, s.k + l.delta AS line FROM (SELECT rowid AS k, * FROM ${stg}) s ASOF JOIN ${lines} l ON s.k >= l.from_row)`;
}
