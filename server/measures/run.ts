// Runs the measures and breakdowns of sql/measures and sql/breakdowns for one
// or many periods, on one connection: the `periods` table, the `period_days`
// view and the shared macros (sql/measures/common.sql) are created first, then
// every query reads them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { runAll, type Database, type Row } from '../db.ts';
import { sql } from '../sql.ts';
import type { Period } from '../period.ts';
import { MEASURES, type BreakdownDef } from './definitions.ts';
import { NOT_RECORDED } from './codes.ts';
import { sqlParams, type MeasureParams } from './params.ts';

export type MeasureValues = Record<string, number | null>;
export interface BreakdownRow {
  key: string;
  count: number;
}

/** Creates `periods`, `period_days` and the shared macros on a connection (also for queries run outside this module). */
export async function preparePeriods(c: DuckDBConnection, periods: Period[]): Promise<void> {
  const rows = periods.map(({ period, date_from, date_to }) => ({ period, date_from, date_to }));
  await runAll(c, sql('periods').sql, { periods: JSON.stringify(rows) });
  await c.run(sql('measures/common').sql);
}

/** Every measure for every period: period label → { measure id → value }. */
export async function computeMeasures(
  db: Database,
  periods: Period[],
  params: MeasureParams = {},
): Promise<Map<string, MeasureValues>> {
  const out = new Map<string, MeasureValues>(periods.map((p) => [p.period, {}]));
  const bound = sqlParams(params);
  await db.withConnection(async (c) => {
    await preparePeriods(c, periods);
    for (const m of MEASURES) {
      const rows = await runAll(c, sql(`measures/${m.group}#${m.id}`).sql, bound);
      for (const r of rows) {
        const values = out.get(String(r.period));
        if (values) values[m.id] = r.value === null ? null : Number(r.value);
      }
    }
  });
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
