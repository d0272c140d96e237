// Every figure of the annual profile, for the period and the one before it,
// assembled from the functions the pages and APIs already use (measures,
// breakdowns, profiles, missing views, ward counts, trends, import history):
// the report defines no figure of its own.
import type { Database } from '../db.ts';
import { previousPeriod, seriesPeriods, type Period } from '../period.ts';
import { findBreakdown, type BreakdownDef } from '../measures/definitions.ts';
import { computeBreakdown, computeMeasures, type BreakdownRow, type MeasureValues } from '../measures/run.ts';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../measures/params.ts';
import { victimsCompleteness } from '../profiles/victims.ts';
import { offenderBreakdown, offendersCompleteness, OFFENDER_PROFILE_BREAKDOWNS } from '../profiles/offenders.ts';
import type { CompletenessRow } from '../profiles/completeness.ts';
import { concentration, referredMissing, type Concentration } from '../missing/views.ts';
import { loadBoundaries } from '../hotspots/service.ts';
import { wardCounts, WARD_MEASURES, type WardMeasure, type WardRow } from '../hotspots/wards.ts';
import { childrenByArea } from '../hotspots/population.ts';
import { TREND_MEASURES, trendMeasure } from '../trends/measures.ts';
import { seriesValues, trendSeries, type SeriesPoint } from '../trends/series.ts';
import { PERCENT_DENOMINATOR } from '../suppression/measures.ts';
import { listImports } from '../import/store.ts';
import type { ImportedFile } from '../import/store.ts';
import { periodLabel } from './format.ts';

export interface PeriodRef {
  from: string;
  to: string;
  label: string;
}

export interface ReportBreakdown {
  subject: string;
  dimension: string;
  label: string;
  /** Shown in band order (true) or by count. */
  banded: boolean;
  /** The sql/ file and query name. */
  source: string;
  current: BreakdownRow[];
  previous: BreakdownRow[];
}

export interface ReportMap {
  measure: WardMeasure;
  label: string;
  current: WardRow[];
  previous: WardRow[];
  /** Counts not on the map (ward not recorded or without a boundary), this period. */
  unmapped: { ward: string; count: number }[];
}

export interface ReportTrend {
  measure: string;
  label: string;
  unit: 'count' | 'percent';
  direction: string;
  rationale: string;
  points: SeriesPoint[];
  /** For a percentage: the count each month's value is "as % of", by month (the release judges them; not shown). */
  denominators?: Record<string, number | null>;
}

export interface ReportFigures {
  period: PeriodRef;
  previous: PeriodRef;
  thresholds: Thresholds;
  figures: { current: { measures: MeasureValues }; previous: { measures: MeasureValues } };
  breakdowns: Record<'victims' | 'offenders' | 'locations' | 'missing' | 'disruption', ReportBreakdown[]>;
  missing: {
    referred: { current: Awaited<ReturnType<typeof referredMissing>>; previous: Awaited<ReturnType<typeof referredMissing>> };
    concentration: { current: Concentration; previous: Concentration };
  };
  maps: ReportMap[];
  trends: { from: string; to: string; series: ReportTrend[] };
  sources: { imports: { importId: number; importedAt: string; source: string; files: ImportedFile[] }[] };
  completeness: { current: CompletenessRow[]; previous: CompletenessRow[] };
}

const SECTION_BREAKDOWNS: Record<keyof ReportFigures['breakdowns'], string[]> = {
  victims: ['age_band', 'sex', 'ethnicity_group', 'looked_after', 'risk_level', 'cse_model', 'referral_source', 'vulnerabilities'].map((d) => `victims/${d}`),
  offenders: ['age_band', 'sex', 'ethnicity_group', 'role', 'status'].map((d) => `offenders/${d}`),
  locations: ['locations/location_type', 'victims/home_ward'],
  missing: ['missing_from', 'police_risk', 'duration_band', 'age_band', 'sex', 'ethnicity_group'].map((d) => `missing/${d}`),
  disruption: ['disruptions/action_type'],
};

const OFFENDER_PROFILE_LABELS: Record<(typeof OFFENDER_PROFILE_BREAKDOWNS)[number], string> = {
  lone_group: 'Lone offender or in a group',
  relationships: 'Relationship to the child',
  age_gap: 'Age gap between offender and child (years)',
};

const MAP_MEASURES: WardMeasure[] = ['cases_home', 'location_reports'];

/** Months of an XmR chart at least: limits need enough points to mean anything (as the trends page). */
const TREND_MONTHS = 36;

export function trendWindow(p: Period): { from: string; to: string } {
  const y = +p.date_to.slice(0, 4);
  const m = +p.date_to.slice(5, 7) - (TREND_MONTHS - 1);
  const start = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  return { from: start < p.date_from ? start : p.date_from, to: p.date_to };
}

