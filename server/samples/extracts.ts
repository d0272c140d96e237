// The extracts of the contract (docs/extracts.md): file name, header and row of each.
import { isoDate, isoDateTime } from './calendar.ts';
import type { Case, Disruption, Episode, Link, Location, LocationReport, Offender } from './model.ts';
import type { PopulationRow } from './population.ts';
import type { Cell } from './writer.ts';

export interface Extract<T> {
  file: string;
  header: readonly string[];
  row(record: T): Cell[];
}

const date = (day: number | null) => (day === null ? null : isoDate(day));

export const cases: Extract<Case> = {
  file: 'cases.csv',
  header: ['case_id', 'child_id', 'referral_date', 'closed_date', 'age_at_referral', 'sex', 'ethnicity', 'looked_after', 'disability',
    'home_ward', 'referral_source', 'risk_level', 'cse_model', 'vulnerabilities', 'outcome'],
  row: (c) => [c.id, c.child.id, date(c.referral), date(c.closed), c.age, c.sex, c.ethnicity, c.lookedAfter, c.disability, c.ward,
    c.source, c.risk, c.modelRecorded ? c.model : null, c.vulnerabilities?.join(';') ?? null, c.outcome],
};

export const missingEpisodes: Extract<Episode> = {
  file: 'missing_episodes.csv',
  header: ['episode_id', 'child_id', 'start', 'end', 'episode_type', 'missing_from', 'age_at_start', 'sex', 'ethnicity', 'home_ward',
    'police_risk', 'found_ward', 'found_location_type', 'rhi_offered', 'rhi_completed_date'],
  row: (e) => [e.id, e.child.id, isoDateTime(e.start), e.end === null ? null : isoDateTime(e.end), e.type, e.from, e.age, e.sex,
    e.ethnicity, e.ward, e.risk, e.foundWard, e.foundType, e.rhiOffered, date(e.rhiDate)],
};

export const offenders: Extract<Offender> = {
  file: 'offenders.csv',
  header: ['offender_id', 'first_identified', 'age_at_identification', 'sex', 'ethnicity', 'home_ward', 'role', 'group_id', 'status'],
  row: (o) => [o.id, date(o.identified), o.age, o.sex, o.ethnicity, o.ward, o.role, o.group?.id ?? null, o.status],
};

export const caseOffenderLinks: Extract<Link> = {
  file: 'case_offender_links.csv',
  header: ['case_id', 'offender_id', 'linked_on', 'relationship'],
  row: (l) => [l.case.id, l.offender.id, date(l.on), l.relationship],
};

export const locations: Extract<Location> = {
  file: 'locations.csv',
  header: ['location_id', 'location_type', 'ward', 'latitude', 'longitude'],
  row: (l) => [l.id, l.type, l.ward?.code ?? null, l.point?.[1] ?? null, l.point?.[0] ?? null],
};

export const locationReports: Extract<LocationReport> = {
  file: 'location_reports.csv',
  header: ['location_id', 'case_id', 'reported_on'],
  row: (r) => [r.location.id, r.case.id, date(r.on)],
};

export const disruptions: Extract<Disruption> = {
  file: 'disruptions.csv',
  header: ['disruption_id', 'action_date', 'action_type', 'offender_id', 'location_id', 'case_id'],
  row: (d) => [d.id, date(d.on), d.type, d.offender?.id ?? null, d.location?.id ?? null, d.case?.id ?? null],
};

export const population: Extract<PopulationRow> = {
  file: 'population.csv',
  header: ['area_code', 'year', 'sex', 'age', 'population'],
  row: (p) => [p.code, p.year, p.sex, p.age, p.population],
};
