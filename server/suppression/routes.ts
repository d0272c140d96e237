// Releases of their own for answers whose meaning the generic walk
// (payload.ts) cannot see: statistics computed from cells, series judged by
// financial year, sets of cells spread over several arrays, tables that
// restate another answer's cells. Each takes the handler's answer and the
// threshold and returns what may leave; assertSuppressed still checks it.
import { isSmall, withheldCells } from './cells.ts';
import { cellName, suppressPayload } from './payload.ts';
import { withholdLinked } from './links.ts';

type Obj = Record<string, unknown>;
type Release = (body: unknown, threshold: number) => unknown;

/** Financial year (its start year) of a series label 'YYYY-MM' or 'YYYY-Qn' (calendar quarters: Q1 is January–March). */
export function financialYearOfLabel(label: string): number {
  const y = +label.slice(0, 4);
  const q = /^\d{4}-Q(\d)$/.exec(label);
  const month = q ? (+q[1] - 1) * 3 + 1 : +label.slice(5, 7);
  return month >= 4 ? y : y - 1;
}

/** The months 'YYYY-MM' of a calendar quarter 'YYYY-Qn'. */
export function monthsOfQuarter(label: string): string[] {
  const y = label.slice(0, 4);
  const first = (+label.slice(6) - 1) * 3 + 1;
  return [0, 1, 2].map((k) => `${y}-${String(first + k).padStart(2, '0')}`);
}

/** A month of a series with the figures it is judged on. */
export interface MonthCell {
  period: string;
  value: number | null;
  /** For a percentage: the count it is "as % of". */
  denominator?: number | null;
}

/**
 * Which months of a series are withheld. The months of a financial year are
 * one set whose total is published (the year's measure): primary, secondary
 * and no pinning (cells.ts). For a percentage, its numerator, complement and
 * denominator are three linked sets, each judged with the others' withheld
 * months forced, until nothing changes.
 */
export function withheldMonths(months: MonthCell[], unit: string, threshold: number): Set<string> {
  const out = new Set<string>();
  const years = new Map<number, MonthCell[]>();
  for (const m of months) {
    const y = financialYearOfLabel(m.period);
    const list = years.get(y);
    if (list) list.push(m);
    else years.set(y, [m]);
  }
  for (const list of years.values()) {
    const sets: (number | null)[][] =
      unit === 'percent'
        ? (() => {
            const den = list.map((m) => (m.value === null || typeof m.denominator !== 'number' ? null : m.denominator));
            const num = list.map((m, i) => (den[i] === null ? null : Math.round(((m.value as number) * (den[i] as number)) / 100)));
            return [num, num.map((n, i) => (n === null ? null : (den[i] as number) - n)), den];
          })()
        : [list.map((m) => m.value)];
    let hide = list.map((m) => unit === 'percent' && m.value !== null && typeof m.denominator !== 'number');
    for (;;) {
      const next = sets.reduce((acc, set) => withheldCells(set, threshold, acc).map((w, i) => w || acc[i]), hide);
      if (next.every((w, i) => w === hide[i])) break;
      hide = next;
    }
    list.forEach((m, i) => hide[i] && out.add(m.period));
  }
  return out;
}

/**
 * A trend: months judged per financial year (above); a quarter is shown only
 * when all three of its months are (so quarters add nothing to the months and
 * the year's total); XmR mean, limits and signals are shown only when no point
 * of the series is withheld — a mean over a baseline holding a withheld point
 * would give it away (k·mean(k) − (k−1)·mean(k−1)), and so would the moving
 * ranges behind the limits. `basis` (the months of a quarterly series, the
 * denominators of a percentage) is the handler's working and never leaves.
 */
const releaseTrend: Release = (body, threshold) => {
  const { basis, ...b } = body as Obj & { points: Obj[]; interval: string; unit: string; basis?: { months?: MonthCell[]; denominators?: Record<string, number | null> } };
  const dens = basis?.denominators ?? {};
  const months: MonthCell[] = b.interval === 'month' ? b.points.map((p) => ({ period: String(p.period), value: p.value as number | null, denominator: dens[String(p.period)] })) : (basis?.months ?? []);
  const hiddenMonths = withheldMonths(months, b.unit, threshold);
  const own = b.interval === 'month' ? new Set<string>() : withheldMonths(b.points.map((p) => ({ period: String(p.period), value: p.value as number | null, denominator: dens[String(p.period)] })), b.unit, threshold);
  const hidden = (p: Obj) => {
    const label = String(p.period);
    if (p.value === null) return false;
    if (b.interval === 'month') return hiddenMonths.has(label);
    return own.has(label) || monthsOfQuarter(label).some((m) => hiddenMonths.has(m)) || (b.unit !== 'percent' && isSmall(p.value as number, threshold));
  };
  const withheld = b.points.map(hidden);
  const anyWithheld = withheld.some(Boolean);
  const points = b.points.map((p, i) => ({
    ...p,
    value: withheld[i] ? null : p.value,
    ...(withheld[i] ? { suppressed: true } : {}),
    ...(anyWithheld ? { mean: null, ucl: null, lcl: null, rule: null, signal: null } : {}),
  }));
  return { ...b, points, limits_withheld: anyWithheld };
};

/**
 * The Gi* grid: cells are one set (their total is `counted`); counted, outside
 * and no_coordinates are another (their total is the location reports of the
 * period). A z-score is a weighted sum of the counts around a cell over the
 * grid's mean and standard deviation: beside withheld cells it would solve
 * them (and the standard deviation gives their sum of squares), so when any
 * cell is withheld no z or p is released; a withheld cell's class is withheld.
 */
