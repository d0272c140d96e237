// Code lists of the extract contract and the weights the fictional area draws them with.
import { Table } from './prng.ts';

export type Sex = 'F' | 'M' | 'O';

/** True ethnicity of a child or offender (what a record shows when it is recorded). */
export const ETHNICITY = new Table<string>([
  ['WBRI', 620], ['WIRI', 10], ['WIRT', 5], ['WOTH', 50], ['WROM', 6],
  ['MWBC', 40], ['MWBA', 15], ['MWAS', 20], ['MOTH', 20],
  ['AIND', 25], ['APKN', 60], ['ABAN', 20], ['AOTH', 15],
  ['BCRB', 20], ['BAFR', 30], ['BOTH', 10],
  ['CHNE', 5], ['OOTH', 20],
]);

/** How a record shows ethnicity: ~80 % recorded, the rest empty, NOBT or REFU. */
export function ethnicityRecording(recorded: number): Table<string | null> {
  const rest = 1 - recorded;
  return new Table<string | null>([
    ['recorded', recorded],
    [null, rest * 0.6],
    ['NOBT', rest * 0.25],
    ['REFU', rest * 0.15],
  ]);
}

export const REFERRAL_SOURCE = new Table<string>([
  ['police', 30], ['social_care', 22], ['education', 18], ['health', 12],
  ['voluntary', 7], ['family', 5], ['self', 2], ['other', 4],
]);

/** After the awareness campaign schools and families refer more. */
export const REFERRAL_SOURCE_CAMPAIGN = new Table<string>([
  ['police', 26], ['social_care', 18], ['education', 27], ['health', 11],
  ['voluntary', 7], ['family', 8], ['self', 3], ['other', 3],
]);

export const CSE_MODEL = new Table<string>([
  ['online', 20], ['boyfriend', 18], ['peer', 17], ['inappropriate_relationship', 12],
  ['gang_group', 10], ['party', 6], ['lone_offender', 9], ['organised_trafficking', 4], ['other', 4],
]);

export const GROUP_MODELS = new Set(['gang_group', 'organised_trafficking', 'party']);

/** Prevalence of each vulnerability among cases; `missing` comes from the child's episodes. */
export const VULNERABILITIES: readonly (readonly [string, number])[] = [
  ['missing', 0], ['substance_misuse', 0.26], ['mental_health', 0.3], ['self_harm', 0.15],
  ['school_absence', 0.3], ['excluded_from_school', 0.1], ['domestic_abuse_at_home', 0.2],
  ['parental_substance_misuse', 0.12], ['learning_disability', 0.07], ['sexual_health', 0.1],
  ['gifts_money', 0.18], ['older_associates', 0.24], ['offending', 0.1], ['gang_association', 0.07],
  ['homeless', 0.03], ['bereavement', 0.05], ['prior_abuse', 0.15], ['sexuality_concerns', 0.05],
  ['online_risk', 0.18], ['young_carer', 0.03],
];

export const OUTCOME_CLOSED = new Table<string | null>([
  ['risk_reduced', 50], ['closed_no_further_action', 29], ['transferred_out', 12], ['other', 5], [null, 4],
]);

export const POLICE_RISK = new Table<string | null>([
  ['no_apparent_risk', 8], ['low', 34], ['medium', 46], ['high', 10], [null, 2],
]);

export const FOUND_LOCATION_TYPE = new Table<string>([
  ['private_address', 40], ['park', 12], ['shopping_centre', 8], ['takeaway', 6], ['transport_hub', 8],
  ['hotel', 3], ['licensed_premises', 2], ['school', 4], ['other', 17],
]);

export const LOCATION_TYPE = new Table<string>([
  ['private_address', 34], ['takeaway', 16], ['park', 14], ['hotel', 9], ['licensed_premises', 9],
  ['school', 7], ['transport_hub', 5], ['shopping_centre', 4], ['taxi_private_hire', 5],
  ['online', 6], ['other', 6],
]);

/** Location types found clustered in the town-centre hotspot wards. */
export const HOTSPOT_TYPES = new Set(['hotel', 'takeaway', 'licensed_premises', 'park', 'shopping_centre', 'transport_hub']);

export const RELATIONSHIP_BY_MODEL: Record<string, Table<string | null>> = {
  boyfriend: new Table<string | null>([['boyfriend_girlfriend', 80], ['associate', 10], [null, 10]]),
  peer: new Table<string | null>([['peer', 80], ['associate', 10], [null, 10]]),
  online: new Table<string | null>([['online_contact', 80], ['stranger', 10], [null, 10]]),
  inappropriate_relationship: new Table<string | null>([['associate', 45], ['family_member', 25], ['other', 20], [null, 10]]),
  lone_offender: new Table<string | null>([['stranger', 35], ['associate', 35], ['online_contact', 15], [null, 15]]),
  group: new Table<string | null>([['associate', 55], ['stranger', 25], ['peer', 8], [null, 12]]),
  other: new Table<string | null>([['other', 40], ['associate', 30], ['stranger', 15], [null, 15]]),
};
