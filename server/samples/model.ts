// The records of one fictional area, as generated before they are written out.
// Object references link records; identifiers are given out just before writing.
import type { Sex } from './codes.ts';
import type { Ward } from './geography.ts';
import type { Rng, Table } from './prng.ts';
import type { Timeline } from './calendar.ts';
import type { Pt } from './geometry.ts';

/** Volumes of one area (per financial year unless said otherwise). */
export interface AreaProfile {
  wardCount: [number, number];
  referralsPerMonth: number; // before the awareness campaign
  episodesPerYear: number;
  offendersPerYear: number; // at least this many (case-driven ones topped up by intelligence)
  locations: number; // in all
}

export interface Area {
  index: number;
  prefix: string; // '' for one area, 'A07-' when areas are tiled
  rng: Rng;
  t: Timeline;
  profile: AreaProfile;
  wards: Ward[];
  hotspots: Ward[];
  wardTable: Table<Ward>; // where children at risk live
  counters: Map<string, number>;
}

/** Next identifier of a kind within an area, e.g. `A07-C000123`. */
export function nextId(area: Area, kind: string, width: number): string {
  const n = (area.counters.get(kind) ?? 0) + 1;
  area.counters.set(kind, n);
  return `${area.prefix}${kind}${String(n).padStart(width, '0')}`;
}

export interface Child {
  id: string;
  sex: Sex;
  ethnicity: string;
  birthDay: number;
  ward: Ward;
  inCare: boolean;
  disability: boolean;
  weight: number; // propensity to go missing (heavy-tailed)
  from: number; // first day of the period at risk of going missing
  to: number; // last day of it
  episodes: Episode[];
  cases: Case[];
}

export interface Episode {
  id: string;
  child: Child;
  start: number; // minute
  end: number | null;
  type: string | null;
  from: string | null;
  age: number | null;
  sex: string | null;
  ethnicity: string | null;
  ward: string | null;
  risk: string | null;
  foundWard: string | null;
  foundType: string | null;
  rhiOffered: 'Y' | 'N' | null;
  rhiDate: number | null;
}

export interface Case {
  id: string;
  child: Child;
  referral: number;
  closed: number | null;
  age: number | null;
  sex: string | null;
  ethnicity: string | null;
  lookedAfter: 'Y' | 'N' | null;
  disability: 'Y' | 'N' | null;
  ward: string | null;
  source: string | null;
  risk: string | null;
  model: string; // the exploitation model, used to link offenders
  modelRecorded: boolean; // cse_model is left empty in about a third of cases
  vulnerabilities: string[] | null;
  outcome: string | null;
}

export interface Group {
  id: string;
  members: Offender[];
  lastActive: number;
  places: Location[];
}

export interface Offender {
  id: string;
  identified: number;
  age: number | null;
  sex: string | null;
  ethnicity: string | null;
  ward: string | null;
  role: string | null;
  group: Group | null;
  status: string | null;
  lastActive: number;
}

export interface Link {
  case: Case;
  offender: Offender;
  on: number;
  relationship: string | null;
}

export interface Location {
  id: string;
  type: string;
  ward: Ward | null;
  point: Pt | null;
  popularity: number;
}

export interface LocationReport {
  location: Location;
  case: Case;
  on: number;
}

export interface Disruption {
  id: string;
  on: number;
  type: string;
  offender: Offender | null;
  location: Location | null;
  case: Case | null;
}