const ref = (p: Period): PeriodRef => ({ from: p.date_from, to: p.date_to, label: periodLabel(p.date_from, p.date_to) });

async function breakdown(db: Database, def: BreakdownDef, now: Period, before: Period): Promise<ReportBreakdown> {
  const rows = await computeBreakdown(db, def, [now, before]);
  return {
    subject: def.subject,
    dimension: def.dimension,
    label: def.label,
    banded: def.banded,
    source: `${def.file}#${def.dimension}`,
    current: rows.get(now.period) ?? [],
    previous: rows.get(before.period) ?? [],
  };
}

async function offenderProfile(db: Database, name: (typeof OFFENDER_PROFILE_BREAKDOWNS)[number], now: Period, before: Period): Promise<ReportBreakdown> {
  const [current, previous] = await Promise.all([offenderBreakdown(db, name, now), offenderBreakdown(db, name, before)]);
  return { subject: 'offenders', dimension: name, label: OFFENDER_PROFILE_LABELS[name], banded: name === 'age_gap', source: `sql/profiles/offenders.sql#${name}`, current, previous };
}

async function maps(db: Database, now: Period, before: Period): Promise<ReportMap[]> {
  const boundaries = await loadBoundaries(db);
  if (boundaries.length === 0) return [];
  const span = (p: Period) => ({ from: p.date_from, to: p.date_to });
  const [childrenNow, childrenBefore] = await Promise.all([childrenByArea(db, span(now)), childrenByArea(db, span(before))]);
  return Promise.all(MAP_MEASURES.map(async (measure) => {
    const [current, previous] = await Promise.all([
      wardCounts(db, measure, span(now), boundaries, childrenNow),
      wardCounts(db, measure, span(before), boundaries, childrenBefore),
    ]);
    return { measure, label: WARD_MEASURES[measure], current: current.rows, previous: previous.rows, unmapped: current.unmapped };
  }));
}

async function trends(db: Database, now: Period): Promise<ReportFigures['trends']> {
  const window = trendWindow(now);
  const series = await Promise.all(TREND_MEASURES.map(async (t) => {
    const m = trendMeasure(t.id)!;
    const points = await trendSeries(db, m, { from: window.from, to: window.to, interval: 'month' });
    const denId = PERCENT_DENOMINATOR[m.id];
    const denominators = denId
      ? await seriesValues(db, seriesPeriods(window.from, window.to, 'month')).then((v) => Object.fromEntries(points.map((p) => [p.period, v.get(p.period)?.[denId] ?? null])))
      : undefined;
    return { measure: m.id, label: m.label, unit: m.unit, direction: m.direction, rationale: m.rationale, points, ...(denominators ? { denominators } : {}) };
  }));
  return { ...window, series };
}

/** Every figure of the report for `now` and the period before it (default thresholds, no filters). */
export async function reportFigures(db: Database, now: Period): Promise<ReportFigures> {
  const before = previousPeriod(now);
  const t = DEFAULT_THRESHOLDS;
  const defs = (ids: string[]) => ids.map((id) => findBreakdown(id.split('/')[0], id.split('/')[1])!);
  const section = (k: keyof ReportFigures['breakdowns']) => Promise.all(defs(SECTION_BREAKDOWNS[k]).map((d) => breakdown(db, d, now, before)));

  const [measures, victims, offenders, profiles, locations, missing, disruption] = await Promise.all([
    computeMeasures(db, [now, before]),
    section('victims'),
    section('offenders'),
    Promise.all(OFFENDER_PROFILE_BREAKDOWNS.map((n) => offenderProfile(db, n, now, before))),
    section('locations'),
    section('missing'),
    section('disruption'),
  ]);
  const [referredNow, referredBefore, concNow, concBefore, mapList, trendList, imports, complete] = await Promise.all([
    referredMissing(db, now, t),
    referredMissing(db, before, t),
    concentration(db, now, t),
    concentration(db, before, t),
    maps(db, now, before),
    trends(db, now),
    listImports(db),
    Promise.all([now, before].map(async (p) => [...(await victimsCompleteness(db, p, {})), ...(await offendersCompleteness(db, p))])),
  ]);
  return {
    period: ref(now),
    previous: ref(before),
    thresholds: t,
    figures: { current: { measures: measures.get(now.period) ?? {} }, previous: { measures: measures.get(before.period) ?? {} } },
    breakdowns: { victims, offenders: [...offenders, ...profiles], locations, missing, disruption },
    missing: {
      referred: { current: referredNow, previous: referredBefore },
      concentration: { current: concNow, previous: concBefore },
    },
    maps: mapList,
    trends: trendList,
    sources: { imports: imports.map((i) => ({ importId: i.importId, importedAt: i.importedAt, source: i.source, files: i.files })) },
    completeness: { current: complete[0], previous: complete[1] },
  };
}
