// The attacks of issue #12, as a viewer or partner with only the API would try
// them, each returning what it recovered: a list of leaks (a withheld count
// from 1 to the threshold worked out exactly) or of requests that should have
// been refused. The truth is the analyst's answer to the same request; the
// attacker is assumed to know every total the analyst publishes (the worst
// case). Used by tests/attack-*.test.ts on the acceptance and generated data.
import { expect } from 'vitest';
import { Database } from '../../server/db.ts';
import { importFolder } from '../../server/import/index.ts';
import { allRoutes } from '../../server/app.ts';
import { configFromEnv } from '../../server/config.ts';
import { BREAKDOWNS } from '../../server/measures/definitions.ts';
import { OFFENDER_PROFILE_BREAKDOWNS } from '../../server/profiles/offenders.ts';
import { MISSING_VIEW_BREAKDOWNS } from '../../server/missing/views.ts';
import { TREND_MEASURES } from '../../server/trends/measures.ts';
import { PERCENT_DENOMINATOR } from '../../server/suppression/measures.ts';
import type { RouteDef } from '../../server/routes/registry.ts';
import { startTestServer, type TestServer } from './server.ts';

export const T = 5;
const small = (n: unknown) => typeof n === 'number' && n >= 1 && n <= T;

export interface Roles {
  analyst: TestServer;
  viewer: TestServer;
  partner: TestServer;
  /** Whole financial years held, as from/to. */
  years: { from: string; to: string }[];
  close(): Promise<void>;
}

/** Imports a folder of extracts and signs in an analyst, a viewer and a partner on one database. */
export async function openRoles(folder: string, years: { from: string; to: string }[]): Promise<Roles> {
  const db = await Database.open(':memory:');
  const r = await importFolder(db, folder, { source: 'cli' });
  expect(r.ok).toBe(true);
  const analyst = await startTestServer({ db, role: 'analyst' });
  const viewer = await startTestServer({ db, role: 'viewer' });
  const partner = await startTestServer({ db, role: 'partner' });
  return {
    analyst, viewer, partner, years,
    async close() {
      for (const s of [viewer, partner, analyst]) await s.close();
      db.close();
    },
  };
}

export const fyQuery = (y: { from: string; to: string }) => `from=${y.from}&to=${y.to}`;

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Values tried for each path parameter and each filter or definition parameter. */
const PATH_VALUES: Record<string, string[]> = {
  measure: TREND_MEASURES.map((m) => m.id),
  dimension: [...new Set([...BREAKDOWNS.map((b) => b.dimension), ...OFFENDER_PROFILE_BREAKDOWNS, ...MISSING_VIEW_BREAKDOWNS])],
  subject: [...new Set(BREAKDOWNS.map((b) => b.subject))],
};
const TRIED: Record<string, string[]> = {
  sex: ['F', 'M', 'O', 'not_recorded'],
  risk_level: ['high', 'medium', 'low', 'not_recorded'],
  age_band: ['0-11', '12-13', '14-15', '16-17', 'not_recorded'],
  looked_after: ['Y', 'N', 'not_recorded'],
  cse_model: ['not_recorded'],
  ward: ['E05900001', 'not_recorded'],
  location_type: ['park', 'not_recorded'],
  repeat_min: ['2', '4'],
  repeat_days: ['30', '91'],
  long_hours: ['12', '25'],
  cell_m: ['200', '500', '125'],
};
/** Parameters a route needs besides the period. */
const REQUIRED: Record<string, string> = { '/api/exports/hotspots.geojson': '&level=grid', '/api/exports/hotspots.csv': '&level=ward' };

function concretePaths(path: string): string[] {
  const m = /:(\w+)/.exec(path);
  if (!m) return [path];
  return PATH_VALUES[m[1]].flatMap((v) => concretePaths(path.replace(`:${m[1]}`, v)));
}

