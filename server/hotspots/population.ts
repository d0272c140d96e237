// Denominators of the choropleth rates: children aged 0–17 per area, from the
// shared definition sql/population.sql#children_by_area (measures.md "Rates").
import type { Database } from '../db.ts';
import { runForPeriods } from '../measures/run.ts';

/** area_code → children aged 0–17 for the year the period ends (or the latest year before it). */
export async function childrenByArea(db: Database, period: { from: string; to: string }): Promise<Map<string, number>> {
  const rows = await runForPeriods(db, 'population#children_by_area', [
    { period: `${period.from}/${period.to}`, date_from: period.from, date_to: period.to },
  ]);
  return new Map(rows.map((r) => [String(r.area_code), Number(r.population)]));
}
