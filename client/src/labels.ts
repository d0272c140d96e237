// Plain-English labels for the codes and bands the API returns (extracts.md,
// measures.md), and wards by the names of the boundaries held.
import { WARD_CODE } from '../../server/measures/codes.ts';

export const NOT_RECORDED = 'not_recorded';

const LABELS: Record<string, string> = {
  not_recorded: 'Not recorded',
  F: 'Female',
  M: 'Male',
  O: 'Other',
  Y: 'Yes',
  N: 'No',
  under_6h: 'Under 6 hours',
  '6-24h': '6 to 24 hours',
  '24-72h': '24 to 72 hours',
  over_72h: 'Over 72 hours',
  ongoing: 'Still missing',
  under_18: 'Under 18',
  '18+': '18 and over',
  '45+': '45 and over',
  cawn: 'CAWN (child abduction warning notice)',
  no_apparent_risk: 'No apparent risk',
  self: 'Self-referral',
  gang_group: 'Gang or group',
  taxi_private_hire: 'Taxi or private hire',
  // Codes whose underscore stands for a slash in the label.
  gifts_money: 'Gifts/money',
  boyfriend_girlfriend: 'Boyfriend/girlfriend',
};

/** Names of the wards held (boundaries), by code; set from /api/context (context.ts). */
const wardNames = new Map<string, string | null>();

export function setWardNames(wards: { code: string; name: string | null }[]): void {
  wardNames.clear();
  for (const w of wards) wardNames.set(w.code, w.name);
}

/** Whether a key is a ward: held in the boundaries, or shaped like an ONS ward code. */
export function isWard(key: string): boolean {
  return wardNames.has(key) || WARD_CODE.test(key);
}

/** A ward by name with its code beside it: 'Ashby North (E05990009)'; 'E05990009 (no name held)' when the boundaries give none. */
export function wardLabel(code: string): string {
  const name = wardNames.get(code);
  return name ? `${name} (${code})` : `${code} (no name held)`;
}

/** Human label of a code: 'social_care' → 'Social care', '12-13' → '12 to 13', a ward → its name and code. */
export function codeLabel(key: string): string {
  if (key in LABELS) return LABELS[key];
  if (isWard(key)) return wardLabel(key);
  const range = /^(\d+)-(\d+)$/.exec(key);
  if (range) return `${range[1]} to ${range[2]}`;
  if (/^[a-z][a-z0-9_]*$/.test(key)) {
    const words = key.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return key;
}

/** Measure ids of /api/measures with the labels the pages show. */
export const MEASURE_LABELS: Record<string, string> = {
  cases_referred: 'Cases referred',
  children_referred: 'Children referred',
  children_open: 'Children with an open case',
  children_high_risk: 'Children at high risk',
  pct_cases_looked_after: 'Cases looked after',
  pct_cases_male: 'Cases male',
  pct_cases_ethnicity_recorded: 'Cases with ethnicity recorded',
  missing_episodes: 'Missing episodes',
  children_missing: 'Children missing',
  episodes_from_care: 'Episodes from care',
  episodes_over_24h: 'Episodes over 24 hours',
  repeat_missing_children: 'Repeat-missing children',
  episodes_returned: 'Episodes ended (returned)',
  pct_rhi_offered: 'Return interviews offered',
  pct_rhi_within_72h: 'Return interviews within 72 hours',
  pct_referred_children_missing: 'Referred children also missing',
  repeat_missing_children_without_case: 'Repeat-missing children without a case',
  offenders_identified: 'Offenders identified',
  pct_offenders_in_group: 'Offenders in a group',
  offenders_multi_victim: 'Offenders linked to 2+ children',
  groups_active: 'Groups active',
  locations_reported: 'Locations reported',
  repeat_locations: 'Repeat locations',
  disruptions: 'Disruptions',
  cawns_issued: 'CAWNs issued',
};

/** Percentage measures are named pct_…; the rest are counts. */
export function isPercentMeasure(id: string): boolean {
  return id.startsWith('pct_');
}