/** Every GET route a viewer or partner may reach that takes a period, with concrete paths (one per path parameter value). */
export function periodRoutes(roles: Roles): { def: RouteDef; path: string; who: TestServer[] }[] {
  const defs = allRoutes({ db: roles.analyst.db, config: configFromEnv({}) }).filter(
    (d) => d.method === 'get' && (d.access === 'aggregate' || d.access === 'shared') && Object.values(d.params).includes('period'),
  );
  return defs.flatMap((def) =>
    concretePaths(def.path)
      .filter((p) => !p.includes('/trends/') || p.endsWith('/cases_referred') || p.endsWith('/pct_rhi_within_72h'))
      .map((path) => ({ def, path, who: def.access === 'shared' ? [roles.viewer, roles.partner] : [roles.viewer] })),
  );
}

/** One-day (and one-year) shifts of either end of every whole year, and two years at once: refused unless a series. */
export async function periodShifts(roles: Roles): Promise<string[]> {
  const open: string[] = [];
  let analystAnswered = 0;
  for (const { def, path, who } of periodRoutes(roles)) {
    for (const y of roles.years.slice(0, 2)) {
      const shifted = [
        { from: addDays(y.from, 1), to: y.to },
        { from: y.from, to: addDays(y.to, -1) },
        { from: addDays(y.from, -1), to: y.to },
        { from: y.from, to: addDays(y.to, 1) },
        { from: addDays(y.from, 1), to: addDays(y.to, 1) },
      ];
      if (!path.startsWith('/api/trends/')) shifted.push({ from: y.from, to: `${+y.to.slice(0, 4) + 1}-03-31` });
      for (const p of shifted) {
        const q = `${path}?${fyQuery(p)}${REQUIRED[def.path] ?? ''}`;
        for (const s of who) {
          const r = await s.get(q);
          if (r.status !== 400) open.push(`${s.session!.role} ${q} → ${r.status}`);
        }
      }
      // The analyst is answered the same request (once per route: the refusal is the viewer's, not a bad request).
      if (y === roles.years[0] && (await roles.analyst.get(`${path}?${fyQuery(shifted[1])}${REQUIRED[def.path] ?? ''}`)).status === 200) analystAnswered++;
    }
  }
  expect(analystAnswered).toBeGreaterThan(10);
  return open;
}

/** Every filter, definition threshold and grid size of every route, each value of it: refused (the complements are never released). */
export async function complementsAndSizes(roles: Roles): Promise<string[]> {
  const open: string[] = [];
  let tried = 0;
  for (const { def, path, who } of periodRoutes(roles)) {
    const y = fyQuery(roles.years[0]);
    for (const [name, kind] of Object.entries(def.params)) {
      if (kind !== 'filter' && kind !== 'definition' && kind !== 'grid') continue;
      for (const v of TRIED[name] ?? []) {
        const q = `${path}?${y}${REQUIRED[def.path] ?? ''}&${name}=${encodeURIComponent(v)}`;
        for (const s of who) {
          tried++;
          const r = await s.get(q);
          if (r.status !== 400 || r.body?.parameter !== name || typeof r.body?.allowed !== 'string') open.push(`${s.session!.role} ${q} → ${r.status}`);
        }
      }
    }
  }
  expect(tried).toBeGreaterThan(100);
  return open;
}

interface Known {
  /** The cells of a set as the analyst has them. */
  truth: Map<string, number>;
  /** The values the attacker holds, from any answer. */
  shown: Map<string, number>;
}

/**
 * The cells of a set the attacker cannot see, given its total (the analyst's
 * sum: published as a measure or breakdown total): a leak when exactly one
 * nonzero cell is unseen, or when every unseen cell must be 1. Also a leak
 * when an answer shows a value other than the analyst's.
 */
