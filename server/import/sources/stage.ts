// Reads one CSV file of a source layout into a temp table: for every column
// of the layout the raw cell (`r_<key>`) and the value as kept (`<key>`), with
// the file's line. Then checks it as strictly as our own format, naming each
// problem by the file's own header (`missing.csv:5:MIS_END — "31/02/2018" —
// no such date`). Identifier values (dates of birth, UPNs) never appear in a
// message: only the header and the rule broken.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit, recorded } from '../convert.ts';
import type { ImportProblem } from '../problems.ts';
import { dataLineBreakpoints, headerRecord, mixedLineEndings, recordLines, withLfEndings } from '../csv-scan.ts';
import { createLinesTable, LineMap } from '../staging.ts';
import { MAX_PROBLEMS_PER_FILE } from '../validate.ts';
import type { Layout, SourceColumn } from './layouts.ts';
import { convertSource, factorsOurs, keptType, unknownFactors, unreadable, unreadableMessage } from './convert.ts';

export interface StagedSource {
  layout: Layout;
  file: string;
  /** Temp table of the file's rows (`src_file`, `line`, `r_<key>`, `<key>`). */
  table: string;
  rows: number;
  problems: ImportProblem[];
  /** The file's headers read (with what they give) and the ones not read. */
  used: string[];
  dropped: string[];
}

/** The temp table of the i-th file of the batch (letters only, so the import's clean-up drops it). */
export function sourceTable(i: number): string {
  let name = '';
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    name = String.fromCharCode(97 + (n % 26)) + name;
    if (n < 26) break;
  }
  return `imp_src_${name}`;
}

/** The typed columns of a layout with no rows (a file of the layout that is not in the batch). */
export function emptyRelation(layout: Layout): string {
  const cols = layout.columns.flatMap((c) => [
    `NULL::VARCHAR AS r_${c.key}`,
    `NULL::${keptType(c.type)} AS ${c.key}`,
    ...(c.type.kind === 'factors' ? [`NULL::VARCHAR[] AS ${c.key}_ours`] : []),
  ]);
  return `SELECT NULL::VARCHAR AS src_file, NULL::BIGINT AS line, ${cols.join(', ')} WHERE false`;
}

function headerNames(headers: string[], positions: Map<string, number>): Map<string, string> {
  return new Map(Array.from(positions, ([k, i]) => [k, headers[i].replace(/^\uFEFF/, '').trim()]));
}

export async function stageSourceCsv(
  conn: DuckDBConnection,
  args: { layout: Layout; file: string; path: string; buf: Buffer; headers: string[]; positions: Map<string, number>; table: string; scratch: () => string },
): Promise<StagedSource> {
  const { layout, file, buf, headers, positions, table } = args;
  const names = headerNames(headers, positions);
  const name = (c: SourceColumn) => names.get(c.key) ?? c.header;
  const read = new Set(positions.values());
  const used = layout.columns.filter((c) => positions.has(c.key)).map((c) => `${name(c)} → ${c.use}`);
  const dropped = headers.map((h, i) => (read.has(i) ? null : h.replace(/^\uFEFF/, '').trim() || `(column ${i + 1}, no header)`)).filter((h): h is string => h !== null);
  const out: StagedSource = { layout, file, table, rows: 0, problems: [], used, dropped };
  for (const c of layout.columns) {
    if (c.required && !positions.has(c.key)) {
      out.problems.push({ file, row: 1, column: c.header, value: null, message: 'required column missing from the header' });
    }
  }
  if (out.problems.length) return out;

  let path = args.path;
  if (mixedLineEndings(buf)) {
    path = join(args.scratch(), `${table}.csv`);
    await writeFile(path, withLfEndings(buf));
  }
  const rejects = `${table}_rej`;
  const scans = `${table}_rejscan`;
  const columns = headers.map((_, i) => `'f${i}': 'VARCHAR'`).join(', ');
  const raw = layout.columns.map((c) => (positions.has(c.key) ? `f${positions.get(c.key)} AS r_${c.key}` : `NULL::VARCHAR AS r_${c.key}`));
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${table}_raw AS SELECT ${raw.join(', ')}
     FROM read_csv($path, header = true, all_varchar = true, columns = {${columns}}, auto_detect = false,
       delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false,
       store_rejects = true, rejects_table = ${lit(rejects)}, rejects_scan = ${lit(scans)})`,
    { path },
  );
  const rejected = (await conn.runAndReadAll(`SELECT line::BIGINT AS line, error_type::VARCHAR AS error_type FROM ${rejects} ORDER BY line LIMIT 1000`)).getRowObjectsJson();
  await conn.run(`DROP TABLE IF EXISTS ${rejects}`);
  await conn.run(`DROP TABLE IF EXISTS ${scans}`);
  if (rejected.length) {
    const lines = recordLines(buf);
    const seen = new Set<number>();
    for (const r of rejected) {
      const line = lines[Number(r.line) - 1] ?? Number(r.line);
      if (seen.has(line)) continue;
      seen.add(line);
      out.problems.push({ file, row: line, column: null, value: null, message: `unreadable row (${String(r.error_type).toLowerCase()}): wrong number of fields or broken quoting` });
    }
    return out;
  }

  // The file's line of each row: row + delta, or the line map where records span lines.
  const map = new LineMap(dataLineBreakpoints(buf, headerRecord(buf)!));
  const linesTable = await createLinesTable(conn, table, map);
  const numbered = linesTable
    ? `SELECT s.* EXCLUDE (k), s.k + l.delta AS line FROM (SELECT rowid AS k, * FROM ${table}_raw) s ASOF JOIN ${linesTable} l ON s.k >= l.from_row`
    : `SELECT *, rowid + ${map.breakpoints[0].delta} AS line FROM ${table}_raw`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table}_lined AS ${numbered}`);
  await conn.run(`DROP TABLE ${table}_raw`);
  if (linesTable) await conn.run(`DROP TABLE ${linesTable}`);
  return typeAndCheck(conn, out, `${table}_lined`, name);
}

