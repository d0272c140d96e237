// Set-based validation of a staged extract: one UNION ALL query finds every
// broken rule of the contract — required values, readable values, ranges, code
// lists, unique keys, dates in order and references to other extracts (in
// this batch, or already held). A clean file costs one pass over the staged
// values; only a refused file has its raw cells read again, to list each
// problem as (row, column, value, message).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, ExtractName } from './spec.ts';
import type { ImportProblem } from './problems.ts';
import { badCodes, hasBadCodes, invalidMessage, lit, rangeOf } from './convert.ts';
import { createCheckTable, readsMarkers, stagingTable, type StagedFile } from './staging.ts';

/** At most this many problems are listed per file; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 5000;

interface Check {
  column: string;
  value: string;
  message: string;
  where: string;
  /** Row (0-based) of the first occurrence, for duplicates. */
  firstRow?: string;
  /** The rows checked, from the relation of staged values (and raw cells). */
  from?: (relation: string) => string;
  /** A cheaper query for the clean pass, with a row when the check fails anywhere. */
  probe?: (relation: string) => string;
}

/** Where references to an extract are looked up: its staging table when it is in the batch, else the stored table. */
export type RefTargets = (extract: ExtractName) => { relation: string; column: (c: string) => string; label: string } | null;

function columnChecks(c: ColumnSpec): Check[] {
  const r = `r_${c.name}`;
  const v = `v_${c.name}`;
  const b = `b_${c.name}`;
  const checks: Check[] = [];
  const missing = readsMarkers(c.type) ? `${v} IS NULL` : `${v} IS NULL AND NOT ${b}`;
  if (c.required) checks.push({ column: c.name, value: r, message: lit('required value not recorded'), where: missing });
  if (!readsMarkers(c.type)) {
    checks.push({ column: c.name, value: r, message: invalidMessage(c.type, `trim(${r})`), where: b });
  }
  const range = rangeOf(c.type);
  if (range) {
    checks.push({
      column: c.name,
      value: r,
      message: lit(`out of range: must be from ${range.min} to ${range.max}`),
      where: `${v} NOT BETWEEN ${range.min} AND ${range.max}`,
    });
  }
  if (c.type.kind === 'codes') {
    checks.push({
      column: c.name,
      value: r,
      message: `'unknown code ' || array_to_string(${badCodes(c.type.codes, v)}, ', ') || ': expected codes from ' || ${lit(c.type.codes.join(', '))}`,
      where: hasBadCodes(c.type.codes, v),
    });
  }
  return checks;
}

function ruleChecks(file: StagedFile, targets: RefTargets): Check[] {
  const spec = file.spec;
  const checks: Check[] = [];
  if (spec.unique) {
    const [first] = spec.unique;
    const keys = spec.unique.map((u) => `v_${u}`);
    const label = spec.unique.join('/');
    checks.push({
      column: first,
      value: spec.unique.length === 1 ? `r_${first}` : `concat_ws(', ', ${spec.unique.map((u) => `r_${u}`).join(', ')})`,
      message: lit(`duplicate ${label}`),
      where: `k > first_row`,
      firstRow: 'first_row',
      from: (relation) => `(SELECT rowid AS k, *, min(rowid) OVER (PARTITION BY ${keys.join(', ')}) AS first_row
              FROM ${relation} WHERE ${keys.map((k) => `${k} IS NOT NULL`).join(' AND ')})`,
      probe: (relation) => `SELECT 1 FROM ${relation} WHERE ${keys.map((k) => `${k} IS NOT NULL`).join(' AND ')}
              GROUP BY ${keys.join(', ')} HAVING count(*) > 1`,
    });
  }
  if (spec.order) {
    const [later, earlier] = spec.order;
    checks.push({
      column: later,
      value: `r_${later}`,
      message: `${lit(`before ${earlier} `)} || coalesce(r_${earlier}, '')`,
      where: `v_${later} < v_${earlier}`,
    });
  }
  for (const c of spec.columns) {
    if (!c.ref) continue;
    const [extract, column] = c.ref;
    const t = targets(extract);
    if (!t) continue; // the referenced file of this batch could not be read: its own problems are listed
    checks.push({
      column: c.name,
      value: `r_${c.name}`,
      message: lit(`no such ${column} in ${t.label}`),
      where: `v_${c.name} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${t.relation} t WHERE t.${t.column(column)} = s.v_${c.name})`,
    });
  }
  return checks;
}

export async function validateStaged(conn: DuckDBConnection, file: StagedFile, targets: RefTargets): Promise<ImportProblem[]> {
  const spec = file.spec;
  const checks = [...spec.columns.flatMap(columnChecks), ...ruleChecks(file, targets)];
  // A clean file costs one pass that stops at the first broken rule.
  const staged = stagingTable(spec.name);
  const probes = checks.map((ch) => (ch.probe ? ch.probe(staged) : `SELECT 1 FROM ${staged} s WHERE ${ch.where}`));
  const clean = await conn.runAndReadAll(`SELECT 1 FROM (${probes.join('\nUNION ALL\n')}) LIMIT 1`);
  if (clean.currentRowCount === 0) return [];

  const relation = await createCheckTable(conn, spec, file.source!);
  const all = `(${checks
    .map((ch, i) => {
      const from = ch.from ? ch.from(relation) : `(SELECT rowid AS k, * FROM ${relation})`;
      return `SELECT k, ${i} AS ord, ${lit(ch.column)} AS col, ${ch.value} AS value, ${ch.message} AS message, ${ch.firstRow ?? 'NULL::BIGINT'} AS first_row FROM ${from} s WHERE ${ch.where}`;
    })
    .join('\nUNION ALL\n')})`;
  const reader = await conn.runAndReadAll(
    `SELECT k::BIGINT AS k, col, value, message, first_row::BIGINT AS first_row FROM ${all} ORDER BY k, ord LIMIT ${MAX_PROBLEMS_PER_FILE + 1}`,
  );
  const rows = reader.getRowObjectsJson();
  const problems = rows.slice(0, MAX_PROBLEMS_PER_FILE).map((r): ImportProblem => {
    const first = r.first_row === null ? '' : ` (first at row ${file.lineMap.lineOf(Number(r.first_row))})`;
    return {
      file: file.file,
      row: file.lineMap.lineOf(Number(r.k)),
      column: String(r.col),
      value: r.value === null ? '' : String(r.value),
      message: String(r.message) + first,
    };
  });
  if (rows.length > MAX_PROBLEMS_PER_FILE) {
    const count = await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${all}`);
    const more = Number(count.getRowObjectsJson()[0].n) - MAX_PROBLEMS_PER_FILE;
    problems.push({ file: file.file, row: null, column: null, value: null, message: `… and ${more} more problems in this file (not listed)` });
  }
  return problems;
}
