// The default bandwidth of the density map, in metres on the ground (not
// pixels, so the surface is the same at every screen size): Scott's rule for a
// two-dimensional Gaussian kernel, h = σ · N^(−1/6), on British National Grid
// coordinates (metres), where N is the number of reports (each location
// weighted by its reports) and σ = √((σ_E² + σ_N²) / 2) the reports' spread
// (population standard deviations of eastings and northings). Rounded to 10 m;
// null with fewer than two reports or no spread.
import { toBritishNationalGrid } from './bng.ts';

export function scottBandwidthM(points: { lon: number; lat: number; reports: number }[]): number | null {
  let n = 0, se = 0, sn = 0;
  const xy = points.map((p) => toBritishNationalGrid(p.lon, p.lat));
  points.forEach((p, k) => { n += p.reports; se += p.reports * xy[k][0]; sn += p.reports * xy[k][1]; });
  if (n < 2) return null;
  const me = se / n, mn = sn / n;
  let ve = 0, vn = 0;
  points.forEach((p, k) => { ve += p.reports * (xy[k][0] - me) ** 2; vn += p.reports * (xy[k][1] - mn) ** 2; });
  const sigma = Math.sqrt((ve / n + vn / n) / 2);
  if (!(sigma > 0)) return null;
  return Math.max(10, Math.round((sigma * n ** (-1 / 6)) / 10) * 10);
}
