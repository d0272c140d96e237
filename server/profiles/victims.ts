// The victims profile beyond measures.md (sql/profiles/victims.sql): recording
// gaps and rates per 10,000 children, under the victims page filters.
import type { Database } from '../db.ts';
import type { Period } from '../period.ts';
import { sqlParams, type VictimFilters } from '../measures/params.ts';
import { findBreakdown } from '../measures/definitions.ts';
import { computeBreakdown, runForPeriods } from '../measures/run.ts';
import { NOT_RECORDED } from '../measures/codes.ts';
import { runProfileQuery } from './run.ts';
import { toCompleteness, type CompletenessRow } from './completeness.ts';

export interface WardRate {
  key: string;
  /** Cases in scope with this home ward (the victims `home_ward` breakdown). */
  count: number;
  /** Children aged 0–17 in the ward; null when not loaded (or not recorded ward). */
  population: number | null;
  /** count / population × 10,000; null without population. */
  rate: number | null;
}

export interface SexAgeRate {
  sex: string;
  age_band: string;
  count: number;
  population: number | null;
  rate: number | null;
}

export interface VictimsRates {
  /** True when population.csv is loaded for the period's year or before. */
  population_loaded: boolean;
  by_ward: WardRate[];
  by_sex_age_band: SexAgeRate[];
}

const per10k = (count: number, population: number | null) => (population ? (count / population) * 10_000 : null);

export async function victimsCompleteness(db: Database, period: Period, filters: VictimFilters): Promise<CompletenessRow[]> {
  return (await runProfileQuery(db, 'victims#completeness', period, sqlParams(filters))).map(toCompleteness);
}

/**
 * Cases per 10,000 children aged 0–17 (measures.md "Rates"): by home ward (every
 * ward with population or cases) and by sex and age band (0–17, F and M, the
 * whole area's population), denominators from sql/population.sql. Cases with
 * no recorded ward, no recorded sex or aged 18+ have no rate.
 */
export async function victimsRates(db: Database, period: Period, filters: VictimFilters): Promise<VictimsRates> {
  const homeWard = findBreakdown('victims', 'home_ward');
  if (!homeWard) throw new Error('victims/home_ward breakdown is not defined');
  const [wardRows, areas, sexAge, population] = await Promise.all([
    computeBreakdown(db, homeWard, [period], filters).then((m) => m.get(period.period) ?? []),
    runForPeriods(db, 'population#children_by_area', [period]),
    runProfileQuery(db, 'victims#cases_by_sex_age_band', period, sqlParams(filters)),
    runForPeriods(db, 'population#children_by_sex_age_band', [period]),
  ]);
  const children = new Map(areas.map((r) => [String(r.area_code), Number(r.population)]));
  const counts = new Map(wardRows.map((r) => [r.key, r.count]));
  const wards = [...new Set([...children.keys(), ...counts.keys()])];
  const by_ward = wards.map((key) => {
    const count = counts.get(key) ?? 0;
    const pop = key === NOT_RECORDED ? null : (children.get(key) ?? null);
    return { key, count, population: pop, rate: per10k(count, pop) };
  }).sort((a, b) => Number(a.key === NOT_RECORDED) - Number(b.key === NOT_RECORDED) || (b.rate ?? -1) - (a.rate ?? -1) || b.count - a.count || (a.key < b.key ? -1 : 1));

  const cellKey = (sex: unknown, band: unknown) => `${sex}|${band}`;
  const caseCounts = new Map(sexAge.map((r) => [cellKey(r.sex, r.age_band), Number(r.count)]));
  const popCounts = new Map(population.map((r) => [cellKey(r.sex, r.age_band), Number(r.population)]));
  const cells = [...new Set([...popCounts.keys(), ...caseCounts.keys()])].sort();
  const by_sex_age_band = cells.map((k) => {
    const [sex, age_band] = k.split('|');
    const count = caseCounts.get(k) ?? 0;
    const pop = popCounts.get(k) ?? null;
    return { sex, age_band, count, population: pop, rate: per10k(count, pop) };
  });
  return { population_loaded: children.size > 0, by_ward, by_sex_age_band };
}
