// The Mann–Kendall trend test (Mann 1945; Kendall 1975), as ArcGIS's Emerging
// Hot Spot Analysis applies it to each location's series of Gi* z-scores:
//   S = Σ_{k<l} sign(x_l − x_k)
//   Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18   (t_g: size of each group of tied values)
//   Z = (S − 1)/√Var(S) when S > 0, (S + 1)/√Var(S) when S < 0, 0 when S = 0
//   p = two-sided normal p of Z; Z = 0 and p = 1 when Var(S) = 0.
import { twoSidedP } from './normal.ts';

export interface Trend {
  s: number;
  z: number;
  p: number;
}

export function mannKendall(x: ArrayLike<number>): Trend {
  const n = x.length;
  let s = 0;
  for (let k = 0; k < n; k++) for (let l = k + 1; l < n; l++) s += Math.sign(x[l] - x[k]);
  const ties = new Map<number, number>();
  for (let k = 0; k < n; k++) ties.set(x[k], (ties.get(x[k]) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  if (!(variance > 0)) return { s, z: 0, p: 1 };
  const z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
  return { s, z, p: twoSidedP(z) };
}
