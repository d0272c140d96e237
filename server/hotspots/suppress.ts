// Small-number suppression for figures that leave the analyst (measures.md
// "Small numbers"): counts from 1 to the threshold are withheld (primary); when
// exactly one count of a set (a map's wards or grid cells, which a published
// total could complete) is withheld, the next smallest count above the threshold
// is withheld too (secondary), so that no withheld count can be worked out by
// difference. Zeros are shown: they reveal no one.

/** Which counts to withhold (true = withheld). */
export function suppressionMask(counts: ArrayLike<number>, threshold: number): boolean[] {
  const mask = Array.from(counts, (c) => c >= 1 && c <= threshold);
  if (mask.filter(Boolean).length === 1) {
    let next = -1;
    for (let k = 0; k < counts.length; k++) {
      if (!mask[k] && counts[k] > threshold && (next < 0 || counts[k] < counts[next])) next = k;
    }
    if (next >= 0) mask[next] = true;
  }
  return mask;
}
