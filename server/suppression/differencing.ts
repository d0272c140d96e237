// The differencing rule. Filters narrow a query (victims with sex=F, ward=…,
// a repeat threshold other than the default …). Two answers that differ only
// by a filter reveal, cell by cell, the count of the records the filter took
// out: broader − narrower. So, for an answer that will be suppressed:
//
// 1. its "broader" queries are the same request with every proper subset of its
//    filters (every query parameter except NON_FILTER_PARAMS), up to
//    MAX_FILTERS filters, each run through the same handler;
// 2. every count cell (same id: path and row name, see payload.ts) whose value
//    differs from the same cell of any broader answer by 1 to the threshold is
//    withheld in the narrower answer (`forced`), whatever its own size;
// 3. then primary and secondary suppression run as usual, forced cells
//    included, so a single forced cell brings its secondary with it.
// A cell missing from the narrower answer (zero rows are omitted) is not
// forced: the broader cell it would be compared with is itself withheld when
// it is from 1 to the threshold, so the difference reveals nothing.
//
// Not covered: differences between periods (from/to) and between grid cell
// sizes; suppressing those would need rounding or perturbation of every figure.
import { badRequest } from '../errors.ts';
import { isSmall } from './cells.ts';
import { countCells } from './payload.ts';

/** Query parameters that choose what is shown rather than narrowing the records counted. */
export const NON_FILTER_PARAMS = new Set(['from', 'to', 'format', 'level', 'measure', 'cell_m', 'audience']);
export const MAX_FILTERS = 4;

type Query = Record<string, unknown>;

/** The same query with every proper subset of its filters (none first). */
export function broaderQueries(query: Query): Query[] {
  const filters = Object.keys(query).filter((k) => !NON_FILTER_PARAMS.has(k) && query[k] !== undefined && query[k] !== '');
  if (filters.length > MAX_FILTERS) throw badRequest(`At most ${MAX_FILTERS} filters can be combined in a shared view.`, filters[MAX_FILTERS]);
  const base: Query = Object.fromEntries(Object.entries(query).filter(([k]) => !filters.includes(k)));
  const out: Query[] = [];
  for (let mask = 0; mask < (1 << filters.length) - 1; mask++) {
    const q = { ...base };
    filters.forEach((f, i) => {
      if (mask & (1 << i)) q[f] = query[f];
    });
    out.push(q);
  }
  return out;
}

/** Cell ids of `narrow` that any broader answer would reveal by difference. */
export function differencingForced(narrow: unknown, broader: unknown[], threshold: number): Set<string> {
  const mine = new Map(countCells(narrow).map((c) => [c.id, c.value]));
  const forced = new Set<string>();
  for (const b of broader) {
    for (const c of countCells(b)) {
      const n = mine.get(c.id);
      if (n !== undefined && isSmall(Math.abs(c.value - n), threshold)) forced.add(c.id);
    }
  }
  return forced;
}
