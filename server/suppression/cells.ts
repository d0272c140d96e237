// Primary and secondary suppression over one set of cells (measures.md "Small
// numbers"). The cells of a set are assumed to add up to a total that may be
// shown elsewhere (the measure, another breakdown, the map's total), so:
// - primary: a count from 1 to the threshold is withheld; so is a cell forced
//   by the differencing rule (differencing.ts);
// - secondary: when exactly one cell of the set is withheld, the smallest other
//   non-zero cell is withheld too, so the total minus the shown cells gives only
//   the sum of two withheld cells, never one of them. Zeros are shown: they
//   reveal no one.

export const isSmall = (n: number, threshold: number) => n >= 1 && n <= threshold;

/** Which cells to withhold (true = withheld). `forced` marks cells withheld whatever their size. */
export function withheldCells(values: (number | null)[], threshold: number, forced: boolean[] = []): boolean[] {
  const out = values.map((v, i) => v !== null && v !== 0 && (forced[i] === true || isSmall(v, threshold)));
  if (out.filter(Boolean).length === 1) {
    let next = -1;
    values.forEach((v, i) => {
      if (!out[i] && v !== null && v > 0 && (next < 0 || v < (values[next] as number))) next = i;
    });
    if (next >= 0) out[next] = true;
  }
  return out;
}
