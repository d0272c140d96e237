// Offenders and their links to cases: lone offenders (a few with several victims) and groups
// whose members are linked to several cases over time, topped up with intelligence-only persons.
import { ethnicityRecording, ETHNICITY, GROUP_MODELS, RELATIONSHIP_BY_MODEL } from './codes.ts';
import { nextId, type Area, type Case, type Group, type Link, type Offender } from './model.ts';
import { Table, type Rng } from './prng.ts';

const LINK_CHANCE: Record<string, number> = {
  gang_group: 0.85, organised_trafficking: 0.9, party: 0.75, boyfriend: 0.45, inappropriate_relationship: 0.45,
  lone_offender: 0.55, online: 0.35, peer: 0.35, other: 0.25,
};
const SEX = new Table<string | null>([['M', 91], ['F', 6], [null, 3]]);
const ETHNICITY_RECORDING = ethnicityRecording(0.78);

export interface Offending {
  offenders: Offender[];
  groups: Group[];
  links: Link[];
}

export function offendersAndLinks(area: Area, cases: readonly Case[]): Offending {
  const rng = area.rng.fork('offenders');
  const out: Offending = { offenders: [], groups: [], links: [] };
  const lone: Offender[] = [];
  for (const c of cases) {
    if (!rng.chance(LINK_CHANCE[c.model])) continue;
    const on = Math.min(area.t.end, c.referral + rng.int(0, 60));
    if (GROUP_MODELS.has(c.model)) {
      const group = chooseGroup(area, rng, out, on);
      const count = Math.min(group.members.length, 1 + rng.poisson(0.8));
      for (const offender of rng.shuffle(group.members.slice()).slice(0, count)) {
        link(out, rng, c, offender, on, 'group');
      }
      group.lastActive = on;
    } else {
      const active = lone.slice(-300).filter((o) => o.lastActive >= on - 400);
      const reuse = active.length > 0 && rng.chance(0.22);
      const offender = reuse ? rng.pick(active) : newOffender(area, rng, out, before(area, rng, on, 20), 'lone', null, c.model);
      if (!reuse) lone.push(offender);
      link(out, rng, c, offender, on, c.model);
      if (rng.chance(0.05)) {
        const second = newOffender(area, rng, out, before(area, rng, on, 20), 'lone', null, c.model);
        lone.push(second);
        link(out, rng, c, second, on, c.model);
      }
    }
  }
  topUp(area, rng, out);
  return out;
}

function link(out: Offending, rng: Rng, c: Case, offender: Offender, on: number, model: string): void {
  const relationship = (RELATIONSHIP_BY_MODEL[model] ?? RELATIONSHIP_BY_MODEL.other).draw(rng);
  out.links.push({ case: c, offender, on, relationship });
  offender.lastActive = Math.max(offender.lastActive, on);
}

function chooseGroup(area: Area, rng: Rng, out: Offending, on: number): Group {
  const active = out.groups.filter((g) => g.lastActive >= on - 365);
  if (active.length > 0 && rng.chance(0.85)) {
    const group = rng.pick(active);
    if (rng.chance(0.25)) newOffender(area, rng, out, before(area, rng, on, 30), rng.chance(0.8) ? 'group_member' : 'recruiter', group, 'group');
    return group;
  }
  const group: Group = { id: nextId(area, 'G', 3), members: [], lastActive: on, places: [] };
  out.groups.push(group);
  const size = Math.min(9, 3 + rng.poisson(1.1));
  const roles = ['organiser', ...(rng.chance(0.6) ? ['recruiter'] : []), ...(rng.chance(0.4) ? ['facilitator'] : [])];
  while (roles.length < size) roles.push('group_member');
  for (const role of roles) newOffender(area, rng, out, before(area, rng, on, 60), role, group, 'group');
  return group;
}

function newOffender(area: Area, rng: Rng, out: Offending, identified: number, role: string, group: Group | null, model: string): Offender {
  const recorded = ETHNICITY_RECORDING.draw(rng);
  const offender: Offender = {
    id: '',
    identified,
    age: rng.chance(0.95) ? offenderAge(rng, role, model) : null,
    sex: role === 'facilitator' && rng.chance(0.3) ? 'F' : SEX.draw(rng),
    ethnicity: recorded === 'recorded' ? ETHNICITY.draw(rng) : recorded,
    ward: rng.chance(0.78) ? area.wardTable.draw(rng).code : null,
    role: rng.chance(0.96) ? role : null,
    group,
    status: null,
    lastActive: identified,
  };
  offender.status = status(rng, (area.t.end - offender.identified) / 365);
  group?.members.push(offender);
  out.offenders.push(offender);
  return offender;
}

/** A day up to `days` before `on`, not before the data starts. */
function before(area: Area, rng: Rng, on: number, days: number): number {
  return on - rng.int(0, Math.min(days, on - area.t.start));
}

function offenderAge(rng: Rng, role: string, model: string): number {
  const age =
    model === 'peer'
      ? rng.normal(16.5, 1.6)
      : role === 'organiser'
        ? 24 + rng.lognormal(10, 0.5)
        : model === 'boyfriend'
          ? 17 + rng.lognormal(5, 0.7)
          : 17 + rng.lognormal(9, 0.65);
  return Math.max(12, Math.min(85, Math.round(age)));
}

function status(rng: Rng, yearsKnown: number): string | null {
  if (rng.chance(0.03)) return null;
  const table =
    yearsKnown < 0.5
      ? [['suspect', 65], ['arrested', 25], ['no_further_action', 10]]
      : yearsKnown < 1.5
        ? [['suspect', 40], ['arrested', 25], ['charged', 12], ['convicted', 6], ['no_further_action', 17]]
        : [['suspect', 28], ['arrested', 18], ['charged', 10], ['convicted', 22], ['no_further_action', 22]];
  return new Table(table as [string, number][]).draw(rng);
}

/** Persons of interest known from intelligence only, until the area has its expected number. */
function topUp(area: Area, rng: Rng, out: Offending): void {
  const target = area.profile.offendersPerYear * area.t.years;
  while (out.offenders.length < target) {
    const identified = rng.int(area.t.start, area.t.end);
    const groups = out.groups.filter((g) => Math.abs(g.lastActive - identified) < 180);
    if (groups.length > 0 && rng.chance(0.35)) newOffender(area, rng, out, identified, 'group_member', rng.pick(groups), 'group');
    else newOffender(area, rng, out, identified, 'lone', null, 'lone_offender');
  }
}
