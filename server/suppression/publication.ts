// What viewers and partners may ask for: the publication grid. Two answers
// that differ by a day at either end of the period, by a filter (all, sex=F,
// sex=M, … leaves the remainder), by a definition threshold (3 or more
// episodes minus 4 or more) or by the grid's cell size reveal, by subtraction,
// counts that each answer withholds. Rather than try to foresee every pair of
// requests, these roles may only ask for figures that never overlap partially:
// - periods are whole financial years (1 April to 31 March), one year at a
//   time; a series (the trends) may span several whole
//   years, its points being calendar months or quarters within them, each
//   year's points judged as one set with the year's total (release.ts);
// - no filters and no definition thresholds other than the defaults: the
//   breakdowns show every category, each judged with its complements;
// - the hotspot grid at its one published cell size.
// A request off the grid is refused with 400 saying why and what is allowed.
// docs/disclosure-control.md gives the reasoning.
import { HttpError } from '../errors.ts';
import { isIsoDate } from '../period.ts';
import { DEFAULT_THRESHOLDS } from '../measures/params.ts';
import { DEFAULT_CELL_M } from '../hotspots/params.ts';
import { DEFAULT_GUARD } from '../hotspots/gistar.ts';
import type { RouteDef } from '../routes/registry.ts';

/** The published value of each definition parameter. */
const PUBLISHED: Record<string, number> = { ...DEFAULT_THRESHOLDS, min_reports: DEFAULT_GUARD.minNeighbourhood };

/** Longest series, in financial years, a viewer or partner may ask for. */
export const MAX_SERIES_YEARS = 5;

/** Routes whose answer is a series of months or quarters (several whole years allowed). */
const SERIES_ROUTES = new Set(['/api/trends/:measure']);

type Query = Record<string, unknown>;

function refuse(parameter: string, why: string, allowed: string): never {
  throw new HttpError(400, `${why} ${allowed}`, { parameter, allowed });
}

const given = (q: Query, k: string) => q[k] !== undefined && q[k] !== '';

/** Whole financial years from..to: the number of years, or null when off the grid. */
export function financialYears(from: unknown, to: unknown): number | null {
  if (typeof from !== 'string' || typeof to !== 'string' || !isIsoDate(from) || !isIsoDate(to)) return null;
  if (from.slice(4) !== '-04-01' || to.slice(4) !== '-03-31') return null;
  const years = +to.slice(0, 4) - +from.slice(0, 4);
  return years >= 1 ? years : null;
}

/** Throws 400 unless the request is on the publication grid. Parameter errors of other kinds are left to the handler. */
export function checkPublishable(def: RouteDef, q: Query): void {
  const series = SERIES_ROUTES.has(def.path);
  for (const [name, kind] of Object.entries(def.params)) {
    if (kind === 'filter' && given(q, name)) {
      refuse(name, `Filters are not available to viewers and partners: two answers with complementary filters (all, ${name}=one value, ${name}=another, …) would reveal by subtraction counts that are withheld.`, 'Ask for the whole area; the breakdowns show every category.');
    }
    if (kind === 'definition' && given(q, name) && String(q[name]) !== String(PUBLISHED[name])) {
      refuse(name, `Viewers and partners see the published definitions only: answers with two values of '${name}' would reveal by subtraction the children between them.`, `Leave '${name}' out (the published value is ${PUBLISHED[name]}).`);
    }
    if (kind === 'grid' && given(q, name) && Number(q[name]) !== DEFAULT_CELL_M) {
      refuse(name, `Viewers and partners see the grid at its published size only: two grid sizes overlap, and their difference would reveal withheld cells.`, `Leave '${name}' out or give ${DEFAULT_CELL_M}.`);
    }
  }
  if (!Object.values(def.params).includes('period')) return;
  if (!given(q, 'from') || !given(q, 'to')) return; // the handler's own 400 names the missing date
  const years = financialYears(q.from, q.to);
  const allowed = series
    ? `Give whole financial years: 'from' a 1 April and 'to' a 31 March, at most ${MAX_SERIES_YEARS} years apart.`
    : "Give one financial year: 'from' a 1 April and 'to' the 31 March after it.";
  const why = 'Viewers and partners see figures for whole financial years only: two periods that differ by a few days would reveal by subtraction counts that are withheld.';
  if (years === null || years > (series ? MAX_SERIES_YEARS : 1)) refuse(years === null && typeof q.from === 'string' && q.from.slice(4) !== '-04-01' ? 'from' : 'to', why, allowed);
}
