// Reference computation of every measure and breakdown of measures.md, in
// plain TypeScript over the parsed extracts (extracts-reference.ts), written
// from the spec alone and independent of our SQL. A period is `from`–`to`
// (day numbers, both inclusive); the thresholds are parameters.
import type { RefData, RefEpisode } from './extracts-reference.ts';
import { ethnicityGroup } from './values-reference.ts';

export interface RefThresholds { repeat_min: number; repeat_days: number; long_hours: number }
export const REF_DEFAULTS: RefThresholds = { repeat_min: 3, repeat_days: 90, long_hours: 24 };

const NR = 'not_recorded';
const pct = (num: number, den: number): number | null => (den === 0 ? null : (100 * num) / den);
const distinct = <T>(xs: T[]): number => new Set(xs).size;

function childAgeBand(age: number | null): string {
  if (age === null) return NR;
  if (age <= 11) return '0-11';
  if (age <= 13) return '12-13';
  if (age <= 15) return '14-15';
  if (age <= 17) return '16-17';
  return '18+';
}

function offenderAgeBand(age: number | null): string {
  if (age === null) return NR;
  if (age < 18) return 'under_18';
  if (age <= 24) return '18-24';
  if (age <= 34) return '25-34';
  if (age <= 44) return '35-44';
  return '45+';
}

function durationBand(e: RefEpisode): string {
  if (e.end === null) return 'ongoing';
  const hours = (e.end - e.start) / 3600;
  if (hours <= 6) return 'under_6h';
  if (hours <= 24) return '6-24h';
  if (hours <= 72) return '24-72h';
  return 'over_72h';
}

/** Children with `min` or more of these episodes whose first and min-th start within `days` calendar days. */
function repeatChildren(episodes: RefEpisode[], min: number, days: number): Set<string> {
  const byChild = new Map<string, number[]>();
  for (const e of episodes) byChild.set(e.child_id, [...(byChild.get(e.child_id) ?? []), e.startDay]);
  const out = new Set<string>();
  for (const [child, starts] of byChild) {
    starts.sort((a, b) => a - b);
    for (let i = 0; i + min - 1 < starts.length; i++) {
      if (starts[i + min - 1] - starts[i] <= days - 1) {
        out.add(child);
        break;
      }
    }
  }
  return out;
}

/** Every measure of measures.md for the period `from`–`to`. */
export function referenceMeasures(d: RefData, from: number, to: number, t: RefThresholds = REF_DEFAULTS): Record<string, number | null> {
  const inPeriod = (day: number | null) => day !== null && day >= from && day <= to;
  const childOfCase = new Map(d.cases.map((c) => [c.case_id, c.child_id]));

  const referred = d.cases.filter((c) => inPeriod(c.referral));
  const referredChildren = new Set(referred.map((c) => c.child_id));
  const openChildren = new Set(
    d.cases.filter((c) => c.referral <= to && (c.closed === null || c.closed >= from)).map((c) => c.child_id),
  );

  const episodes = d.episodes.filter((e) => inPeriod(e.startDay));
  const returned = d.episodes.filter((e) => inPeriod(e.endDay));
  const repeat = repeatChildren(episodes, t.repeat_min, t.repeat_days);

  const earliest = new Map<string, number>();
  for (const c of referred) earliest.set(c.child_id, Math.min(c.referral, earliest.get(c.child_id) ?? Infinity));
  const referredMissing = [...earliest].filter(([child, first]) =>
    d.episodes.some((e) => e.child_id === child && e.startDay >= first - 365 && e.startDay <= to),
  ).length;

  const identified = d.offenders.filter((o) => inPeriod(o.first_identified));
  const victimsOf = new Map<string, Set<string>>();
  for (const l of d.links) {
    if (l.linked_on > to) continue;
    const set = victimsOf.get(l.offender_id) ?? new Set<string>();
    set.add(childOfCase.get(l.case_id)!);
    victimsOf.set(l.offender_id, set);
  }
  const linkedInPeriod = new Set(d.links.filter((l) => inPeriod(l.linked_on)).map((l) => l.offender_id));
  const groups = d.offenders.filter((o) => o.group_id !== null && linkedInPeriod.has(o.offender_id)).map((o) => o.group_id);

  const reports = d.reports.filter((r) => inPeriod(r.reported_on));
  const childrenAt = new Map<string, Set<string>>();
  for (const r of reports) {
    const set = childrenAt.get(r.location_id) ?? new Set<string>();
    set.add(childOfCase.get(r.case_id)!);
    childrenAt.set(r.location_id, set);
  }
  const disruptions = d.disruptions.filter((x) => inPeriod(x.action_date));

  return {
    cases_referred: referred.length,
    children_referred: referredChildren.size,
    children_open: openChildren.size,
    children_high_risk: distinct(referred.filter((c) => c.risk_level === 'high').map((c) => c.child_id)),
    pct_cases_looked_after: pct(referred.filter((c) => c.looked_after === 'Y').length, referred.length),
    pct_cases_male: pct(referred.filter((c) => c.sex === 'M').length, referred.length),
    pct_cases_ethnicity_recorded: pct(
      referred.filter((c) => c.ethnicity !== null && c.ethnicity !== 'REFU' && c.ethnicity !== 'NOBT').length,
      referred.length,
    ),
    missing_episodes: episodes.length,
    children_missing: distinct(episodes.map((e) => e.child_id)),
    episodes_from_care: episodes.filter((e) => e.missing_from === 'care').length,
    episodes_over_24h: episodes.filter((e) => e.end !== null && e.end - e.start > t.long_hours * 3600).length,
    repeat_missing_children: repeat.size,
    episodes_returned: returned.length,
    pct_rhi_offered: pct(returned.filter((e) => e.rhi_offered === 'Y').length, returned.length),
    pct_rhi_within_72h: pct(
      returned.filter((e) => e.rhi_completed !== null && e.rhi_completed <= e.endDay! + 3 && e.rhi_completed >= e.startDay).length,
      returned.length,
    ),
    pct_referred_children_missing: pct(referredMissing, referredChildren.size),
    repeat_missing_children_without_case: [...repeat].filter((c) => !openChildren.has(c)).length,
    offenders_identified: identified.length,
    pct_offenders_in_group: pct(identified.filter((o) => o.group_id !== null).length, identified.length),
    offenders_multi_victim: [...victimsOf.values()].filter((s) => s.size >= 2).length,
    groups_active: distinct(groups),
    locations_reported: childrenAt.size,
    repeat_locations: [...childrenAt.values()].filter((s) => s.size >= 2).length,
    disruptions: disruptions.length,
    cawns_issued: disruptions.filter((x) => x.action_type === 'cawn').length,
  };
}

