// The input contract of docs/extracts.md as data: every extract's
// columns, their types, code lists, ranges, keys and references. The reader,
// validation and storage code is generated from these constants, so the SQL
// identifiers it uses come only from here.

export type ColumnType =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  /** `upper`: canonical spelling upper case (sex, ethnicity); otherwise lower case. */
  | { kind: 'code'; codes: readonly string[]; upper?: boolean }
  | { kind: 'codes'; codes: readonly string[] }
  | { kind: 'yn' }
  | { kind: 'ward' }
  /** Any area code (population, boundaries), stored upper case. */
  | { kind: 'area' };

export interface ColumnSpec {
  /** Name as the spec spells it (header matching is on the normalised header). */
  name: string;
  /** Column of the database table (differs only for `start`/`end`). */
  dbName: string;
  type: ColumnType;
  required: boolean;
  /** Value stored when not recorded (episode_type → 'missing'). */
  default?: string;
  /** Must exist in another extract: [extract, column]. */
  ref?: [ExtractName, string];
}

export type ExtractName =
  | 'cases'
  | 'missing_episodes'
  | 'offenders'
  | 'case_offender_links'
  | 'locations'
  | 'location_reports'
  | 'disruptions'
  | 'population';

export interface ExtractSpec {
  name: ExtractName;
  table: string;
  required: boolean;
  columns: ColumnSpec[];
  /** Columns whose values together must be unique in the file. */
  unique?: string[];
  /** [later, earlier]: `later` must not be before `earlier` when both are recorded. */
  order?: [string, string];
  /** Whether the table has a `source_row` column. */
  sourceRow: boolean;
}

