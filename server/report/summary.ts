// The report's key findings and recording gaps, written as sentences from the
// figures only: nothing is said that is not a figure of the report or a change
// between two of them. Pure, so it is tested sentence by sentence.
// A withheld figure (a small number, shown as [c] where figures leave the
// analyst) is never written as a number: the sentence says it is withheld.
import { count, percent } from './format.ts';

export type FindingSection = 'victims' | 'missing' | 'offenders' | 'locations' | 'disruption';

export interface Finding {
  section: FindingSection;
  text: string;
}

export interface PeriodFigures {
  /** '2024/25' or '01/04/2024 to 30/06/2024'. */
  label: string;
  /** Every measure of /api/measures; null = withheld or, for a percentage, no denominator. */
  measures: Record<string, number | null>;
  /** Ids withheld as small numbers (the `suppressed` list of a suppressed answer). */
  withheld: readonly string[];
}

export interface SummaryInput {
  current: PeriodFigures;
  previous: PeriodFigures;
  /** Cases referred by age band in the current period (victims/age_band rows; count null = withheld). */
  ageBands: { key: string; count: number | null }[];
  thresholds: { repeat_min: number; repeat_days: number };
}

type Pair = [singular: string, plural: string];

interface CountTemplate {
  id: string;
  section: FindingSection;
  noun: Pair;
  verb: Pair;
  /** Plain name of the figure when it is withheld, e.g. 'cases referred for CSE concerns'. */
  name: string;
}

interface PercentTemplate {
  id: string;
  section: FindingSection;
  /** '{p} of <of> in <period> <then>'. */
  of: string;
  then: string;
}

const countOf = (id: string, section: FindingSection, noun: Pair, verb: Pair, name: string): CountTemplate => ({ id, section, noun, verb, name });

