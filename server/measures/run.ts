// Runs the measures and breakdowns of sql/measures and sql/breakdowns for one
// or many periods. Each connection gets the `periods` table, the `period_days`
// view, the span of the periods and the shared macros (sql/measures/common.sql)
// first; then every query reads them.
//
// Each measure is one named block of SQL (shown as such in the methodology
// appendix). Blocks of the form
//   SELECT period, <aggregate> AS value FROM <rows> GROUP BY period;
// that read the very same <rows> are computed in one pass: one query whose
// columns are their aggregates, so an extract is scanned once for all of them,
// not once per measure. Every other block runs as written. Passes run
// concurrently, each on its own connection.
import type { DuckDBConnection } from '@duckdb/node-api';
import { runAll, type Database, type Row } from '../db.ts';
import { sql } from '../sql.ts';
import type { Period } from '../period.ts';
import { MEASURES, type BreakdownDef, type MeasureDef } from './definitions.ts';
import { NOT_RECORDED } from './codes.ts';
import { sqlParams, type MeasureParams } from './params.ts';

export type MeasureValues = Record<string, number | null>;
export interface BreakdownRow {
  key: string;
  count: number;
}

/** Creates `periods`, `period_days`, the span and the shared macros on a connection (also for queries run outside this module). */
export async function preparePeriods(c: DuckDBConnection, periods: Period[]): Promise<void> {
  const rows = periods.map(({ period, date_from, date_to }) => ({ period, date_from, date_to }));
  await runAll(c, sql('periods').sql, { periods: JSON.stringify(rows) });
  await c.run(sql('measures/common').sql);
}

/** One query computing one or more measures: a column per measure, a row per period asked for. */
export interface MeasurePass {
  sql: string;
  measures: MeasureDef[];
}

const ONE_PASS = /^SELECT period,\s+([\s\S]+?) AS value\s+FROM\s+([\s\S]+?)\s+GROUP BY period;?$/;

/** The block's SQL without its leading comment (the definition) and final semicolon. */
function statementOf(m: MeasureDef): string {
  const lines = sql(`measures/${m.group}#${m.id}`).sql.split('\n');
  while (lines.length && /^\s*--/.test(lines[0])) lines.shift();
  return lines.join('\n').trim();
}

/**
 * Every period asked for gets a row: a count with nothing to count is 0, a
 * percentage with no denominator has no value.
 */
function everyPeriod(inner: string, columns: { m: MeasureDef; from: string }[]): string {
  const select = columns.map(({ m, from }) => (m.unit === 'count' ? `coalesce(m.${from}, 0) AS ${m.id}` : `m.${from} AS ${m.id}`));
  return `SELECT p.period, ${select.join(', ')}\nFROM periods p\nLEFT JOIN (\n${inner.replace(/;\s*$/, '')}\n) m USING (period)`;
}

/** The passes that compute every measure (built once from the SQL files). */
export function measurePasses(measures: MeasureDef[] = MEASURES): MeasurePass[] {
  const shared = new Map<string, { m: MeasureDef; aggregate: string }[]>();
  const passes: MeasurePass[] = [];
  for (const m of measures) {
    const text = statementOf(m);
    const match = ONE_PASS.exec(text);
    if (!match) {
      passes.push({ sql: everyPeriod(text, [{ m, from: 'value' }]), measures: [m] });
      continue;
    }
    const rows = match[2].replace(/\s+/g, ' ');
    shared.set(rows, [...(shared.get(rows) ?? []), { m, aggregate: match[1] }]);
  }
  for (const [rows, list] of shared) {
    const inner = `SELECT period, ${list.map(({ m, aggregate }) => `${aggregate} AS ${m.id}`).join(',\n       ')}\nFROM ${rows}\nGROUP BY period`;
    passes.push({ sql: everyPeriod(inner, list.map(({ m }) => ({ m, from: m.id }))), measures: list.map(({ m }) => m) });
  }
  return passes;
}

let passes: MeasurePass[] | null = null;

/**
 * Every measure for every period: period label → { measure id → value }. With
 * `only`, just the passes that compute those measures run (the others of a
 * pass come along).
 */
export async function computeMeasures(
  db: Database,
  periods: Period[],
  params: MeasureParams = {},
  only?: readonly string[],
): Promise<Map<string, MeasureValues>> {
  const out = new Map<string, MeasureValues>(periods.map((p) => [p.period, {}]));
  const bound = sqlParams(params);
  passes ??= measurePasses();
  const chosen = only ? passes.filter((pass) => pass.measures.some((m) => only.includes(m.id))) : passes;
  const results = await Promise.all(
    chosen.map((pass) =>
      db.withConnection(async (c) => {
        await preparePeriods(c, periods);
        return { pass, rows: await runAll(c, pass.sql, bound) };
      }),
    ),
  );
  for (const { pass, rows } of results) {
    for (const r of rows) {
      const values = out.get(String(r.period));
      if (!values) continue;
      for (const m of pass.measures) values[m.id] = r[m.id] === null ? null : Number(r[m.id]);
    }
  }
  return out;
}

/**
 * Runs one named query that reads `periods` (e.g. 'population#children_by_area')
 * for the given periods, with thresholds and victims filters bound.
 */
export async function runForPeriods(db: Database, id: string, periods: Period[], params: MeasureParams = {}): Promise<Row[]> {
  return db.withConnection(async (c) => {
    await preparePeriods(c, periods);
    return runAll(c, sql(id).sql, sqlParams(params));
  });
}

/** One breakdown for every period: period label → rows in display order (zero rows omitted). */
export async function computeBreakdown(
  db: Database,
  def: BreakdownDef,
  periods: Period[],
  params: MeasureParams = {},
): Promise<Map<string, BreakdownRow[]>> {
  const out = new Map<string, BreakdownRow[]>(periods.map((p) => [p.period, []]));
  const rows = await runForPeriods(db, `breakdowns/${def.subject}#${def.dimension}`, periods, params);
  for (const r of rows) out.get(String(r.period))?.push({ key: String(r.key), count: Number(r.count) });
  for (const list of out.values()) list.sort(rowOrder(def));
  return out;
}

/** Bands in band order; otherwise largest count first (ties by key), not_recorded last. */
function rowOrder(def: BreakdownDef): (a: BreakdownRow, b: BreakdownRow) => number {
  if (def.banded && def.keys) {
    const keys = def.keys;
    return (a, b) => keys.indexOf(a.key) - keys.indexOf(b.key);
  }
  return (a, b) =>
    Number(a.key === NOT_RECORDED) - Number(b.key === NOT_RECORDED) ||
    b.count - a.count ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