export const SEX = ['F', 'M', 'O'] as const;
export const ETHNICITY = [
  'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;
export const LOCATION_TYPES = [
  'hotel', 'takeaway', 'licensed_premises', 'park', 'shopping_centre', 'transport_hub', 'taxi_private_hire',
  'school', 'private_address', 'online', 'other',
] as const;
export const VULNERABILITIES = [
  'missing', 'substance_misuse', 'mental_health', 'self_harm', 'school_absence', 'excluded_from_school',
  'domestic_abuse_at_home', 'parental_substance_misuse', 'learning_disability', 'sexual_health', 'gifts_money',
  'older_associates', 'offending', 'gang_association', 'homeless', 'bereavement', 'prior_abuse',
  'sexuality_concerns', 'online_risk', 'young_carer',
] as const;

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const datetime = { kind: 'datetime' } as const;
const yn = { kind: 'yn' } as const;
const ward = { kind: 'ward' } as const;
const code = (codes: readonly string[]): ColumnType => ({ kind: 'code', codes });
const sex: ColumnType = { kind: 'code', codes: SEX, upper: true };
const ethnicity: ColumnType = { kind: 'code', codes: ETHNICITY, upper: true };

function col(name: string, type: ColumnType, required = false, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { name, dbName: name, type, required, ...extra };
}

export const EXTRACTS: readonly ExtractSpec[] = [
  {
    name: 'cases',
    table: 'cases',
    required: true,
    sourceRow: true,
    unique: ['case_id'],
    order: ['closed_date', 'referral_date'],
    columns: [
      col('case_id', text, true),
      col('child_id', text, true),
      col('referral_date', date, true),
      col('closed_date', date),
      col('age_at_referral', { kind: 'integer', min: 0, max: 25 }),
      col('sex', sex),
      col('ethnicity', ethnicity),
      col('looked_after', yn),
      col('disability', yn),
      col('home_ward', ward),
      col('referral_source', code(['police', 'social_care', 'education', 'health', 'voluntary', 'family', 'self', 'other'])),
      col('risk_level', code(['low', 'medium', 'high'])),
      col('cse_model', code(['inappropriate_relationship', 'boyfriend', 'peer', 'online', 'party', 'gang_group', 'organised_trafficking', 'lone_offender', 'other'])),
      col('vulnerabilities', { kind: 'codes', codes: VULNERABILITIES }),
      col('outcome', code(['open', 'risk_reduced', 'closed_no_further_action', 'transferred_out', 'other'])),
    ],
  },
  {
    name: 'missing_episodes',
    table: 'missing_episodes',
    required: true,
    sourceRow: true,
    unique: ['episode_id'],
    order: ['end', 'start'],
    columns: [
      col('episode_id', text, true),
      col('child_id', text, true),
      col('start', datetime, true, { dbName: 'start_at' }),
      col('end', datetime, false, { dbName: 'end_at' }),
      col('episode_type', code(['missing', 'away']), false, { default: 'missing' }),
      col('missing_from', code(['home', 'care', 'school', 'other'])),
      col('age_at_start', { kind: 'integer', min: 0, max: 25 }),
      col('sex', sex),
      col('ethnicity', ethnicity),
      col('home_ward', ward),
      col('police_risk', code(['no_apparent_risk', 'low', 'medium', 'high'])),
      col('found_ward', ward),
      col('found_location_type', code(LOCATION_TYPES)),
      col('rhi_offered', yn),
      col('rhi_completed_date', date),
    ],
  },
  {
    name: 'offenders',
    table: 'offenders',
    required: true,
    sourceRow: true,
    unique: ['offender_id'],
    columns: [
      col('offender_id', text, true),
      col('first_identified', date, true),
      col('age_at_identification', { kind: 'integer', min: 10, max: 99 }),
      col('sex', sex),
      col('ethnicity', ethnicity),
      col('home_ward', ward),
      col('role', code(['lone', 'group_member', 'organiser', 'recruiter', 'facilitator'])),
      col('group_id', text),
      col('status', code(['suspect', 'arrested', 'charged', 'convicted', 'no_further_action'])),
    ],
  },
  {
    name: 'case_offender_links',
    table: 'case_offender_links',
    required: false,
    sourceRow: true,
    columns: [
      col('case_id', text, true, { ref: ['cases', 'case_id'] }),
      col('offender_id', text, true, { ref: ['offenders', 'offender_id'] }),
      col('linked_on', date, true),
      col('relationship', code(['boyfriend_girlfriend', 'peer', 'online_contact', 'associate', 'family_member', 'stranger', 'other'])),
    ],
  },
  {
    name: 'locations',
    table: 'locations',
    required: false,
    sourceRow: true,
    unique: ['location_id'],
    columns: [
      col('location_id', text, true),
      col('location_type', code(LOCATION_TYPES), true),
      col('ward', ward),
      col('latitude', { kind: 'decimal', min: -90, max: 90 }),
      col('longitude', { kind: 'decimal', min: -180, max: 180 }),
    ],
  },
  {
    name: 'location_reports',
    table: 'location_reports',
    required: false,
    sourceRow: true,
    columns: [
      col('location_id', text, true, { ref: ['locations', 'location_id'] }),
      col('case_id', text, true, { ref: ['cases', 'case_id'] }),
      col('reported_on', date, true),
    ],
  },
  {
    name: 'disruptions',
    table: 'disruptions',
    required: false,
    sourceRow: true,
    unique: ['disruption_id'],
    columns: [
      col('disruption_id', text, true),
      col('action_date', date, true),
      col('action_type', code(['cawn', 'arrest', 'charge', 'conviction', 'sexual_risk_order', 'sexual_harm_prevention_order', 'licensing_action', 'premises_visit', 'vehicle_stop', 'other']), true),
      col('offender_id', text, false, { ref: ['offenders', 'offender_id'] }),
      col('location_id', text, false, { ref: ['locations', 'location_id'] }),
      col('case_id', text, false, { ref: ['cases', 'case_id'] }),
    ],
  },
  {
    // Reference data: ONS mid-year estimates by single year of age 0–17.
    // sex is F or M (the ONS estimates have no other category); area codes are
    // stored upper case, like ward codes, so they join to boundaries and wards.
    name: 'population',
    table: 'population',
    required: false,
    sourceRow: false,
    unique: ['area_code', 'year', 'sex', 'age'],
    columns: [
      col('area_code', { kind: 'area' }, true),
      col('year', { kind: 'integer', min: 1900, max: 2100 }, true),
      col('sex', { kind: 'code', codes: ['F', 'M'], upper: true }, true),
      col('age', { kind: 'integer', min: 0, max: 17 }, true),
      col('population', { kind: 'integer', min: 0, max: 100_000_000 }, true),
    ],
  },
];

/** The GeoJSON reference file; not a tabular extract. */
export const BOUNDARIES = 'boundaries';

export function extractSpec(name: string): ExtractSpec | undefined {
  return EXTRACTS.find((e) => e.name === name);
}
