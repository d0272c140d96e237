// The release of the annual profile's board and partner copies: the same rules,
// through the same functions, as the API answers that show the same figures —
// a trend's months judged per financial year with its XmR statistics withheld
// beside a withheld month, a map's wards judged with the unmapped ones, the
// concentration's distribution whole or withheld, the import history without
// row counts — and the generic walk (payload.ts) for the rest (measures,
// breakdowns, completeness, percentages). So the board's copy withholds the
// same cells as the pages a viewer opens for the same year.
import { suppressPayload } from './payload.ts';
import { ROUTE_RELEASES } from './routes.ts';
import { withholdLinked } from './links.ts';

type Obj = Record<string, unknown>;

const release = (route: string, body: unknown, threshold: number) => ROUTE_RELEASES[route](body, threshold) as Obj;

interface ReportLike {
  trends: { series: (Obj & { unit: string; points: Obj[]; denominators?: Record<string, number | null> })[] };
  maps: (Obj & { current: Obj[]; previous: Obj[]; unmapped: Obj[] })[];
  missing: Obj & { concentration: { current: Obj; previous: Obj } };
  breakdowns: Record<string, { subject: string; dimension: string; current: { key: string; count: number | null }[]; previous: { key: string; count: number | null }[] }[]>;
  figures: Record<'current' | 'previous', { measures: Record<string, number | null>; suppressed?: string[] }>;
  sources?: unknown;
}

export function releaseReport<T>(body: T, threshold: number): T {
  const report = body as unknown as ReportLike;
  const series = report.trends.series.map(({ denominators, ...s }) => {
    const { points, limits_withheld } = release('/api/trends/:measure', { interval: 'month', unit: s.unit, points: s.points, basis: { denominators } }, threshold);
    return { ...s, points, limits_withheld };
  });
  const maps = report.maps.map((m) => {
    const now = release('/api/hotspots/wards', { rows: m.current, unmapped: m.unmapped }, threshold);
    const before = release('/api/hotspots/wards', { rows: m.previous }, threshold);
    return { ...m, current: now.rows, unmapped: now.unmapped, previous: before.rows };
  });
  const concentration = {
    current: release('/api/missing/concentration', report.missing.concentration.current, threshold),
    previous: release('/api/missing/concentration', report.missing.concentration.previous, threshold),
  };
  const sources = report.sources === undefined ? {} : { sources: release('/api/imports', report.sources, threshold) };
  // The parts released above are left as they are by the walk (nothing small remains in them).
  const rest = suppressPayload({ ...report, trends: { ...report.trends, series: [] }, maps: [], missing: { ...report.missing, concentration: null } }, threshold) as ReportLike;
  // Measures that restate a breakdown's cell are withheld with it (links.ts).
  const lists = Object.values(rest.breakdowns).flat();
  const cells = (when: 'current' | 'previous') => Object.fromEntries(lists.map((b) => [`${b.subject}/${b.dimension}`, b[when]]));
  const figures = { current: withholdLinked(rest.figures.current, cells('current')), previous: withholdLinked(rest.figures.previous, cells('previous')) };
  return { ...rest, figures, trends: { ...rest.trends, series }, maps, missing: { ...rest.missing, concentration }, ...sources } as unknown as T;
}
