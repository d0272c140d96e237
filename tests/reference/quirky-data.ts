// A seeded generator of small, valid but quirky extract sets (~300 cases,
// ~1,500 episodes) that exercise the edges of measures.md: events on and next
// to the boundaries of QUIRKY_PERIODS, episodes exactly 6/24/48/72 hours long
// and a second or minute either side, ongoing episodes, repeat-missing windows
// of exactly repeat_days−1 and repeat_days days, several episodes a day, return
// home interviews on date(end)+3/+4 and before date(start), episodes 364–366
// days before a referral, children with several cases, offenders linked to one
// child through two cases, links after every period, locations reported by two
// cases of one child, every code and band edge, every not-recorded marker,
// child keys that are all digits with leading zeros.
import { dayOfIso, ETHNICITY_CODES } from './values-reference.ts';
import { Rng, dateCell, dateTimeCell, marker, messyCode, optionalCode, writeCsv } from './quirky-csv.ts';

/** The periods the generated data is dense around: `[from, to]`. */
export const QUIRKY_PERIODS: [string, string][] = [
  ['2023-04-01', '2024-03-31'],
  ['2024-04-01', '2025-03-31'],
  ['2024-10-01', '2024-12-31'],
  ['2024-07-15', '2024-07-15'],
  ['2024-03-17', '2024-11-12'],
  ['2020-04-01', '2025-03-31'],
];

const C = {
  sex: ['F', 'M', 'O'],
  yn: ['Y', 'N'],
  source: ['police', 'social_care', 'education', 'health', 'voluntary', 'family', 'self', 'other'],
  risk: ['low', 'medium', 'high'],
  model: ['inappropriate_relationship', 'boyfriend', 'peer', 'online', 'party', 'gang_group', 'organised_trafficking', 'lone_offender', 'other'],
  vuln: ['missing', 'substance_misuse', 'mental_health', 'self_harm', 'school_absence', 'excluded_from_school', 'domestic_abuse_at_home', 'parental_substance_misuse', 'learning_disability', 'sexual_health', 'gifts_money', 'older_associates', 'offending', 'gang_association', 'homeless', 'bereavement', 'prior_abuse', 'sexuality_concerns', 'online_risk', 'young_carer'],
  outcome: ['open', 'risk_reduced', 'closed_no_further_action', 'transferred_out', 'other'],
  episodeType: ['missing', 'away'],
  from: ['home', 'care', 'school', 'other'],
  policeRisk: ['no_apparent_risk', 'low', 'medium', 'high'],
  role: ['lone', 'group_member', 'organiser', 'recruiter', 'facilitator'],
  status: ['suspect', 'arrested', 'charged', 'convicted', 'no_further_action'],
  relationship: ['boyfriend_girlfriend', 'peer', 'online_contact', 'associate', 'family_member', 'stranger', 'other'],
  locationType: ['hotel', 'takeaway', 'licensed_premises', 'park', 'shopping_centre', 'transport_hub', 'taxi_private_hire', 'school', 'private_address', 'online', 'other'],
  action: ['cawn', 'arrest', 'charge', 'conviction', 'sexual_risk_order', 'sexual_harm_prevention_order', 'licensing_action', 'premises_visit', 'vehicle_stop', 'other'],
};
const CHILD_AGES = [0, 5, 11, 12, 13, 14, 15, 16, 17, 18, 19, 25];
const OFFENDER_AGES = [10, 16, 17, 18, 24, 25, 34, 35, 44, 45, 70, 99];
const HOUR = 3600;
const LO = dayOfIso('2019-01-01');
const HI = dayOfIso('2026-03-31');

interface GenCase { case_id: string; child_id: string; referral: number }

/** Child keys as agencies make them, some all digits with leading zeros (text, never numbers). */
const childId = (n: number): string => (n % 3 === 0 ? String(n).padStart(8, '0') : `C${n}`);