function judgeSet(name: string, k: Known): string[] {
  const leaks: string[] = [];
  for (const [cell, v] of k.shown) if (k.truth.get(cell) !== v) leaks.push(`${name}: ${cell} shown as ${v}, analyst ${k.truth.get(cell)}`);
  const unseen = [...k.truth].filter(([cell, v]) => v !== 0 && !k.shown.has(cell));
  const sum = unseen.reduce((a, [, v]) => a + v, 0);
  if (unseen.length === 1 && small(unseen[0][1])) leaks.push(`${name}: ${unseen[0][0]} = ${unseen[0][1]} by total minus shown`);
  if (unseen.length > 1 && sum === unseen.length) leaks.push(`${name}: ${unseen.map((u) => u[0]).join(', ')} all 1 by their sum`);
  return leaks;
}

const rowsOf = (body: any): { key: string; count: number | null }[] => body?.rows ?? [];

function fill(into: Map<string, number>, rows: { key: string; count: number | null }[]): void {
  for (const r of rows) if (typeof r.count === 'number') into.set(r.key, r.count);
}

/**
 * Totals minus shown cells: every breakdown of every year, with what the
 * completeness tables, the rates table, the ward maps and the ward exports
 * show of the same cells (the not-recorded count, the cases by home ward, …).
 */