/** Counts by key, zero rows omitted. */
function tally(keys: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k ?? NR] = (out[k ?? NR] ?? 0) + 1;
  return out;
}

/** Every breakdown of measures.md for the period, keyed `subject/dimension`. */
export function referenceBreakdowns(d: RefData, from: number, to: number): Record<string, Record<string, number>> {
  const inPeriod = (day: number | null) => day !== null && day >= from && day <= to;
  const cases = d.cases.filter((c) => inPeriod(c.referral));
  const episodes = d.episodes.filter((e) => inPeriod(e.startDay));
  const offenders = d.offenders.filter((o) => inPeriod(o.first_identified));
  const reported = new Set(d.reports.filter((r) => inPeriod(r.reported_on)).map((r) => r.location_id));
  const disruptions = d.disruptions.filter((x) => inPeriod(x.action_date));
  return {
    'victims/age_band': tally(cases.map((c) => childAgeBand(c.age))),
    'victims/sex': tally(cases.map((c) => c.sex)),
    'victims/ethnicity_group': tally(cases.map((c) => ethnicityGroup(c.ethnicity))),
    'victims/looked_after': tally(cases.map((c) => c.looked_after)),
    'victims/risk_level': tally(cases.map((c) => c.risk_level)),
    'victims/cse_model': tally(cases.map((c) => c.cse_model)),
    'victims/referral_source': tally(cases.map((c) => c.referral_source)),
    'victims/home_ward': tally(cases.map((c) => c.home_ward)),
    'victims/vulnerabilities': tally(cases.flatMap((c) => c.vulnerabilities ?? [])),
    'missing/missing_from': tally(episodes.map((e) => e.missing_from)),
    'missing/police_risk': tally(episodes.map((e) => e.police_risk)),
    'missing/duration_band': tally(episodes.map(durationBand)),
    'missing/age_band': tally(episodes.map((e) => childAgeBand(e.age))),
    'missing/sex': tally(episodes.map((e) => e.sex)),
    'missing/ethnicity_group': tally(episodes.map((e) => ethnicityGroup(e.ethnicity))),
    'offenders/age_band': tally(offenders.map((o) => offenderAgeBand(o.age))),
    'offenders/sex': tally(offenders.map((o) => o.sex)),
    'offenders/ethnicity_group': tally(offenders.map((o) => ethnicityGroup(o.ethnicity))),
    'offenders/role': tally(offenders.map((o) => o.role)),
    'offenders/status': tally(offenders.map((o) => o.status)),
    'locations/location_type': tally(
      d.locations.filter((l) => reported.has(l.location_id)).map((l) => l.location_type),
    ),
    'disruptions/action_type': tally(disruptions.map((x) => x.action_type)),
  };
}
