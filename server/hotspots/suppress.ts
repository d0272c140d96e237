// Small-number suppression of the hotspot exports: the one rule of
// server/suppression/cells.ts (primary, secondary, no pinning by the sum, ties
// by name), so that a map, its export and a breakdown of the same cells
// withhold the same cells.
import { withheldCells } from '../suppression/cells.ts';

/**
 * Which counts to withhold (true = withheld). `names` (ward codes, cell names)
 * break ties and mark the not-recorded cell; `forced` marks counts to withhold
 * whatever their size (a count of one location type whose difference from the
 * count of every type is small: see `complementForced`).
 */
export function suppressionMask(counts: ArrayLike<number>, threshold: number, names: string[] = [], forced: boolean[] = []): boolean[] {
  return withheldCells(Array.from(counts), threshold, forced, names.map((n) => n === 'not_recorded'), names);
}

/**
 * Differencing between a file of one location type and the file of every type:
 * a typed count is withheld when the rest (every type − this type) is from 1 to
 * the threshold, so that subtracting the two files reveals no small number.
 */
export function complementForced(typed: ArrayLike<number>, all: ArrayLike<number>, threshold: number): boolean[] {
  return Array.from(typed, (c, k) => all[k] - c >= 1 && all[k] - c <= threshold);
}
