// Suppression of the measures object `{ id: number|null }` (GET /api/measures
// and anything carrying a `measures` object of figures). Units come from the
// catalogue (server/measures/definitions.ts); each percentage's numerator and
// denominator are the counts of measures.md.
import { MEASURES } from '../measures/definitions.ts';
import { isSmall } from './cells.ts';

/** The count measure each percentage is "as % of" (measures.md). */
export const PERCENT_DENOMINATOR: Record<string, string> = {
  pct_cases_looked_after: 'cases_referred',
  pct_cases_male: 'cases_referred',
  pct_cases_ethnicity_recorded: 'cases_referred',
  pct_rhi_offered: 'episodes_returned',
  pct_rhi_within_72h: 'episodes_returned',
  pct_referred_children_missing: 'children_referred',
  pct_offenders_in_group: 'offenders_identified',
};

const UNIT = new Map(MEASURES.map((m) => [m.id, m.unit]));

/** A measure id of the catalogue counted in units (children, cases, …). Unknown ids are treated as counts unless named pct_/rate_. */
export function isCountMeasure(id: string): boolean {
  const unit = UNIT.get(id);
  if (unit) return unit === 'count';
  return !/^(pct|rate)_/.test(id);
}

export function isKnownMeasure(id: string): boolean {
  return UNIT.has(id);
}

/**
 * Withholds, in a measures object:
 * - a count from 1 to the threshold;
 * - a percentage whose denominator is withheld or not present, or whose
 *   numerator (round(pct × denominator / 100)) or complement (denominator −
 *   numerator) is from 1 to the threshold; a percentage with no known
 *   denominator is withheld.
 * Returns the new object and the ids withheld.
 */
export function suppressMeasures(
  m: Record<string, number | null>,
  threshold: number,
): { measures: Record<string, number | null>; withheld: string[] } {
  const withheld = new Set<string>();
  for (const [id, v] of Object.entries(m)) {
    if (v === null || !isCountMeasure(id)) continue;
    if (isSmall(v, threshold)) withheld.add(id);
  }
  for (const [id, v] of Object.entries(m)) {
    if (v === null || isCountMeasure(id)) continue;
    const denId = PERCENT_DENOMINATOR[id];
    const den = denId === undefined ? null : m[denId];
    if (den === null || den === undefined || withheld.has(denId)) {
      withheld.add(id);
      continue;
    }
    const num = Math.round((v * den) / 100);
    if (isSmall(num, threshold) || isSmall(den - num, threshold)) withheld.add(id);
  }
  const out: Record<string, number | null> = {};
  for (const [id, v] of Object.entries(m)) out[id] = withheld.has(id) ? null : v;
  return { measures: out, withheld: [...withheld] };
}
