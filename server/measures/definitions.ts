// The catalogue of measures and breakdowns (measures.md, in its order): ids,
// units, plain-English labels, and the definition written above each query in
// sql/measures and sql/breakdowns. Pages, the report's methodology appendix and
// trends read labels and definitions from here; the figures come from the SQL.
import { sql } from '../sql.ts';
import * as codes from './codes.ts';

export type MeasureGroup = 'victims' | 'missing' | 'linking' | 'offenders' | 'locations';
export type Unit = 'count' | 'percent';

export interface MeasureDef {
  id: string;
  group: MeasureGroup;
  unit: Unit;
  label: string;
  /** The comment under the query's name in the SQL file. */
  definition: string;
  /** The SQL file, e.g. 'sql/measures/victims.sql'. */
  file: string;
}

export interface BreakdownDef {
  subject: string;
  dimension: string;
  label: string;
  definition: string;
  file: string;
  /** Every key in display order; null when the keys are not a fixed list (wards). */
  keys: string[] | null;
  /** Bands are shown in band order; other dimensions by count, largest first. */
  banded: boolean;
}

const M = (id: string, group: MeasureGroup, unit: Unit, label: string) => ({ id, group, unit, label });

const MEASURE_LIST = [
  M('cases_referred', 'victims', 'count', 'Cases referred'),
  M('children_referred', 'victims', 'count', 'Children referred'),
  M('children_open', 'victims', 'count', 'Children with an open case'),
  M('children_high_risk', 'victims', 'count', 'Children referred at high risk'),
  M('pct_cases_looked_after', 'victims', 'percent', 'Cases where the child was looked after'),
  M('pct_cases_male', 'victims', 'percent', 'Cases where the child is male'),
  M('pct_cases_ethnicity_recorded', 'victims', 'percent', 'Cases with ethnicity recorded'),
  M('missing_episodes', 'missing', 'count', 'Missing episodes'),
  M('children_missing', 'missing', 'count', 'Children reported missing'),
  M('episodes_from_care', 'missing', 'count', 'Episodes missing from care'),
  M('episodes_over_24h', 'missing', 'count', 'Episodes lasting over 24 hours'),
  M('repeat_missing_children', 'missing', 'count', 'Children missing repeatedly'),
  M('episodes_returned', 'missing', 'count', 'Episodes ended (child returned or found)'),
  M('pct_rhi_offered', 'missing', 'percent', 'Return home interviews offered'),
  M('pct_rhi_within_72h', 'missing', 'percent', 'Return home interviews within 72 hours'),
  M('pct_referred_children_missing', 'linking', 'percent', 'Referred children who had been missing'),
  M('repeat_missing_children_without_case', 'linking', 'count', 'Children missing repeatedly with no open CSE case'),
  M('offenders_identified', 'offenders', 'count', 'Offenders identified'),
  M('pct_offenders_in_group', 'offenders', 'percent', 'Offenders identified who belong to a group'),
  M('offenders_multi_victim', 'offenders', 'count', 'Offenders linked to two or more children'),
  M('groups_active', 'offenders', 'count', 'Groups active'),
  M('locations_reported', 'locations', 'count', 'Locations reported'),
  M('repeat_locations', 'locations', 'count', 'Locations linked to two or more children'),
  M('disruptions', 'locations', 'count', 'Disruption actions'),
  M('cawns_issued', 'locations', 'count', 'Child abduction warning notices issued'),
];

export const MEASURES: MeasureDef[] = MEASURE_LIST.map((m) => {
  const q = sql(`measures/${m.group}#${m.id}`);
  return { ...m, definition: q.description, file: q.file };
});

const NR = codes.NOT_RECORDED;
const B = (subject: string, dimension: string, label: string, keys: string[] | null, banded = false) => ({
  subject, dimension, label, keys, banded,
});

const BREAKDOWN_LIST = [
  B('victims', 'age_band', 'Age at referral', codes.CHILD_AGE_BANDS, true),
  B('victims', 'sex', 'Sex', [...codes.SEX, NR]),
  B('victims', 'ethnicity_group', 'Ethnic group', [...codes.ETHNICITY_GROUPS, NR]),
  B('victims', 'looked_after', 'Looked after at referral', [...codes.YES_NO, NR]),
  B('victims', 'risk_level', 'Risk level', [...codes.RISK_LEVELS, NR]),
  B('victims', 'cse_model', 'Model of exploitation', [...codes.CSE_MODELS, NR]),
  B('victims', 'referral_source', 'Referral source', [...codes.REFERRAL_SOURCES, NR]),
  B('victims', 'home_ward', 'Home ward', null),
  B('victims', 'vulnerabilities', 'Vulnerabilities', codes.VULNERABILITIES),
  B('missing', 'missing_from', 'Missing from', [...codes.MISSING_FROM, NR]),
  B('missing', 'police_risk', 'Police risk grading', [...codes.POLICE_RISK, NR]),
  B('missing', 'duration_band', 'Length of episode', codes.DURATION_BANDS, true),
  B('missing', 'age_band', 'Age at start of episode', codes.CHILD_AGE_BANDS, true),
  B('missing', 'sex', 'Sex', [...codes.SEX, NR]),
  B('missing', 'ethnicity_group', 'Ethnic group', [...codes.ETHNICITY_GROUPS, NR]),
  B('offenders', 'age_band', 'Age at identification', codes.OFFENDER_AGE_BANDS, true),
  B('offenders', 'sex', 'Sex', [...codes.SEX, NR]),
  B('offenders', 'ethnicity_group', 'Ethnic group', [...codes.ETHNICITY_GROUPS, NR]),
  B('offenders', 'role', 'Role', [...codes.OFFENDER_ROLES, NR]),
  B('offenders', 'status', 'Status', [...codes.OFFENDER_STATUS, NR]),
  B('locations', 'location_type', 'Type of location', codes.LOCATION_TYPES),
  B('disruptions', 'action_type', 'Type of action', codes.ACTION_TYPES),
];

export const BREAKDOWNS: BreakdownDef[] = BREAKDOWN_LIST.map((b) => {
  const q = sql(`breakdowns/${b.subject}#${b.dimension}`);
  return { ...b, definition: q.description, file: q.file };
});

export function findBreakdown(subject: string, dimension: string): BreakdownDef | undefined {
  return BREAKDOWNS.find((b) => b.subject === subject && b.dimension === dimension);
}
