// Section 9's recording gaps as sentences, from the completeness figures of the
// victims and offenders profiles (sql/profiles/*#completeness): every field not
// recorded for at least GAP_PCT % of its records, largest gap first. Pure.
import { findBreakdown } from '../measures/definitions.ts';
import { percent } from './format.ts';

/** A field is a gap worth a sentence when at least this share (%) is not recorded. */
export const GAP_PCT = 10;

export interface CompletenessFigure {
  field: string;
  denominator: string;
  /** 0–100; null when there is nothing to count or the figure is withheld. */
  pct_not_recorded: number | null;
}

const SUBJECT: Record<string, string> = { cases_referred: 'victims', offenders_identified: 'offenders' };
const OF: Record<string, string> = {
  cases_referred: 'cases referred',
  offenders_identified: 'offenders identified',
  links_in_period: 'links between offenders and children made',
};
const OTHER_FIELDS: Record<string, string> = {
  home_ward: 'Home ward',
  relationship: 'Relationship between offender and child',
  age_gap: 'Age gap between offender and child',
};

/** 'Ethnic group' for victims/ethnicity_group, from the breakdown catalogue. */
export function fieldLabel(denominator: string, field: string): string {
  const subject = SUBJECT[denominator];
  return (subject && findBreakdown(subject, field)?.label) || OTHER_FIELDS[field] || field.replace(/_/g, ' ');
}

/** 'Ethnic group: not recorded for 25.5% of cases referred in 2024/25 (20.0% in 2023/24).' */
export function gapFindings(current: CompletenessFigure[], previous: CompletenessFigure[], labels: { current: string; previous: string }): string[] {
  const before = new Map(previous.map((r) => [`${r.denominator}/${r.field}`, r.pct_not_recorded]));
  const gaps = current
    .filter((r): r is CompletenessFigure & { pct_not_recorded: number } => r.pct_not_recorded !== null && r.pct_not_recorded >= GAP_PCT)
    .sort((a, b) => b.pct_not_recorded - a.pct_not_recorded);
  const out = gaps.map((r) => {
    const prev = before.get(`${r.denominator}/${r.field}`);
    const then = typeof prev === 'number' ? ` (${percent(prev)} in ${labels.previous})` : '';
    const what = OF[r.denominator] ?? r.denominator.replace(/_/g, ' ');
    return `${fieldLabel(r.denominator, r.field)}: not recorded for ${percent(r.pct_not_recorded)} of ${what} in ${labels.current}${then}.`;
  });
  // Said only when every field's share is known: a withheld share could be a gap.
  if (current.length > 0 && current.every((r) => r.pct_not_recorded !== null)) {
    out.push(gaps.length === 0
      ? `Every field was recorded for more than ${100 - GAP_PCT}% of records in ${labels.current}.`
      : `The other fields were recorded for more than ${100 - GAP_PCT}% of records in ${labels.current}.`);
  }
  return out;
}