/** The figures the summary speaks of, in the report's order. */
function templates(t: SummaryInput['thresholds']): (CountTemplate | PercentTemplate)[] {
  const repeat = `${t.repeat_min} or more episodes within ${t.repeat_days} days`;
  return [
    countOf('cases_referred', 'victims', ['case', 'cases'], ['was referred for CSE concerns', 'were referred for CSE concerns'], 'cases referred for CSE concerns'),
    countOf('children_referred', 'victims', ['child', 'children'], ['was referred', 'were referred'], 'children referred'),
    countOf('children_high_risk', 'victims', ['child', 'children'], ['referred was assessed at high risk', 'referred were assessed at high risk'], 'children referred at high risk'),
    { id: 'pct_cases_looked_after', section: 'victims', of: 'cases referred', then: 'concerned a looked-after child' },
    countOf('missing_episodes', 'missing', ['missing episode', 'missing episodes'], ['was reported', 'were reported'], 'missing episodes'),
    countOf('children_missing', 'missing', ['child', 'children'], ['was reported missing', 'were reported missing'], 'children reported missing'),
    countOf('repeat_missing_children', 'missing', ['child', 'children'], [`went missing repeatedly (${repeat})`, `went missing repeatedly (${repeat})`], 'children missing repeatedly'),
    countOf('repeat_missing_children_without_case', 'missing', ['child', 'children'], ['missing repeatedly had no open CSE case', 'missing repeatedly had no open CSE case'], 'children missing repeatedly with no open CSE case'),
    { id: 'pct_referred_children_missing', section: 'missing', of: 'children referred', then: 'had been reported missing in the year before their referral or since' },
    { id: 'pct_rhi_within_72h', section: 'missing', of: 'missing episodes that ended', then: 'were followed by a return home interview within 72 hours' },
    countOf('offenders_identified', 'offenders', ['offender', 'offenders'], ['was identified', 'were identified'], 'offenders identified'),
    { id: 'pct_offenders_in_group', section: 'offenders', of: 'offenders identified', then: 'belonged to a group' },
    countOf('groups_active', 'offenders', ['group', 'groups'], ['was active', 'were active'], 'groups active'),
    countOf('locations_reported', 'locations', ['location', 'locations'], ['was reported as a place of concern', 'were reported as places of concern'], 'locations reported'),
    countOf('repeat_locations', 'locations', ['location', 'locations'], ['was linked to two or more children', 'were linked to two or more children'], 'locations linked to two or more children'),
    countOf('disruptions', 'disruption', ['disruption action', 'disruption actions'], ['was recorded', 'were recorded'], 'disruption actions'),
    countOf('cawns_issued', 'disruption', ['child abduction warning notice (CAWN)', 'child abduction warning notices (CAWNs)'], ['was issued', 'were issued'], 'child abduction warning notices issued'),
  ];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Value {
  value: number | null;
  withheld: boolean;
}

function valueOf(p: PeriodFigures, id: string): Value {
  const v = p.measures[id];
  return { value: typeof v === 'number' ? v : null, withheld: p.withheld.includes(id) };
}

/** ', 6.5% more than in 2023/24 (92)' and its kin; '' when there is nothing to compare with. */
export function countChange(current: number, previous: Value, previousLabel: string): string {
  if (previous.withheld) return `; the ${previousLabel} figure is a small number and is withheld`;
  const p = previous.value;
  if (p === null) return '';
  if (p === 0) return current === 0 ? `, as in ${previousLabel}` : `, up from none in ${previousLabel}`;
  if (current === p) return `, the same as in ${previousLabel}`;
  const change = percent((Math.abs(current - p) / p) * 100);
  return `, ${change} ${current > p ? 'more' : 'fewer'} than in ${previousLabel} (${count(p)})`;
}

/** '98 cases were referred for CSE concerns in 2024/25, 6.5% more than in 2023/24 (92).' */
export function countSentence(t: CountTemplate, current: Value, previous: Value, labels: { current: string; previous: string }): string | null {
  if (current.withheld) return `The number of ${t.name} in ${labels.current} is a small number and is withheld ([c]).`;
  const n = current.value;
  if (n === null) return null;
  const one = n === 1;
  const subject = n === 0 ? `No ${t.noun[1]}` : `${count(n)} ${one ? t.noun[0] : t.noun[1]}`;
  return `${subject} ${one ? t.verb[0] : t.verb[1]} in ${labels.current}${countChange(n, previous, labels.previous)}.`;
}

/** '25.0% of cases referred in 2024/25 concerned a looked-after child, up from 20.0% in 2023/24.' */
export function percentSentence(t: PercentTemplate, current: Value, previous: Value, labels: { current: string; previous: string }): string | null {
  if (current.value === null) return null; // no denominator, or withheld with its count
  let change = '';
  if (previous.withheld) change = `; the ${labels.previous} figure is withheld`;
  else if (previous.value !== null) {
    const a = percent(current.value);
    const b = percent(previous.value);
    change = a === b ? `, the same as in ${labels.previous}` : `, ${current.value > previous.value ? 'up' : 'down'} from ${b} in ${labels.previous}`;
  }
  return `${percent(current.value)} of ${t.of} in ${labels.current} ${t.then}${change}.`;
}

const AGE_LABEL: Record<string, string> = { '0-11': 'under 12', '12-13': '12 to 13', '14-15': '14 to 15', '16-17': '16 to 17', '18+': '18 or over' };

/** '45.9% of cases referred in 2024/25 concerned children aged 14 to 15, the largest age group.' */
export function ageSentence(rows: SummaryInput['ageBands'], casesReferred: Value, label: string): string | null {
  const total = casesReferred.value;
  if (casesReferred.withheld || total === null || total === 0) return null;
  const known = rows.filter((r): r is { key: string; count: number } => r.key in AGE_LABEL && typeof r.count === 'number' && r.count > 0);
  if (known.length === 0) return null;
  const top = Math.max(...known.map((r) => r.count));
  const largest = known.filter((r) => r.count === top).map((r) => AGE_LABEL[r.key]);
  const groups = largest.length === 1 ? `${largest[0]}, the largest age group` : `${largest.join(' and ')}, the largest age groups (each)`;
  return `${percent((top / total) * 100)} of cases referred in ${label} concerned children aged ${groups}.`;
}

/** Every key finding the figures support, in the report's section order. */
export function keyFindings(input: SummaryInput): Finding[] {
  const labels = { current: input.current.label, previous: input.previous.label };
  const out: Finding[] = [];
  for (const t of templates(input.thresholds)) {
    const cur = valueOf(input.current, t.id);
    const prev = valueOf(input.previous, t.id);
    const text = 'noun' in t ? countSentence(t, cur, prev, labels) : percentSentence(t, cur, prev, labels);
    if (text) out.push({ section: t.section, text: capitalise(text) });
    if (t.id === 'children_referred') {
      const age = ageSentence(input.ageBands, valueOf(input.current, 'cases_referred'), labels.current);
      if (age) out.push({ section: 'victims', text: capitalise(age) });
    }
  }
  return out;
}
