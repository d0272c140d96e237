// Code lists and band labels the measures and breakdowns report (extracts.md,
// measures.md), in the order pages and tables show them.
export const NOT_RECORDED = 'not_recorded';

export const CHILD_AGE_BANDS = ['0-11', '12-13', '14-15', '16-17', '18+', NOT_RECORDED];
export const OFFENDER_AGE_BANDS = ['under_18', '18-24', '25-34', '35-44', '45+', NOT_RECORDED];
// not_recorded: an episode known by its dates only whose band the dates do not decide (docs/sources.md).
export const DURATION_BANDS = ['under_6h', '6-24h', '24-72h', 'over_72h', 'ongoing', NOT_RECORDED];

export const SEX = ['F', 'M', 'O'];
export const YES_NO = ['Y', 'N'];
export const ETHNICITY_GROUPS = ['White', 'Mixed', 'Asian', 'Black', 'Other'];
export const RISK_LEVELS = ['low', 'medium', 'high'];
export const REFERRAL_SOURCES = ['police', 'social_care', 'education', 'health', 'voluntary', 'family', 'self', 'other'];
export const CSE_MODELS = [
  'inappropriate_relationship', 'boyfriend', 'peer', 'online', 'party', 'gang_group',
  'organised_trafficking', 'lone_offender', 'other',
];
export const VULNERABILITIES = [
  'missing', 'substance_misuse', 'mental_health', 'self_harm', 'school_absence', 'excluded_from_school',
  'domestic_abuse_at_home', 'parental_substance_misuse', 'learning_disability', 'sexual_health',
  'gifts_money', 'older_associates', 'offending', 'gang_association', 'homeless', 'bereavement',
  'prior_abuse', 'sexuality_concerns', 'online_risk', 'young_carer',
];
export const MISSING_FROM = ['home', 'care', 'school', 'other'];
export const POLICE_RISK = ['no_apparent_risk', 'low', 'medium', 'high'];
export const OFFENDER_ROLES = ['lone', 'group_member', 'organiser', 'recruiter', 'facilitator'];
export const OFFENDER_STATUS = ['suspect', 'arrested', 'charged', 'convicted', 'no_further_action'];
export const LOCATION_TYPES = [
  'hotel', 'takeaway', 'licensed_premises', 'park', 'shopping_centre', 'transport_hub',
  'taxi_private_hire', 'school', 'private_address', 'online', 'other',
];
export const ACTION_TYPES = [
  'cawn', 'arrest', 'charge', 'conviction', 'sexual_risk_order', 'sexual_harm_prevention_order',
  'licensing_action', 'premises_visit', 'vehicle_stop', 'other',
];

/** ONS ward codes (England E05…, Wales W05…). */
export const WARD_CODE = /^[EW]05\d{6}$/;
