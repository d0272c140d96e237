// Small-number suppression of the hotspot exports: the one rule of
// server/suppression/cells.ts (primary, secondary, no pinning by the sum, ties
// by name), so that a map, its export and a breakdown of the same cells
// withhold the same cells.
import { withheldCells } from '../suppression/cells.ts';

/** Which counts to withhold (true = withheld); `names` (ward codes) break ties and mark the not-recorded cell. */
export function suppressionMask(counts: ArrayLike<number>, threshold: number, names: string[] = []): boolean[] {
  return withheldCells(Array.from(counts), threshold, [], names.map((n) => n === 'not_recorded'), names);
}
