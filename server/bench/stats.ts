// Percentiles of timings (nearest rank) and rounding for the report.

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values: number[]): number => percentile(values, 50);

/** Milliseconds to two decimals (sub-millisecond answers stay visible). */
export function ms(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Times `fn` `runs` times in a row; returns each duration in ms. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