const releaseGrid: Release = (body, threshold) => {
  const g = body as Obj & { cells: Obj[] };
  const counts = withheldCells(g.cells.map((c) => c.count as number), threshold);
  const any = counts.some(Boolean);
  const cells = g.cells.map((c, i) =>
    counts[i] ? { ...c, count: null, gi_z: null, gi_p: null, gi_q: null, class: null, suppressed: true } : any ? { ...c, gi_z: null, gi_p: null, gi_q: null } : c,
  );
  const names = ['counted', 'outside', 'no_coordinates'].filter((k) => typeof g[k] === 'number');
  const scalars = withheldCells(names.map((k) => g[k] as number), threshold);
  const out: Obj = { ...g, cells, z_withheld: any };
  names.forEach((k, i) => scalars[i] && (out[k] = null));
  return out;
};

/**
 * Emerging hot spots: the cells' span counts are one set, as the grid's; a
 * withheld cell loses its category and pattern, and the trend statistics
 * (computed from every step's counts) are withheld everywhere when any cell is.
 */
const releaseEmerging: Release = (body, threshold) => {
  const g = body as Obj & { cells: Obj[] };
  const counts = withheldCells(g.cells.map((c) => c.count as number), threshold);
  const any = counts.some(Boolean);
  const cells = g.cells.map((c, i) =>
    counts[i]
      ? { ...c, count: null, category: null, pattern: null, hot_steps: null, cold_steps: null, trend_z: null, trend_p: null, suppressed: true }
      : any ? { ...c, trend_z: null, trend_p: null } : c,
  );
  return { ...g, cells, trend_withheld: any };
};

/** Ward counts: the mapped rows and the unmapped wards are one set (their total is the measure's). */
const releaseWards: Release = (body, threshold) => {
  const w = body as Obj & { rows: Obj[]; unmapped?: Obj[] };
  const all = [...w.rows, ...(w.unmapped ?? [])];
  const hide = withheldCells(all.map((r) => r.count as number | null), threshold, [], all.map((r) => cellName(r) === 'not_recorded'), all.map(cellName));
  const strip = (r: Obj): Obj => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' && k !== 'population' ? null : v]));
  const rows = w.rows.map((r, i) => (hide[i] ? { ...strip(r), suppressed: true } : r));
  const unmapped = (w.unmapped ?? []).map((r, i) => (hide[w.rows.length + i] ? { ...strip(r), suppressed: true } : r));
  return suppressPayload({ ...w, rows, ...(w.unmapped ? { unmapped } : {}) }, threshold);
};

/**
 * Concentration of missing episodes: the distribution of children by number
 * of episodes, with the children (its total) and episodes (Σ k × children with
 * k) both published, gives two equations: two withheld cells would be solved.
 * So the distribution is released whole or not at all.
 */
const releaseConcentration: Release = (body, threshold) => {
  const c = body as Obj & { distribution: Obj[] };
  const any = c.distribution.some((r) => isSmall(r.count as number, threshold));
  const out = suppressPayload({ ...c, distribution: [] }, threshold) as Obj;
  return { ...out, distribution: any ? null : c.distribution, distribution_withheld: any };
};

/** Import history: file names, dates and hashes; the row counts are counts of records (a 3-row offenders extract). */
const releaseImports: Release = (body) => {
  const b = body as { imports: (Obj & { files: Obj[] })[] };
  return { imports: b.imports.map((i) => ({ ...i, files: i.files.map(({ rows: _rows, ...f }) => f) })) };
};

/** The report is released by its builder for every audience but the analyst's (server/suppression/report.ts); a viewer never gets the analyst's copy. */
const releaseReportAnswer: Release = (body) => {
  if ((body as { suppression?: { applied?: boolean } }).suppression?.applied !== true) throw new Error('The analyst copy of the report was about to leave');
  return body;
};

/**
 * Every measure of a period: each judged on its own (measures.ts), then those
 * that restate a breakdown's cell (links.ts) withheld with it; `basis` holds
 * the linked breakdowns, released here by the same walk as their own route.
 */
const releaseMeasures: Release = (body, threshold) => {
  const { basis, ...b } = body as Obj & { basis?: Record<string, { key: string; count: number | null }[]> };
  const released = Object.fromEntries(Object.entries(basis ?? {}).map(([k, rows]) => [k, (suppressPayload({ rows }, threshold) as { rows: { key: string; count: number | null }[] }).rows]));
  return withholdLinked(suppressPayload(b, threshold) as { measures: Record<string, number | null>; suppressed?: string[] }, released);
};

/**
 * The missing page's monthly series (one financial year): each series' months
 * judged as the trends' are (withheldMonths), so a month withheld on the
 * trends page is withheld here too. A percentage's denominators are not
 * released beside it: they are released once, as their own series
 * (episodes returned), judged as a set of its own.
 */
const releaseMonthly: Release = (body, threshold) => {
  const b = body as Obj & { series: (Obj & { unit: string; points: MonthCell[] })[] };
  const series = b.series.map((s) => {
    const hidden = withheldMonths(s.points, s.unit, threshold);
    const points = s.points.map(({ denominator: _d, ...p }) => (hidden.has(p.period) ? { ...p, value: null, suppressed: true } : p));
    return { ...s, points };
  });
  return { ...b, series };
};

export const ROUTE_RELEASES: Record<string, Release> = {
  '/api/missing/monthly': releaseMonthly,
  '/api/measures': releaseMeasures,
  '/api/report': releaseReportAnswer,
  '/api/trends/:measure': releaseTrend,
  '/api/hotspots/grid': releaseGrid,
  '/api/hotspots/emerging': releaseEmerging,
  '/api/hotspots/wards': releaseWards,
  '/api/missing/concentration': releaseConcentration,
  '/api/imports': releaseImports,
};
