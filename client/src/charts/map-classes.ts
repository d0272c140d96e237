// Classes of a choropleth map: the upper bound of each class, a value v being
// in the first class whose upper bound is ≥ v.
// - equal: five equal intervals from 0 to the maximum (whole numbers for counts);
// - quantile: about the same number of areas in each class (upper bounds are
//   the values at ranks ⌈q·n⌉, q = 1/5 … 1, repeated bounds merged);
// - jenks: natural breaks, Fisher's (1958) exact optimum of Jenks' criterion —
//   the partition of the sorted values into classes that minimises the sum of
//   squared deviations from the class means (dynamic programming).
export type ClassMethod = 'equal' | 'quantile' | 'jenks';
export const CLASS_METHODS: Record<ClassMethod, string> = {
  equal: 'Equal intervals',
  quantile: 'Quantiles',
  jenks: 'Natural breaks (Jenks)',
};
export const CLASSES = 5;

/** Upper bounds of five equal classes from 0 to the maximum (whole numbers for counts). */
export function equalBreaks(max: number, kind: 'count' | 'rate'): number[] {
  const step = kind === 'count' ? Math.max(1, Math.ceil(max / CLASSES)) : max > 0 ? max / CLASSES : 1;
  return Array.from({ length: CLASSES }, (_, k) => step * (k + 1));
}

export function quantileBreaks(values: number[]): number[] {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return [1];
  const out: number[] = [];
  for (let q = 1; q <= CLASSES; q++) {
    const b = v[Math.ceil((q / CLASSES) * v.length) - 1];
    if (!out.includes(b)) out.push(b);
  }
  return out;
}

export function jenksBreaks(values: number[], classes = CLASSES): number[] {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  if (n === 0) return [1];
  const k = Math.min(classes, new Set(v).size);
  // Prefix sums give the squared deviation of any run v[a..b] in O(1).
  const s1 = [0], s2 = [0];
  for (const x of v) { s1.push(s1[s1.length - 1] + x); s2.push(s2[s2.length - 1] + x * x); }
  const ssd = (a: number, b: number) => { const m = b - a + 1, t = s1[b + 1] - s1[a]; return s2[b + 1] - s2[a] - (t * t) / m; };
  // cost[c][i]: best sum for v[0..i] in c + 1 classes; from[c][i]: start of the last class.
  const cost = Array.from({ length: k }, () => new Array<number>(n).fill(Infinity));
  const from = Array.from({ length: k }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) cost[0][i] = ssd(0, i);
  for (let c = 1; c < k; c++) {
    for (let i = c; i < n; i++) {
      for (let a = c; a <= i; a++) {
        const t = cost[c - 1][a - 1] + ssd(a, i);
        if (t < cost[c][i]) { cost[c][i] = t; from[c][i] = a; }
      }
    }
  }
  const uppers: number[] = [];
  let end = n - 1;
  for (let c = k - 1; c >= 0; c--) {
    uppers.unshift(v[end]);
    end = c > 0 ? from[c][end] - 1 : -1;
  }
  return uppers;
}

export function classBreaksBy(method: ClassMethod, values: number[], kind: 'count' | 'rate'): number[] {
  if (method === 'quantile') return quantileBreaks(values);
  if (method === 'jenks') return jenksBreaks(values);
  return equalBreaks(Math.max(0, ...values), kind);
}
