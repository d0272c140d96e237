// The answer of GET /api/report (server/report/build.ts), as the page reads it.
// A withheld count is null (with `suppressed: true` on its row).
import type { XmrPoint } from '../charts/xmr.ts';

export type SectionId = 'summary' | 'sources' | 'victims' | 'offenders' | 'locations' | 'missing' | 'disruption' | 'trends' | 'quality' | 'methodology';
export type Audience = 'analyst' | 'board' | 'partner';

export interface PeriodRef {
  from: string;
  to: string;
  label: string;
}

export interface CountRow {
  key: string;
  count: number | null;
  suppressed?: boolean;
}

export interface ReportBreakdown {
  subject: string;
  dimension: string;
  label: string;
  banded: boolean;
  source: string;
  current: CountRow[];
  previous: CountRow[];
}

export interface WardRow {
  area_code: string;
  area_name: string | null;
  count: number | null;
  population: number | null;
  rate: number | null;
  suppressed?: boolean;
}

export interface ReportMap {
  measure: string;
  label: string;
  current: WardRow[];
  previous: WardRow[];
  unmapped: { ward: string; count: number | null; suppressed?: boolean }[];
}

export interface ReportTrend {
  measure: string;
  label: string;
  unit: 'count' | 'percent';
  direction: 'higher' | 'lower' | 'neither';
  rationale: string;
  points: XmrPoint[];
}

export interface Referred {
  total: number | null;
  count: number | null;
  pct_missing: number | null;
  suppressed?: boolean;
}

export interface Concentration {
  children: { total: number | null; count: number | null };
  episodes: { total: number | null; count: number | null; pct_top: number | null };
  distribution: CountRow[];
}

export interface CompletenessRow {
  field: string;
  denominator: string;
  total: number | null;
  not_recorded: number | null;
  pct_not_recorded: number | null;
  suppressed?: boolean;
}

export interface MethodEntry {
  name: string;
  label: string;
  definition: string;
  file: string;
}

export interface Measured {
  measures: Record<string, number | null>;
  suppressed?: string[];
}

export interface Report {
  area: string;
  audience: Audience;
  marking: string;
  sections: SectionId[];
  suppression: { applied: boolean; threshold: number };
  period: PeriodRef;
  previous: PeriodRef;
  thresholds: { repeat_min: number; repeat_days: number; long_hours: number };
  figures: { current: Measured; previous: Measured };
  breakdowns: Record<'victims' | 'offenders' | 'locations' | 'missing' | 'disruption', ReportBreakdown[]>;
  missing: {
    referred: { current: Referred; previous: Referred };
    concentration: { current: Concentration; previous: Concentration };
  };
  maps: ReportMap[];
  trends: { from: string; to: string; series: ReportTrend[] };
  sources?: { imports: { importId: number; importedAt: string; source: string; files: { extract: string; file: string; /** Absent in copies that leave the analyst. */ rows?: number; sha256: string }[] }[] };
  completeness?: { current: CompletenessRow[]; previous: CompletenessRow[] };
  methodology: { measures: MethodEntry[]; breakdowns: MethodEntry[]; queries: MethodEntry[]; notes: string[] };
  findings: { section: string; text: string }[];
  gaps: string[];
}
