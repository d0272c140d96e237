// Labels the report needs beyond ../labels.ts: completeness fields.
import { codeLabel } from '../labels.ts';

const FIELDS: Record<string, string> = {
  age_band: 'Age',
  sex: 'Sex',
  ethnicity_group: 'Ethnic group',
  looked_after: 'Looked after at referral',
  risk_level: 'Risk level',
  cse_model: 'Model of exploitation',
  referral_source: 'Referral source',
  home_ward: 'Home ward',
  vulnerabilities: 'Vulnerabilities',
  role: 'Role',
  status: 'Status',
  relationship: 'Relationship between offender and child',
  age_gap: 'Age gap between offender and child',
};

const SUBJECT: Record<string, string> = { cases_referred: 'Victims', offenders_identified: 'Offenders', links_in_period: 'Links' };

/** 'Victims: Ethnic group'. */
export function fieldLabel(denominator: string, field: string): string {
  return `${SUBJECT[denominator] ?? codeLabel(denominator)}: ${FIELDS[field] ?? codeLabel(field)}`;
}
