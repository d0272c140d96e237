// Benchmark: Gi* with FDR classes on a 200 × 200 grid (target: under 200 ms).
// Run: npx tsx server/hotspots/bench-gistar.ts — prints the median of several runs.
import { giStar } from './gistar.ts';

const NCOL = 200;
const NROW = 200;
const RUNS = 11;

let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const values = new Float64Array(NCOL * NROW);
for (let k = 0; k < values.length; k++) values[k] = rand() < 0.9 ? 0 : Math.floor(rand() * 6);
for (let j = 80; j < 90; j++) for (let i = 100; i < 112; i++) values[j * NCOL + i] += 4;

const times: number[] = [];
let hot = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const out = giStar(values, NCOL, NROW);
  times.push(performance.now() - t0);
  hot = out.classes.filter((c) => c.startsWith('hot')).length;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(RUNS / 2)];
console.log(`Gi* ${NCOL} × ${NROW} (${NCOL * NROW} cells, ${hot} hot): median ${median.toFixed(1)} ms over ${RUNS} runs (min ${times[0].toFixed(1)}, max ${times[RUNS - 1].toFixed(1)})`);
console.log(median < 200 ? 'OK: under 200 ms' : 'SLOW: 200 ms or more');
