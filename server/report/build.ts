// The annual profile's answer (GET /api/report and the PDF): every figure of
// reportFigures for the audience's sections, small numbers withheld for the
// board and partners, then the sentences written from what is left, so that a
// sentence can only state a figure the reader's copy shows.
import type { Database } from '../db.ts';
import { heldSources } from '../import/sources/held.ts';
import type { Period } from '../period.ts';
import { releaseReport } from '../suppression/report.ts';
import { isSuppressedAudience, sectionsFor, type Audience, type SectionId } from './audience.ts';
import { reportFigures, type ReportFigures } from './figures.ts';
import { methodology, type Methodology } from './methodology.ts';
import { keyFindings, type Finding } from './summary.ts';
import { gapFindings } from './gaps.ts';

export const MARKING = 'OFFICIAL-SENSITIVE';
export const DEFAULT_AREA_NAME = 'the area';

export interface ReportOptions {
  audience: Audience;
  /** Counts from 1 to this are withheld for the board and partners. */
  threshold: number;
  /** Fallback when the database records no area name (PROFILER_AREA_NAME). */
  areaName: string | null;
}

type Measured = { measures: Record<string, number | null>; suppressed?: string[] };

export type Report = Omit<ReportFigures, 'sources' | 'completeness' | 'figures'> & {
  area: string;
  audience: Audience;
  marking: string;
  sections: SectionId[];
  suppression: { applied: boolean; threshold: number };
  figures: { current: Measured; previous: Measured };
  /** Absent for partners (data holdings are not theirs). */
  sources?: ReportFigures['sources'];
  completeness?: ReportFigures['completeness'];
  methodology: Methodology;
  findings: Finding[];
  gaps: string[];
};

/** The area's name: meta `area_name`, else the configured fallback, else "the area". */
export async function areaName(db: Database, fallback: string | null): Promise<string> {
  const rows = await db.named('report/area#area_name');
  const recorded = rows.length ? String(rows[0].area_name ?? '').trim() : '';
  return recorded || fallback || DEFAULT_AREA_NAME;
}

export async function buildReport(db: Database, period: Period, opts: ReportOptions): Promise<Report> {
  const [raw, area] = await Promise.all([reportFigures(db, period), areaName(db, opts.areaName)]);
  const sections = sectionsFor(opts.audience);
  const suppressed = isSuppressedAudience(opts.audience);
  const { sources, completeness, ...figures } = raw;
  let body = {
    area,
    audience: opts.audience,
    marking: MARKING,
    sections,
    suppression: { applied: suppressed, threshold: opts.threshold },
    ...figures,
    ...(sections.includes('sources') ? { sources } : {}),
    ...(sections.includes('quality') ? { completeness } : {}),
    methodology: methodology({ suppressed, threshold: opts.threshold, thresholds: raw.thresholds, heldLayouts: (await heldSources(db)).tables.flatMap((t) => t.layouts) }),
  };
  if (suppressed) body = releaseReport(body, opts.threshold);
  const figs = body.figures as Report['figures'];
  const labels = { current: body.period.label, previous: body.previous.label };
  const findings = keyFindings({
    current: { label: labels.current, measures: figs.current.measures, withheld: figs.current.suppressed ?? [] },
    previous: { label: labels.previous, measures: figs.previous.measures, withheld: figs.previous.suppressed ?? [] },
    ageBands: body.breakdowns.victims.find((b) => b.dimension === 'age_band')?.current ?? [],
    thresholds: body.thresholds,
  });
  const gaps = body.completeness ? gapFindings(body.completeness.current, body.completeness.previous, labels) : [];
  return { ...body, figures: figs, findings, gaps };
}
