// Gi* with FDR classes (server/hotspots/gistar.ts) on a 200 × 200 grid of
// synthetic counts with one planted cluster: the median of several runs, in ms.
import { giStar } from '../hotspots/gistar.ts';
import { median } from './stats.ts';

const NCOL = 200;
const NROW = 200;

export function timeGiStar(runs = 11): number {
  let seed = 1;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values = new Float64Array(NCOL * NROW);
  for (let k = 0; k < values.length; k++) values[k] = rand() < 0.9 ? 0 : Math.floor(rand() * 6);
  for (let j = 80; j < 90; j++) for (let i = 100; i < 112; i++) values[j * NCOL + i] += 4;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    giStar(values, NCOL, NROW);
    times.push(performance.now() - t0);
  }
  return median(times);
}
