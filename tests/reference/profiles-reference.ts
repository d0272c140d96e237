// An independent computation of the profile figures, in plain TypeScript over
// the CSV rows of an extract folder (no SQL, no import code): the tests compare
// the API with it. Follows extracts.md (not-recorded markers, UK/ISO dates,
// header spellings, codes case-insensitive) and the definitions of sql/profiles.
import { readExtractRecords } from './csv-reference.ts';

function isoDate(v: string | null): string | null {
  if (v === null) return null;
  const d = v.slice(0, 10);
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(v);
  return uk ? `${uk[3]}-${uk[2]}-${uk[1]}` : d;
}
const upper = (v: string | null) => (v === null ? null : v.toUpperCase());
const lower = (v: string | null) => (v === null ? null : v.toLowerCase());
const int = (v: string | null) => (v === null ? null : Number(v));

export interface Case {
  case_id: string; child_id: string; referral_date: string; age: number | null; sex: string | null;
  ethnicity: string | null; looked_after: string | null; home_ward: string | null; referral_source: string | null;
  risk_level: string | null; cse_model: string | null; vulnerabilities: string[] | null;
}
export interface Offender {
  offender_id: string; first_identified: string; age: number | null; sex: string | null; ethnicity: string | null;
  home_ward: string | null; role: string | null; group_id: string | null; status: string | null;
}
export interface Link { case_id: string; offender_id: string; linked_on: string; relationship: string | null }
export interface Report { location_id: string; case_id: string; reported_on: string }
export interface Data { cases: Case[]; offenders: Offender[]; links: Link[]; reports: Report[] }

export function loadData(dir: string): Data {
  const cases = readExtractRecords(dir, 'cases').map((r): Case => ({
    case_id: r.case_id!, child_id: r.child_id!, referral_date: isoDate(r.referral_date)!, age: int(r.age_at_referral),
    sex: upper(r.sex), ethnicity: upper(r.ethnicity), looked_after: upper(r.looked_after), home_ward: upper(r.home_ward),
    referral_source: lower(r.referral_source), risk_level: lower(r.risk_level), cse_model: lower(r.cse_model),
    vulnerabilities: r.vulnerabilities === null ? null
      : [...new Set(r.vulnerabilities.split(';').map((x) => x.trim().toLowerCase()).filter((x) => x !== ''))],
  }));
  const offenders = readExtractRecords(dir, 'offenders').map((r): Offender => ({
    offender_id: r.offender_id!, first_identified: isoDate(r.first_identified)!, age: int(r.age_at_identification),
    sex: upper(r.sex), ethnicity: upper(r.ethnicity), home_ward: upper(r.home_ward), role: lower(r.role),
    group_id: r.group_id, status: lower(r.status),
  }));
  const links = readExtractRecords(dir, 'case_offender_links').map((r): Link => ({
    case_id: r.case_id!, offender_id: r.offender_id!, linked_on: isoDate(r.linked_on)!, relationship: lower(r.relationship),
  }));
  const reports = readExtractRecords(dir, 'location_reports').map((r): Report => ({
    location_id: r.location_id!, case_id: r.case_id!, reported_on: isoDate(r.reported_on)!,
  }));
  return { cases, offenders, links, reports };
}

export interface Window { from: string; to: string }
const within = (d: string, w: Window) => d >= w.from && d <= w.to;
const NR = 'not_recorded';
const nr = (v: string | null) => v ?? NR;