/** Generates one extract set: extract name → CSV text. */
export function quirkyExtracts(seed: number): Record<string, string> {
  const r = new Rng(seed);
  const edges = QUIRKY_PERIODS.flatMap(([f, t]) => [dayOfIso(f) - 1, dayOfIso(f), dayOfIso(t), dayOfIso(t) + 1]);
  const someDay = () => (r.chance(0.35) ? r.pick(edges) : r.int(LO, HI));
  const age = (ages: number[]) => (r.chance(0.1) ? marker(r) : String(r.pick(ages)));
  const ward = () => (r.chance(0.2) ? marker(r) : messyCode(r, `${r.pick(['E05', 'W05'])}${r.int(100000, 999999)}`));

  // Cases: 200 children, some with two or three cases.
  const cases: GenCase[] = [];
  const caseRows = Array.from({ length: 300 }, (_, i) => {
    const child_id = childId(1000 + (i < 200 ? i : r.int(0, 199)));
    const referral = someDay();
    const c = { case_id: `CASE-${i + 1}`, child_id, referral };
    cases.push(c);
    const later = edges.filter((d) => d >= referral);
    const closed = r.pick([
      () => marker(r), () => marker(r), () => dateCell(r, referral),
      () => dateCell(r, later.length ? r.pick(later) : referral), () => dateCell(r, referral + r.int(1, 600)),
    ])();
    const parts = Array.from({ length: r.int(0, 4) }, () => messyCode(r, r.pick(C.vuln)));
    if (parts.length && r.chance(0.2)) parts.push(messyCode(r, parts[0].trim()));
    return {
      case_id: c.case_id, child_id, referral_date: dateCell(r, referral), closed_date: closed,
      age_at_referral: age(CHILD_AGES), sex: optionalCode(r, C.sex), ethnicity: optionalCode(r, ETHNICITY_CODES),
      looked_after: optionalCode(r, C.yn), disability: optionalCode(r, C.yn), home_ward: ward(),
      referral_source: optionalCode(r, C.source), risk_level: optionalCode(r, C.risk), cse_model: optionalCode(r, C.model),
      vulnerabilities: r.chance(0.15) ? marker(r) : parts.join(r.pick([';', '; ', ' ;'])), outcome: optionalCode(r, C.outcome),
    };
  });

  // Missing episodes: start days by pattern, then times, lengths and the rest.
  const episodeRows: Record<string, string>[] = [];
  const addEpisode = (child_id: string, startDay: number) => {
    const minute = r.pick([0, 1, 1439, r.int(0, 1439), r.int(0, 1439)]);
    const start = startDay * 86_400 + minute * 60 + (r.chance(0.15) ? r.int(1, 59) : 0);
    const special = r.pick([6, 24, 48, 72]) * HOUR + r.pick([0, 0, 1, -1, 60, -60]);
    const length = r.pick([special, special, 0, r.int(1, 600) * 60, r.int(1, 14_400) * 60]);
    const ongoing = r.chance(0.08);
    const end = start + length;
    const endDay = Math.floor(end / 86_400);
    const rhi = ongoing
      ? (r.chance(0.8) ? marker(r) : dateCell(r, startDay + 1))
      : r.pick([
        () => marker(r), () => dateCell(r, endDay + 3), () => dateCell(r, endDay + 4), () => dateCell(r, endDay),
        () => dateCell(r, startDay), () => dateCell(r, startDay - 1), () => dateCell(r, endDay + r.int(1, 30)),
      ])();
    episodeRows.push({
      episode_id: `EP${String(episodeRows.length + 1).padStart(5, '0')}`, child_id,
      start: dateTimeCell(r, start), end: ongoing ? marker(r) : dateTimeCell(r, end),
      episode_type: optionalCode(r, C.episodeType, 0.3), missing_from: optionalCode(r, C.from),
      age_at_start: age(CHILD_AGES), sex: optionalCode(r, C.sex), ethnicity: optionalCode(r, ETHNICITY_CODES),
      home_ward: ward(), police_risk: optionalCode(r, C.policeRisk), found_ward: ward(),
      found_location_type: optionalCode(r, C.locationType, 0.3), rhi_offered: optionalCode(r, C.yn), rhi_completed_date: rhi,
    });
  };
  const missingChildren = [...Array.from({ length: 130 }, (_, i) => childId(1000 + i)), ...Array.from({ length: 90 }, (_, i) => childId(5000 + i))];
  for (const child of missingChildren) {
    const a = someDay();
    const pattern = r.pick(['random', 'random', 'repeat', 'repeat4', 'pair', 'sameDay', 'linking']);
    const days: number[] = [];
    if (pattern === 'random') for (let k = r.int(1, 6); k > 0; k--) days.push(someDay());
    if (pattern === 'repeat') {
      const w = r.pick([90, 60, 30]);
      days.push(a, a + r.int(0, w - 2), a + w - r.int(0, 1));
    }
    if (pattern === 'repeat4') days.push(a, a + r.int(0, 20), a + r.int(20, 58), a + 60 - r.int(0, 1));
    if (pattern === 'pair') days.push(a, a + 30 - r.int(0, 1));
    if (pattern === 'sameDay') days.push(a, a, a, a + r.int(0, 1));
    if (pattern === 'linking') {
      const own = cases.filter((c) => c.child_id === child);
      const ref = own.length ? r.pick(own).referral : a;
      days.push(ref - 365, ref - 366, ref - r.int(0, 364));
    }
    for (let k = r.int(0, 2); k > 0; k--) days.push(someDay());
    for (const d of days) addEpisode(child, d);
  }
  while (episodeRows.length < 1500) addEpisode(r.pick(missingChildren), someDay());

  // Offenders, links (also to two cases of one child, and after every period).
  const offenderIds = Array.from({ length: 150 }, (_, i) => `P-${i + 1}`);
  const offenderRows = offenderIds.map((offender_id) => ({
    offender_id, first_identified: dateCell(r, someDay()), age_at_identification: age(OFFENDER_AGES),
    sex: optionalCode(r, C.sex), ethnicity: optionalCode(r, ETHNICITY_CODES), home_ward: ward(),
    role: optionalCode(r, C.role), group_id: r.chance(0.45) ? `G${r.int(1, 12)}` : marker(r), status: optionalCode(r, C.status),
  }));
  const byChild = new Map<string, GenCase[]>();
  for (const c of cases) byChild.set(c.child_id, [...(byChild.get(c.child_id) ?? []), c]);
  const multiCase = [...byChild.values()].filter((cs) => cs.length > 1);
  const linkDay = () => (r.chance(0.1) ? HI + r.int(1, 200) : someDay());
  const linkRows: Record<string, string>[] = [];
  const link = (c: GenCase, offender_id: string) =>
    linkRows.push({ case_id: c.case_id, offender_id, linked_on: dateCell(r, linkDay()), relationship: optionalCode(r, C.relationship) });
  for (let i = 0; i < 300; i++) link(r.pick(cases), r.pick(offenderIds));
  for (let i = 0; i < 40; i++) {
    const o = r.pick(offenderIds);
    const cs = r.pick(multiCase);
    link(cs[0], o);
    link(cs[1], o);
  }

  // Locations, reports (also by two cases of one child), disruptions.
  const locationIds = Array.from({ length: 80 }, (_, i) => `L${i + 1}`);
  const coord = (max: number) => (r.chance(0.2) ? marker(r) : (r.next() * 2 * max - max).toFixed(r.int(1, 6)));
  const locationRows = locationIds.map((location_id, i) => ({
    location_id, location_type: messyCode(r, i < C.locationType.length ? C.locationType[i] : r.pick(C.locationType)),
    ward: ward(), latitude: coord(90), longitude: coord(180),
  }));
  const reportRows: Record<string, string>[] = [];
  const report = (l: string, c: GenCase, day: number) => reportRows.push({ location_id: l, case_id: c.case_id, reported_on: dateCell(r, day) });
  for (let i = 0; i < 320; i++) report(r.pick(locationIds), r.pick(cases), someDay());
  for (let i = 0; i < 40; i++) {
    const l = r.pick(locationIds);
    const cs = r.pick(multiCase);
    const d = someDay();
    report(l, cs[0], d);
    report(l, r.chance(0.5) ? cs[0] : cs[1], d + r.int(0, 3));
  }
  const optionalRef = (ids: string[]) => (r.chance(0.5) ? marker(r) : r.pick(ids));
  const caseIds = cases.map((c) => c.case_id);
  const disruptionRows = Array.from({ length: 130 }, (_, i) => ({
    disruption_id: `D${i + 1}`, action_date: dateCell(r, someDay()),
    action_type: messyCode(r, i < C.action.length ? C.action[i] : r.pick(C.action)),
    offender_id: optionalRef(offenderIds), location_id: optionalRef(locationIds), case_id: optionalRef(caseIds),
  }));

  const csv = (rows: Record<string, string>[]) => writeCsv(r, Object.keys(rows[0]), r.shuffle([...rows]));
  return {
    cases: csv(caseRows),
    missing_episodes: csv(episodeRows),
    offenders: csv(offenderRows),
    case_offender_links: csv(linkRows),
    locations: csv(locationRows),
    location_reports: csv(reportRows),
    disruptions: csv(disruptionRows),
  };
}
