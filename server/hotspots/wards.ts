// Ward counts behind the choropleth maps (sql/hotspots/wards.sql), matched to
// the loaded boundaries, with rates per 10,000 children aged 0–17.
import type { Database } from '../db.ts';
import type { Boundary } from './service.ts';

export const WARD_MEASURES = {
  cases_home: 'Cases by home ward',
  missing_home: 'Missing episodes by home ward',
  missing_found: 'Missing episodes by ward where found',
  location_reports: 'Location reports by ward of the location',
  offenders_home: 'Offenders identified by home ward',
} as const;
export type WardMeasure = keyof typeof WARD_MEASURES;

export interface WardRow {
  area_code: string;
  area_name: string | null;
  count: number;
  /** Children aged 0–17 (the rate's denominator), null when no population is loaded for the ward. */
  population: number | null;
  /** count / population × 10,000, null without population. */
  rate: number | null;
}

/** The measures that follow the location-type filter (the others count cases, episodes or offenders, which have no location type). */
export const TYPED_MEASURES: readonly WardMeasure[] = ['location_reports'];

export interface WardCounts {
  measure: WardMeasure;
  /** The location type counted (TYPED_MEASURES only), null for every type. */
  location_type: string | null;
  label: string;
  /** One row per loaded boundary, in area_code order (zeros included). */
  rows: WardRow[];
  /** Counts not drawn on the map: ward not recorded, or a code with no boundary. */
  unmapped: { ward: string; count: number }[];
}

/** Ward counts of a measure for a period, one row per boundary, rates from `children` (area_code → children aged 0–17). */
export async function wardCounts(
  db: Database,
  measure: WardMeasure,
  period: { from: string; to: string },
  boundaries: Boundary[],
  children: Map<string, number>,
  locationType: string | null = null,
): Promise<WardCounts> {
  const typed = TYPED_MEASURES.includes(measure);
  const found = await db.named(`hotspots/wards#${measure}`, typed ? { ...period, location_type: locationType } : period);
  const byWard = new Map(found.map((r) => [r.ward === null ? null : String(r.ward), Number(r.count)]));
  const rows = boundaries.map((b): WardRow => {
    const count = byWard.get(b.area_code) ?? 0;
    const population = children.get(b.area_code) ?? null;
    return {
      area_code: b.area_code,
      area_name: b.area_name,
      count,
      population,
      rate: population ? (count / population) * 10_000 : null,
    };
  });
  const mapped = new Set(boundaries.map((b) => b.area_code));
  const unmapped = [...byWard]
    .filter(([ward]) => ward === null || !mapped.has(ward))
    .map(([ward, count]) => ({ ward: ward ?? 'not_recorded', count }))
    .sort((a, b) => a.ward.localeCompare(b.ward));
  return { measure, location_type: typed ? locationType : null, label: WARD_MEASURES[measure], rows, unmapped };
}