export function childBand(age: number | null): string {
  if (age === null) return NR;
  return age <= 11 ? '0-11' : age <= 13 ? '12-13' : age <= 15 ? '14-15' : age <= 17 ? '16-17' : '18+';
}
export function offenderBand(age: number | null): string {
  if (age === null) return NR;
  return age < 18 ? 'under_18' : age <= 24 ? '18-24' : age <= 34 ? '25-34' : age <= 44 ? '35-44' : '45+';
}
const ETHNIC_GROUP: [string, string[]][] = [
  ['White', ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM']], ['Mixed', ['MWBC', 'MWBA', 'MWAS', 'MOTH']],
  ['Asian', ['AIND', 'APKN', 'ABAN', 'AOTH']], ['Black', ['BCRB', 'BAFR', 'BOTH']], ['Other', ['CHNE', 'OOTH']],
];
export const ethnicGroup = (code: string | null) => ETHNIC_GROUP.find(([, codes]) => code !== null && codes.includes(code))?.[0] ?? NR;

export type Filters = Partial<Record<'ward' | 'risk_level' | 'sex' | 'age_band' | 'looked_after' | 'cse_model', string>>;

/** cases_referred of the window, narrowed by the victims filters. */
export function casesInScope(d: Data, w: Window, f: Filters = {}): Case[] {
  return d.cases.filter((c) => within(c.referral_date, w)
    && (f.ward === undefined || nr(c.home_ward) === f.ward)
    && (f.risk_level === undefined || nr(c.risk_level) === f.risk_level)
    && (f.sex === undefined || nr(c.sex) === f.sex)
    && (f.age_band === undefined || childBand(c.age) === f.age_band)
    && (f.looked_after === undefined || nr(c.looked_after) === f.looked_after)
    && (f.cse_model === undefined || nr(c.cse_model) === f.cse_model));
}

export function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Victims breakdown by a dimension over cases in scope (vulnerabilities: once per code). */
export function victimsBreakdown(cases: Case[], dimension: string): Record<string, number> {
  if (dimension === 'vulnerabilities') return tally(cases.flatMap((c) => c.vulnerabilities ?? []));
  const key = (c: Case): string => {
    switch (dimension) {
      case 'age_band': return childBand(c.age);
      case 'ethnicity_group': return ethnicGroup(c.ethnicity);
      default: return nr(c[dimension as keyof Case] as string | null);
    }
  };
  return tally(cases.map(key));
}

const unrecordedEthnicity = (e: string | null) => e === null || e === 'REFU' || e === 'NOBT';

export function victimsCompleteness(cases: Case[]): Record<string, number> {
  const missing: Record<string, (c: Case) => boolean> = {
    age_band: (c) => c.age === null, sex: (c) => c.sex === null, ethnicity_group: (c) => unrecordedEthnicity(c.ethnicity),
    looked_after: (c) => c.looked_after === null, risk_level: (c) => c.risk_level === null, cse_model: (c) => c.cse_model === null,
    referral_source: (c) => c.referral_source === null, home_ward: (c) => c.home_ward === null,
    vulnerabilities: (c) => c.vulnerabilities === null,
  };
  return Object.fromEntries(Object.entries(missing).map(([k, f]) => [k, cases.filter(f).length]));
}

export function offendersIdentified(d: Data, w: Window): Offender[] {
  return d.offenders.filter((o) => within(o.first_identified, w));
}

export function offendersCompleteness(d: Data, w: Window): Record<string, number> {
  const o = offendersIdentified(d, w);
  const ageGaps = linkAgeGaps(d, w);
  return {
    age_band: o.filter((x) => x.age === null).length, sex: o.filter((x) => x.sex === null).length,
    ethnicity_group: o.filter((x) => unrecordedEthnicity(x.ethnicity)).length, role: o.filter((x) => x.role === null).length,
    status: o.filter((x) => x.status === null).length, home_ward: o.filter((x) => x.home_ward === null).length,
    relationship: d.links.filter((l) => within(l.linked_on, w) && l.relationship === null).length,
    age_gap: ageGaps.filter((g) => g === null).length,
  };
}

export const loneGroup = (d: Data, w: Window) => tally(offendersIdentified(d, w).map((o) => (o.group_id === null ? 'lone' : 'group')));
export const relationships = (d: Data, w: Window) => tally(d.links.filter((l) => within(l.linked_on, w)).map((l) => nr(l.relationship)));

function wholeYears(a: string, b: string): number {
  return Number(b.slice(0, 4)) - Number(a.slice(0, 4)) - (b.slice(5) < a.slice(5) ? 1 : 0);
}

function linkAgeGaps(d: Data, w: Window): (number | null)[] {
  const caseOf = new Map(d.cases.map((c) => [c.case_id, c]));
  const offenderOf = new Map(d.offenders.map((o) => [o.offender_id, o]));
  return d.links.filter((l) => within(l.linked_on, w)).map((l) => {
    const c = caseOf.get(l.case_id)!, o = offenderOf.get(l.offender_id)!;
    if (c.age === null || o.age === null) return null;
    return o.age + wholeYears(o.first_identified, l.linked_on) - (c.age + wholeYears(c.referral_date, l.linked_on));
  });
}

export function ageGapBands(d: Data, w: Window): Record<string, number> {
  return tally(linkAgeGaps(d, w).map((g) =>
    g === null ? NR : g < 0 ? '<0' : g <= 4 ? '0-4' : g <= 9 ? '5-9' : g <= 19 ? '10-19' : '20+'));
}

export function groups(d: Data, w: Window) {
  const childOf = new Map(d.cases.map((c) => [c.case_id, c.child_id]));
  const groupOf = new Map(d.offenders.filter((o) => o.group_id !== null).map((o) => [o.offender_id, o.group_id!]));
  const out = new Map<string, { group_id: string; size: number; all: Set<string>; inPeriod: Set<string>; first: string; last: string }>();
  for (const l of d.links) {
    const g = groupOf.get(l.offender_id);
    if (g === undefined || l.linked_on > w.to) continue;
    const e = out.get(g) ?? { group_id: g, size: [...groupOf.values()].filter((x) => x === g).length, all: new Set(), inPeriod: new Set(), first: l.linked_on, last: l.linked_on };
    e.all.add(childOf.get(l.case_id)!);
    if (l.linked_on >= w.from) e.inPeriod.add(childOf.get(l.case_id)!);
    if (l.linked_on < e.first) e.first = l.linked_on;
    if (l.linked_on > e.last) e.last = l.linked_on;
    out.set(g, e);
  }
  return [...out.values()].filter((e) => e.last >= w.from).map((e) => ({
    group_id: e.group_id, size: e.size, children_linked: e.all.size, children_in_period: e.inPeriod.size,
    first_activity: e.first, last_activity: e.last,
  }));
}

export function multiVictim(d: Data, w: Window): { offender_id: string; children: number }[] {
  const childOf = new Map(d.cases.map((c) => [c.case_id, c.child_id]));
  const children = new Map<string, Set<string>>();
  for (const l of d.links.filter((x) => x.linked_on <= w.to)) {
    children.set(l.offender_id, (children.get(l.offender_id) ?? new Set()).add(childOf.get(l.case_id)!));
  }
  return [...children].filter(([, s]) => s.size >= 2).map(([offender_id, s]) => ({ offender_id, children: s.size }));
}

/** Connected groups of the network by breadth-first search: sorted list of [children, offenders, locations] per group. */
export function networkGroups(d: Data, w: Window): { size: number; children: number; offenders: number; locations: number }[] {
  const childOf = new Map(d.cases.map((c) => [c.case_id, c.child_id]));
  const adj = new Map<string, Set<string>>();
  const connect = (a: string, b: string) => {
    adj.set(a, (adj.get(a) ?? new Set()).add(b));
    adj.set(b, (adj.get(b) ?? new Set()).add(a));
  };
  for (const l of d.links) if (within(l.linked_on, w)) connect(`child:${childOf.get(l.case_id)}`, `offender:${l.offender_id}`);
  for (const r of d.reports) if (within(r.reported_on, w)) connect(`child:${childOf.get(r.case_id)}`, `location:${r.location_id}`);
  const seen = new Set<string>();
  const out = [];
  for (const start of adj.keys()) {
    if (seen.has(start)) continue;
    const queue = [start];
    seen.add(start);
    const members: string[] = [];
    while (queue.length) {
      const n = queue.shift()!;
      members.push(n);
      for (const m of adj.get(n)!) if (!seen.has(m)) { seen.add(m); queue.push(m); }
    }
    const kind = (k: string) => members.filter((m) => m.startsWith(`${k}:`)).length;
    out.push({ size: members.length, children: kind('child'), offenders: kind('offender'), locations: kind('location') });
  }
  return out.sort((a, b) => b.size - a.size || b.children - a.children || b.offenders - a.offenders || b.locations - a.locations);
}
