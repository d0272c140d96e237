// Small-number suppression for figures that leave the analyst (measures.md
// "Small numbers"): counts from 1 to the threshold are withheld (primary); when
// exactly one count of a set (a map's wards or grid cells, which a published
// total could complete) is withheld, the next smallest count above the threshold
// is withheld too (secondary), so that no withheld count can be worked out by
// difference. Zeros are shown: they reveal no one.

/**
 * Which counts to withhold (true = withheld). `forced` marks counts to withhold
 * whatever their size (a count of one location type whose difference from the
 * count of every type is small: see `complementForced`).
 */
export function suppressionMask(counts: ArrayLike<number>, threshold: number, forced?: boolean[]): boolean[] {
  const mask = Array.from(counts, (c, k) => (c >= 1 && c <= threshold) || (c > 0 && (forced?.[k] ?? false)));
  if (mask.filter(Boolean).length === 1) {
    let next = -1;
    for (let k = 0; k < counts.length; k++) {
      if (!mask[k] && counts[k] > threshold && (next < 0 || counts[k] < counts[next])) next = k;
    }
    if (next >= 0) mask[next] = true;
  }
  return mask;
}

/**
 * Differencing between a file of one location type and the file of every type:
 * a typed count is withheld when the rest (every type − this type) is from 1 to
 * the threshold, so that subtracting the two files reveals no small number.
 */
export function complementForced(typed: ArrayLike<number>, all: ArrayLike<number>, threshold: number): boolean[] {
  return Array.from(typed, (c, k) => all[k] - c >= 1 && all[k] - c <= threshold);
}
