// Reference model of an extract set: the CSV files of a folder (or in memory)
// parsed into typed records, written from extracts.md alone. Not-recorded
// values are null; codes are canonical (lower case, or upper case for sex,
// ethnicity, Y/N and ward codes); dates are day numbers, datetimes seconds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvRecords } from './csv-reference.ts';
import {
  code, codeList, dayOf, parseDate, parseDateTime, parseInteger, recorded, upperCode,
} from './values-reference.ts';

export interface RefCase {
  case_id: string; child_id: string; referral: number; closed: number | null; age: number | null;
  sex: string | null; ethnicity: string | null; looked_after: string | null; home_ward: string | null;
  referral_source: string | null; risk_level: string | null; cse_model: string | null;
  vulnerabilities: string[] | null;
}
export interface RefEpisode {
  episode_id: string; child_id: string; start: number; end: number | null; startDay: number;
  endDay: number | null; missing_from: string | null; age: number | null; sex: string | null;
  ethnicity: string | null; police_risk: string | null; rhi_offered: string | null; rhi_completed: number | null;
}
export interface RefOffender {
  offender_id: string; first_identified: number; age: number | null; sex: string | null;
  ethnicity: string | null; role: string | null; group_id: string | null; status: string | null;
}
export interface RefLink { case_id: string; offender_id: string; linked_on: number }
export interface RefLocation { location_id: string; location_type: string }
export interface RefReport { location_id: string; case_id: string; reported_on: number }
export interface RefDisruption { disruption_id: string; action_date: number; action_type: string }

export interface RefData {
  cases: RefCase[]; episodes: RefEpisode[]; offenders: RefOffender[]; links: RefLink[];
  locations: RefLocation[]; reports: RefReport[]; disruptions: RefDisruption[];
}

/** A required identifier (taken as written, trimmed). */
const id = (cell: string | undefined): string => {
  const v = recorded(cell);
  if (v === null) throw new Error('Missing identifier');
  return v;
};
const required = <T>(v: T | null, what: string): T => {
  if (v === null) throw new Error(`Missing ${what}`);
  return v;
};

/** Parses the CSV texts of an extract set, keyed by extract name (`cases`, …). */
export function parseExtracts(texts: Partial<Record<string, string>>): RefData {
  const rows = (name: string) => (texts[name] === undefined ? [] : readCsvRecords(texts[name]!));
  return {
    cases: rows('cases').map((r) => ({
      case_id: id(r.case_id), child_id: id(r.child_id), referral: required(parseDate(r.referral_date), 'referral_date'),
      closed: parseDate(r.closed_date), age: parseInteger(r.age_at_referral), sex: upperCode(r.sex),
      ethnicity: upperCode(r.ethnicity), looked_after: upperCode(r.looked_after), home_ward: upperCode(r.home_ward),
      referral_source: code(r.referral_source), risk_level: code(r.risk_level), cse_model: code(r.cse_model),
      vulnerabilities: codeList(r.vulnerabilities),
    })),
    episodes: rows('missing_episodes').map((r) => {
      const start = required(parseDateTime(r.start), 'start');
      const end = parseDateTime(r.end);
      return {
        episode_id: id(r.episode_id), child_id: id(r.child_id), start, end, startDay: dayOf(start),
        endDay: end === null ? null : dayOf(end), missing_from: code(r.missing_from), age: parseInteger(r.age_at_start),
        sex: upperCode(r.sex), ethnicity: upperCode(r.ethnicity), police_risk: code(r.police_risk),
        rhi_offered: upperCode(r.rhi_offered), rhi_completed: parseDate(r.rhi_completed_date),
      };
    }),
    offenders: rows('offenders').map((r) => ({
      offender_id: id(r.offender_id), first_identified: required(parseDate(r.first_identified), 'first_identified'),
      age: parseInteger(r.age_at_identification), sex: upperCode(r.sex), ethnicity: upperCode(r.ethnicity),
      role: code(r.role), group_id: recorded(r.group_id), status: code(r.status),
    })),
    links: rows('case_offender_links').map((r) => ({
      case_id: id(r.case_id), offender_id: id(r.offender_id), linked_on: required(parseDate(r.linked_on), 'linked_on'),
    })),
    locations: rows('locations').map((r) => ({
      location_id: id(r.location_id), location_type: required(code(r.location_type), 'location_type'),
    })),
    reports: rows('location_reports').map((r) => ({
      location_id: id(r.location_id), case_id: id(r.case_id), reported_on: required(parseDate(r.reported_on), 'reported_on'),
    })),
    disruptions: rows('disruptions').map((r) => ({
      disruption_id: id(r.disruption_id), action_date: required(parseDate(r.action_date), 'action_date'),
      action_type: required(code(r.action_type), 'action_type'),
    })),
  };
}

export const EXTRACT_NAMES = [
  'cases', 'missing_episodes', 'offenders', 'case_offender_links', 'locations', 'location_reports', 'disruptions',
];

/** Reads and parses the `<extract>.csv` files of a folder. */
export function readExtractFolder(folder: string): RefData {
  const texts: Record<string, string> = {};
  for (const name of EXTRACT_NAMES) {
    const path = join(folder, `${name}.csv`);
    if (existsSync(path)) texts[name] = readFileSync(path, 'utf8');
  }
  return parseExtracts(texts);
}
