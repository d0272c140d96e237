// The report's appendix: every figure's definition and the sql/ file that
// computes it (from the measures and breakdowns catalogue, i.e. the comments
// under each named query), the other queries the report reads, how trends are
// drawn, and the small-numbers rule as applied to this copy.
import { BREAKDOWNS, MEASURES } from '../measures/definitions.ts';
import { sql } from '../sql.ts';
import { TREND_MEASURES } from '../trends/measures.ts';
import { LIMIT_FACTOR, RUN_LENGTH } from '../trends/xmr.ts';
import type { Thresholds } from '../measures/params.ts';
import { sourceMethod } from '../import/sources/method.ts';
import { hotspotMethodNotes } from '../hotspots/method.ts';

/** Named queries (sql/) behind the report's figures that are not measures or breakdowns. */
const OTHER_QUERIES: { id: string; label: string }[] = [
  { id: 'profiles/victims#completeness', label: 'Victims: share of each field not recorded' },
  { id: 'profiles/offenders#completeness', label: 'Offenders: share of each field not recorded' },
  { id: 'profiles/offenders#lone_group', label: 'Offenders: lone or in a group' },
  { id: 'profiles/offenders#relationships', label: "Offenders: relationship to the child" },
  { id: 'profiles/offenders#age_gap', label: 'Offenders: age gap between offender and child' },
  { id: 'missing/views#referred_missing', label: 'Missing × CSE: referred children who had been missing' },
  { id: 'missing/views#concentration', label: 'Missing: share of episodes from the most frequently missing 10% of children' },
  { id: 'missing/views#episodes_per_child', label: 'Missing: children by number of episodes' },
  { id: 'hotspots/wards#cases_home', label: 'Maps: cases by home ward' },
  { id: 'hotspots/wards#location_reports', label: 'Maps: location reports by ward of the location' },
  { id: 'import/history#list_imports', label: 'Data sources: extracts imported, rows and SHA-256' },
];

export interface MethodEntry {
  name: string;
  label: string;
  definition: string;
  file: string;
}

export interface Methodology {
  measures: MethodEntry[];
  breakdowns: MethodEntry[];
  queries: MethodEntry[];
  notes: string[];
}

function describe(id: string): { definition: string; file: string } {
  const q = sql(id);
  return { definition: q.description, file: q.file };
}

export function methodology(opts: { suppressed: boolean; threshold: number; thresholds: Thresholds; heldLayouts?: string[] }): Methodology {
  const t = opts.thresholds;
  // Tables read from files as agencies hold them (SSDA903, CIN census, …): their mappings and what they do not record.
  const sources = sourceMethod(opts.heldLayouts ?? []);
  const trends = TREND_MEASURES.map((m) => MEASURES.find((d) => d.id === m.id)?.label ?? m.id).join(', ');
  return {
    measures: MEASURES.map((m) => ({ name: m.id, label: m.label, definition: m.definition, file: m.file })),
    breakdowns: BREAKDOWNS.map((b) => ({ name: `${b.subject}/${b.dimension}`, label: b.label, definition: b.definition, file: b.file })),
    queries: [...OTHER_QUERIES.map((q) => ({ name: q.id, label: q.label, ...describe(q.id) })), ...sources.entries],
    notes: [
      'A period runs from its first to its last date, both included; an event is in the period when its date (the date part of a date and time) is. Counts of children are distinct children. Each section compares the period with the period of the same length before it (for a financial year, the financial year before).',
      'Percentages are of the denominator named in their definition, shown to one decimal place (rounded half away from zero); a percentage with no denominator is shown as –. "Not recorded" is always counted as a category of its own.',
      `Missing repeatedly: ${t.repeat_min} or more episodes, the ${ordinal(t.repeat_min)} starting fewer than ${t.repeat_days} days after the first. A long episode lasts more than ${t.long_hours} hours.`,
      `Trends (${trends}) are XmR charts of whole months: the mean, and process limits at the mean ± ${LIMIT_FACTOR} × the mean moving range. A special cause is a point outside a limit, a run of ${RUN_LENGTH} or more points on one side of the mean, or ${RUN_LENGTH} or more points each rising or each falling (NHS England, Making Data Count).`,
      opts.suppressed
        ? `Small numbers: in this copy, counts from 1 to ${opts.threshold} are withheld and shown as [c]; where one figure of a table is withheld, the next smallest is withheld too, so that no withheld figure can be worked out from a total. A percentage is withheld when its numerator, the rest of its denominator, or its denominator is withheld. Sentences never state a withheld number.`
        : `Small numbers: this is the analyst's copy and shows every figure. Copies for the board and partners withhold counts from 1 to ${opts.threshold} ([c]), with secondary suppression so that no withheld figure can be worked out from a total.`,
      ...hotspotMethodNotes(),
      'Every figure is computed by the named SQL query given here, kept in the sql/ folder of Problem Profiler, so that it can be checked and reproduced. What each figure means and how to read it is explained in docs/measures.md, and the data each is built from in docs/extracts.md, both in the Problem Profiler folder.',
      ...sources.notes,
    ],
  };
}

function ordinal(n: number): string {
  const words = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  return words[n] ?? `${n}th`;
}
