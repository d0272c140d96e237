// Runs a named query of sql/profiles on one connection prepared as the measures
// are (`periods` and the shared macros of sql/measures/common.sql: age bands,
// `victim_cases` filters), so a band or a filter means the same here as there.
// The query reads the period as $from and $to.
import { runAll, type Database, type Params, type Row } from '../db.ts';
import { sql } from '../sql.ts';
import type { Period } from '../period.ts';
import { preparePeriods } from '../measures/run.ts';

export function runProfileQuery(db: Database, name: string, period: Period, params: Params = {}): Promise<Row[]> {
  return db.withConnection(async (c) => {
    await preparePeriods(c, [period]);
    return runAll(c, sql(`profiles/${name}`).sql, { ...params, from: period.date_from, to: period.date_to });
  });
}