export async function totalsMinusShown(roles: Roles): Promise<{ leaks: string[]; withheld: number }> {
  const { analyst, viewer, partner } = roles;
  const leaks: string[] = [];
  let withheld = 0;
  for (const y of roles.years) {
    const q = fyQuery(y);
    const completeness = new Map<string, { nr: number | null }>();
    for (const subject of ['victims', 'offenders']) {
      const v = await viewer.get(`/api/profiles/${subject}/completeness?${q}`);
      for (const f of v.body.fields ?? []) completeness.set(`${subject}/${f.field}`, { nr: f.not_recorded });
    }
    const sources: { name: string; path: string; extra: (shown: Map<string, number>) => Promise<void> }[] = [
      ...BREAKDOWNS.map((b) => ({ name: `${b.subject}/${b.dimension}`, path: `/api/breakdowns/${b.subject}/${b.dimension}`, extra: async (_: Map<string, number>) => {} })),
      ...OFFENDER_PROFILE_BREAKDOWNS.map((d) => ({ name: `offenders/${d}`, path: `/api/profiles/offenders/breakdowns/${d}`, extra: async (_: Map<string, number>) => {} })),
      ...MISSING_VIEW_BREAKDOWNS.map((d) => ({ name: `missing/${d}`, path: `/api/missing/breakdowns/${d}`, extra: async (_: Map<string, number>) => {} })),
    ];
    // Ward maps that count the same cells as a breakdown (missing_found and the found_ward view both count episodes that ended in the period).
    const wardMaps: Record<string, string> = { 'victims/home_ward': 'cases_home', 'missing/found_ward': 'missing_found' };
    // Measures that restate a cell: a percentage × its denominator, or a count.
    const m = (await viewer.get(`/api/measures?${q}`)).body.measures as Record<string, number | null>;
    const fromMeasure = (pct: string, den: string) => (m[pct] !== null && m[den] !== null ? Math.round(((m[pct] as number) * (m[den] as number)) / 100) : null);
    const restated: Record<string, [string, number | null]> = {
      'victims/sex': ['M', fromMeasure('pct_cases_male', 'cases_referred')],
      'victims/looked_after': ['Y', fromMeasure('pct_cases_looked_after', 'cases_referred')],
      'offenders/lone_group': ['group', fromMeasure('pct_offenders_in_group', 'offenders_identified')],
      'disruptions/action_type': ['cawn', m.cawns_issued],
    };
    for (const src of sources) {
      const [a, v] = await Promise.all([analyst.get(`${src.path}?${q}`), viewer.get(`${src.path}?${q}`)]);
      expect(a.status, src.path).toBe(200);
      const truth = new Map<string, number>();
      fill(truth, rowsOf(a.body));
      const shown = new Map<string, number>();
      fill(shown, rowsOf(v.body));
      withheld += rowsOf(v.body).filter((r) => r.count === null).length;
      const nr = completeness.get(src.name)?.nr;
      // The completeness table's not-recorded count is the breakdown's not-recorded cell (a multi-valued field has none).
      if (typeof nr === 'number' && truth.has('not_recorded')) shown.set('not_recorded', nr);
      const [key, value] = restated[src.name] ?? ['', null];
      if (value !== null) shown.set(key, value);
      if (src.name === 'victims/home_ward') {
        const rates = await viewer.get(`/api/profiles/victims/rates?${q}`);
        fill(shown, rates.body.by_ward ?? []);
      }
      const measure = wardMaps[src.name];
      if (measure) {
        for (const s of [viewer, partner]) {
          const w = await s.get(`/api/hotspots/wards?${q}&measure=${measure}`);
          for (const r of w.body.rows ?? []) if (typeof r.count === 'number') shown.set(r.area_code, r.count);
          for (const r of w.body.unmapped ?? []) if (typeof r.count === 'number') shown.set(r.ward ?? 'not_recorded', r.count);
        }
        const csv = await partner.fetch(`/api/exports/hotspots.csv?${q}&level=ward&measure=${measure}`);
        const lines = (await csv.text()).split('\n').filter((l) => /^"?E\d{8}/.test(l));
        for (const l of lines) {
          const cols = l.split(',').map((c) => c.replace(/^"|"$/g, ''));
          const count = cols[3];
          if (count !== '' && count !== undefined && /^\d+$/.test(count)) shown.set(cols[0], Number(count));
        }
      }
      leaks.push(...judgeSet(`${y.from} ${src.name}`, { truth, shown }));
    }
  }
  return { leaks, withheld };
}

/** Percentages × their denominators, in /api/measures and the cross-reference and completeness tables. */
export async function percentagesTimesDenominators(roles: Roles): Promise<string[]> {
  const leaks: string[] = [];
  for (const y of roles.years) {
    const q = fyQuery(y);
    const m = (await roles.viewer.get(`/api/measures?${q}`)).body.measures as Record<string, number | null>;
    for (const [pct, denId] of Object.entries(PERCENT_DENOMINATOR)) {
      const p = m[pct];
      const den = m[denId];
      if (p === null || p === undefined) continue;
      if (den === null) {
        leaks.push(`${y.from} ${pct} shown with its denominator withheld`);
        continue;
      }
      const num = Math.round((p * den) / 100);
      if (small(num) || small(den - num)) leaks.push(`${y.from} ${pct}: ${num} of ${den}`);
    }
    for (const subject of ['victims', 'offenders']) {
      for (const f of (await roles.viewer.get(`/api/profiles/${subject}/completeness?${q}`)).body.fields ?? []) {
        if (typeof f.pct_not_recorded === 'number' && typeof f.total === 'number') {
          const n = Math.round((f.pct_not_recorded * f.total) / 100);
          if (small(n) || small(f.total - n)) leaks.push(`${y.from} ${subject} completeness ${f.field}: ${n} of ${f.total}`);
        }
      }
    }
    const x = (await roles.viewer.get(`/api/missing/cross-reference?${q}`)).body.referred;
    if (typeof x.pct_missing === 'number') {
      const n = Math.round((x.pct_missing * x.total) / 100);
      if (small(n) || small(x.total - n)) leaks.push(`${y.from} cross-reference: ${n} of ${x.total}`);
    }
  }
  return leaks;
}

/**
 * Trend means over growing baselines (k·mean(k) − (k−1)·mean(k−1) is the k-th
 * point), each year's months against the year's total, and quarters against
 * the months they are made of.
 */
export async function trendBaselines(roles: Roles): Promise<{ leaks: string[]; withheld: number }> {
  const leaks: string[] = [];
  let withheld = 0;
  const ys = roles.years.slice(0, 2);
  const span = `from=${ys[ys.length - 1].from < ys[0].from ? ys[ys.length - 1].from : ys[0].from}&to=${ys[0].to > ys[ys.length - 1].to ? ys[0].to : ys[ys.length - 1].to}`;
  for (const t of TREND_MEASURES) {
    const path = `/api/trends/${t.id}?${span}`;
    const [a, v] = await Promise.all([roles.analyst.get(path), roles.viewer.get(path)]);
    expect(v.status, path).toBe(200);
    const truth = a.body.points as { period: string; value: number | null }[];
    const seen = v.body.points as { period: string; value: number | null }[];
    withheld += seen.filter((p, i) => p.value === null && truth[i].value !== null).length;
    let prev: number | null = null;
    for (let k = 2; k <= seen.length; k++) {
      const b = (await roles.viewer.get(`${path}&baseline=${k}`)).body.points as { value: number | null; mean: number | null }[];
      const mean = b[0].mean;
      if (mean !== null && prev !== null && seen[k - 1].value === null && truth[k - 1].value !== null) {
        leaks.push(`${t.id} point ${k} = ${k * mean - (k - 1) * prev} from the means over ${k - 1} and ${k} points`);
      }
      prev = mean;
      if (mean === null) break;
    }
    if (t.id.startsWith('pct_')) continue;
    // Each year's months against the year's total (a count measure of the same year).
    for (const y of ys) {
      const inYear = (p: { period: string }) => p.period >= y.from.slice(0, 7) && p.period <= y.to.slice(0, 7);
      const tr = new Map(truth.filter(inYear).map((p) => [p.period, p.value ?? 0]));
      const sh = new Map(seen.filter(inYear).filter((p) => p.value !== null).map((p) => [p.period, p.value as number]));
      leaks.push(...judgeSet(`${t.id} ${y.from} months`, { truth: tr, shown: sh }));
    }
    const qa = (await roles.analyst.get(`${path}&interval=quarter`)).body.points as { period: string; value: number | null }[];
    const qv = (await roles.viewer.get(`${path}&interval=quarter`)).body.points as { period: string; value: number | null }[];
    for (const [i, qp] of qv.entries()) {
      if (qp.value === null) continue;
      if (qp.value !== qa[i].value) leaks.push(`${t.id} ${qp.period} shown as ${qp.value}, analyst ${qa[i].value}`);
      const first = (+qp.period.slice(6) - 1) * 3 + 1;
      const months = [0, 1, 2].map((d) => `${qp.period.slice(0, 4)}-${String(first + d).padStart(2, '0')}`);
      const hidden = months.filter((mo) => seen.find((p) => p.period === mo)?.value === null && (truth.find((p) => p.period === mo)?.value ?? 0) !== 0);
      if (hidden.length === 1) leaks.push(`${t.id} ${hidden[0]} = quarter ${qp.period} minus its shown months`);
    }
  }
  return { leaks, withheld };
}

/** Gi* z-scores beside withheld cells, and the grid's counted/outside/no-coordinates against the reports' total. */
export async function giStarBesideWithheld(roles: Roles): Promise<{ leaks: string[]; withheld: number }> {
  const leaks: string[] = [];
  let withheld = 0;
  for (const y of roles.years) {
    const q = fyQuery(y);
    const a = (await roles.analyst.get(`/api/hotspots/grid?${q}`)).body;
    for (const s of [roles.viewer, roles.partner]) {
      const g = (await s.get(`/api/hotspots/grid?${q}`)).body;
      const hidden = g.cells.filter((c: any) => c.count === null).length;
      withheld += hidden;
      if (hidden > 0 && g.cells.some((c: any) => c.gi_z !== null || c.gi_p !== null)) leaks.push(`${s.session!.role} ${y.from}: z-scores beside ${hidden} withheld cells`);
      if (g.cells.some((c: any) => c.count === null && c.class !== null)) leaks.push(`${s.session!.role} ${y.from}: class of a withheld cell`);
      const truth = new Map<string, number>(g.cells.map((c: any, i: number) => [`${c.i},${c.j}`, a.cells[i].count as number]));
      const shown = new Map<string, number>(g.cells.filter((c: any) => c.count !== null).map((c: any) => [`${c.i},${c.j}`, c.count as number]));
      leaks.push(...judgeSet(`${s.session!.role} ${y.from} grid`, { truth, shown }));
      const names = ['counted', 'outside', 'no_coordinates'];
      leaks.push(...judgeSet(`${s.session!.role} ${y.from} grid totals`, {
        truth: new Map(names.map((n) => [n, a[n] as number])),
        shown: new Map(names.filter((n) => g[n] !== null).map((n) => [n, g[n] as number])),
      }));
      const geo = JSON.parse(await (await s.fetch(`/api/exports/hotspots.geojson?${q}&level=grid`)).text());
      if (geo.features.some((f: any) => f.properties.count === null && f.properties.class !== null)) leaks.push(`${s.session!.role} ${y.from}: class of a withheld cell in the export`);
    }
  }
  return { leaks, withheld };
}

/** Episodes minus children, and the distribution of children by episodes, on the concentration of missing episodes. */
export async function concentrationSums(roles: Roles): Promise<string[]> {
  const leaks: string[] = [];
  for (const y of roles.years) {
    const v = (await roles.viewer.get(`/api/missing/concentration?${fyQuery(y)}`)).body;
    if (v.distribution !== null) {
      for (const r of v.distribution) if (small(r.count)) leaks.push(`${y.from}: ${r.count} children with ${r.key} episodes`);
    }
  }
  return leaks;
}

/** Every numeric figure of a viewer's answer that is shown equals the analyst's at the same place. */
function sameFigures(v: unknown, a: unknown, path: string, out: string[]): void {
  if (typeof v === 'number') {
    if (v !== a) out.push(`${path}: viewer ${v}, analyst ${String(a)}`);
  } else if (Array.isArray(v)) {
    if (!Array.isArray(a) || a.length !== v.length) out.push(`${path}: rows differ`);
    else v.forEach((x, i) => sameFigures(x, a[i], `${path}[${i}]`, out));
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) if (a && typeof a === 'object' && k in a) sameFigures(x, (a as Record<string, unknown>)[k], `${path}.${k}`, out);
  }
}