/**
 * From a temp table of raw cells (`r_<key>`, `line`), makes the file's table
 * of kept values and lists every broken rule of the layout.
 */
export async function typeAndCheck(conn: DuckDBConnection, out: StagedSource, rawTable: string, name: (c: SourceColumn) => string): Promise<StagedSource> {
  const { layout, table, file } = out;
  const kept = layout.columns.flatMap((c) => {
    const x = recorded(`r_${c.key}`);
    const v = `CAST(${convertSource(c.type, x)} AS ${keptType(c.type)})`;
    return [`${v} AS ${c.key}`, `${unreadable(c.type, x, v)} AS b_${c.key}`];
  });
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table}_typed AS SELECT ${lit(file)} AS src_file, line, ${layout.columns.map((c) => `r_${c.key}`).join(', ')}, ${kept.join(', ')} FROM ${rawTable} ORDER BY line`);
  const ours = layout.columns.filter((c) => c.type.kind === 'factors').map((c) => `, ${factorsOurs(c.type as never, c.key)} AS ${c.key}_ours`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT *${ours.join('')} FROM ${table}_typed`);
  await conn.run(`DROP TABLE ${table}_typed`);
  await conn.run(`DROP TABLE ${rawTable}`);
  out.rows = Number((await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${table}`)).getRowObjectsJson()[0].n);
  out.problems.push(...(await checkRows(conn, layout, file, table, name)));
  return out;
}

/** Every broken rule of the layout in a staged file: required, readable, ranges, codes, order, unique keys. */
async function checkRows(conn: DuckDBConnection, layout: Layout, file: string, table: string, name: (c: SourceColumn) => string): Promise<ImportProblem[]> {
  const byKey = new Map(layout.columns.map((c) => [c.key, c]));
  const parts: string[] = [];
  const add = (c: SourceColumn, ord: number, message: string, where: string, from = table) =>
    parts.push(`SELECT line, ${ord} AS ord, ${lit(name(c))} AS col, ${c.identifier ? 'NULL::VARCHAR' : `r_${c.key}`} AS value, ${message} AS message FROM ${from} WHERE ${where}`);
  layout.columns.forEach((c, i) => {
    const x = recorded(`r_${c.key}`);
    const withheld = c.identifier ? ` || ${lit(` (the value is not shown: ${name(c)} is an identifier)`)}` : '';
    if (c.required) add(c, i * 10, lit('required value not recorded'), `${x} IS NULL`);
    add(c, i * 10 + 1, `${unreadableMessage(c, x)}${withheld}`, `b_${c.key}`);
    if (c.type.kind === 'integer' || c.type.kind === 'decimal') {
      add(c, i * 10 + 2, lit(`out of range: must be from ${c.type.min} to ${c.type.max}`), `${c.key} NOT BETWEEN ${c.type.min} AND ${c.type.max}`);
    }
    if (c.type.kind === 'factors') {
      const bad = unknownFactors(c.type, c.key);
      add(c, i * 10 + 3, `'unknown code ' || array_to_string(${bad}, ', ') || ': not an assessment factor of the DfE list (docs/sources.md)'`, `len(${bad}) > 0`);
    }
    if (c.notBefore) {
      const other = byKey.get(c.notBefore)!;
      const shown = other.identifier ? lit(`before ${name(other)}`) : `${lit(`before ${name(other)} `)} || r_${other.key}`;
      add(c, i * 10 + 4, shown, `${c.key} < ${other.key}`);
    }
  });
  if (layout.unique?.length) {
    const keys = layout.unique;
    const first = byKey.get(keys[0])!;
    const label = keys.map((k) => name(byKey.get(k)!)).join('/');
    parts.push(`SELECT line, 9999 AS ord, ${lit(name(first))} AS col, ${first.identifier ? 'NULL::VARCHAR' : `concat_ws(', ', ${keys.map((k) => `r_${k}`).join(', ')})`} AS value,
      ${lit(`duplicate ${label} (first at row `)} || first_line || ')' AS message
      FROM (SELECT *, min(line) OVER (PARTITION BY ${keys.join(', ')}) AS first_line FROM ${table} WHERE ${keys.map((k) => `${k} IS NOT NULL`).join(' AND ')})
      WHERE line > first_line`);
  }
  const rows = (await conn.runAndReadAll(
    `SELECT line::BIGINT AS line, col, value, message FROM (${parts.join('\nUNION ALL\n')}) ORDER BY line, ord LIMIT ${MAX_PROBLEMS_PER_FILE}`,
  )).getRowObjectsJson();
  return rows.map((r) => ({ file, row: Number(r.line), column: String(r.col), value: r.value === null ? null : String(r.value), message: String(r.message) }));
}
