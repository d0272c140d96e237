// Primary and secondary suppression over one set of cells (measures.md "Small
// numbers"). The cells of a set are assumed to add up to a total that may be
// shown elsewhere (the measure, another breakdown, the map's total), so:
// - primary: a count from 1 to the threshold is withheld; so is a cell forced
//   by a rule of the caller (a linked cell withheld elsewhere);
// - secondary: when exactly one cell of the set is withheld, the smallest other
//   non-zero cell is withheld too, so the total minus the shown cells gives only
//   the sum of two withheld cells, never one of them;
// - no pinning by the sum: withheld cells that are all 1 (their sum, known from
//   the total, equals their number) would each be known, so another is withheld
//   until that is not so.
// Cells marked `avoid` (the not-recorded cell, which the completeness tables
// restate) are taken for secondary suppression only when no other cell can be.
// Ties are broken by the cells' names (a ward's code, a category's key), never
// by position, so the same cells shown in two answers in another order (a
// breakdown, a map, an export) are withheld alike.
// Zeros are shown: they reveal no one.

export const isSmall = (n: number, threshold: number) => n >= 1 && n <= threshold;

/** Which cells to withhold (true = withheld). `forced` marks cells withheld whatever their size. */
export function withheldCells(values: (number | null)[], threshold: number, forced: boolean[] = [], avoid: boolean[] = [], names: string[] = []): boolean[] {
  const out = values.map((v, i) => v !== null && v !== 0 && (forced[i] === true || isSmall(v, threshold)));
  const next = (): number => {
    let best = -1;
    for (const pass of [false, true]) {
      values.forEach((v, i) => {
        if (out[i] || v === null || v <= 0 || (avoid[i] === true) !== pass) return;
        const b = values[best] as number;
        if (best < 0 || v < b || (v === b && (names[i] ?? '') < (names[best] ?? ''))) best = i;
      });
      if (best >= 0) return best;
    }
    return best;
  };
  for (;;) {
    const withheld = values.filter((v, i) => out[i] && v !== null) as number[];
    const pinned = withheld.length === 1 || (withheld.length > 1 && withheld.every((v) => v === 1));
    if (!pinned) return out;
    const i = next();
    if (i < 0) return out;
    out[i] = true;
  }
}