/** Route by route, the viewer's and partner's figures against the analyst's. */
export async function figuresAgree(roles: Roles): Promise<{ differences: string[]; compared: number }> {
  const differences: string[] = [];
  let compared = 0;
  for (const { def, path, who } of periodRoutes(roles)) {
    if (def.path.startsWith('/api/exports/')) continue;
    const q = `${path}?${fyQuery(roles.years[0])}`;
    const a = await roles.analyst.get(q);
    if (a.status === 404) continue; // a dimension of another subject
    for (const s of who) {
      const v = await s.get(q);
      expect(v.status, q).toBe(200);
      sameFigures(v.body, a.body, `${s.session!.role} ${q}`, differences);
      compared++;
    }
  }
  return { differences, compared };
}



/**
 * The board's copy of the report withholds the same cells as the pages a
 * viewer opens for the same years (else the two together would give a cell
 * back): breakdowns of the year and the year before, trends, maps.
 */
export async function reportAgreesWithPages(roles: Roles): Promise<{ differences: string[]; compared: number }> {
  const differences: string[] = [];
  let compared = 0;
  const y = roles.years[0];
  const r = (await roles.viewer.get(`/api/report?${fyQuery(y)}`)).body;
  expect(r.suppression.applied).toBe(true);
  const before = { from: r.previous.from, to: r.previous.to };
  const same = (what: string, a: unknown, b: unknown) => {
    compared++;
    if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${what}: report ${JSON.stringify(a)?.slice(0, 200)} vs page ${JSON.stringify(b)?.slice(0, 200)}`);
  };
  const cells = (rows: { key: string; count: number | null }[]) => Object.fromEntries(rows.map((x) => [x.key, x.count]));
  for (const list of Object.values(r.breakdowns) as { subject: string; dimension: string; current: any[]; previous: any[] }[][]) {
    for (const b of list) {
      const path = OFFENDER_PROFILE_BREAKDOWNS.includes(b.dimension as never) && b.subject === 'offenders' && !BREAKDOWNS.some((d) => d.subject === 'offenders' && d.dimension === b.dimension)
        ? `/api/profiles/offenders/breakdowns/${b.dimension}`
        : `/api/breakdowns/${b.subject}/${b.dimension}`;
      same(`${path} ${y.from}`, cells(b.current), cells(rowsOf((await roles.viewer.get(`${path}?${fyQuery(y)}`)).body)));
      same(`${path} ${before.from}`, cells(b.previous), cells(rowsOf((await roles.viewer.get(`${path}?${fyQuery(before)}`)).body)));
    }
  }
  for (const s of r.trends.series as { measure: string; points: { period: string; value: number | null }[] }[]) {
    const page = (await roles.viewer.get(`/api/trends/${s.measure}?from=${r.trends.from}&to=${r.trends.to}`)).body.points as { period: string; value: number | null }[];
    same(`trend ${s.measure}`, s.points.map((p) => p.value), page.map((p) => p.value));
  }
  for (const m of r.maps as { measure: string; current: any[]; unmapped: any[] }[]) {
    const page = (await roles.viewer.get(`/api/hotspots/wards?${fyQuery(y)}&measure=${m.measure}`)).body;
    same(`map ${m.measure}`, [m.current.map((x) => x.count), m.unmapped.map((x) => x.count)], [page.rows.map((x: any) => x.count), page.unmapped.map((x: any) => x.count)]);
  }
  return { differences, compared };
}

/**
 * The missing page's monthly series against each year's totals: counts month
 * by month, and a percentage's numerators (percentage × the episodes returned
 * shown in their own series).
 */
export async function monthlySeriesSums(roles: Roles): Promise<{ leaks: string[]; withheld: number }> {
  const leaks: string[] = [];
  let withheld = 0;
  type S = { measure: string; unit: string; points: { period: string; value: number | null; denominator?: number | null }[] };
  for (const y of roles.years) {
    const q = `/api/missing/monthly?${fyQuery(y)}`;
    const a = (await roles.analyst.get(q)).body.series as S[];
    const v = (await roles.viewer.get(q)).body.series as S[];
    const den = new Map((v.find((s) => s.measure === 'episodes_returned')?.points ?? []).filter((p) => p.value !== null).map((p) => [p.period, p.value as number]));
    for (const [i, s] of v.entries()) {
      withheld += s.points.filter((p) => p.value === null).length;
      if (s.unit === 'count') {
        leaks.push(...judgeSet(`${y.from} ${s.measure}`, {
          truth: new Map(a[i].points.map((p) => [p.period, p.value ?? 0])),
          shown: new Map(s.points.filter((p) => p.value !== null).map((p) => [p.period, p.value as number])),
        }));
      } else {
        const num = (p: { value: number | null; denominator?: number | null }) => Math.round(((p.value as number) * (p.denominator as number)) / 100);
        const shown = new Map<string, number>();
        for (const p of s.points) if (p.value !== null && den.has(p.period)) shown.set(p.period, Math.round((p.value * (den.get(p.period) as number)) / 100));
        leaks.push(...judgeSet(`${y.from} ${s.measure} numerators`, {
          truth: new Map(a[i].points.filter((p) => p.value !== null).map((p) => [p.period, num(p)])),
          shown,
        }));
      }
    }
  }
  return { leaks, withheld };
}
