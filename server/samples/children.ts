// Children of the area: those at risk of going missing, and those only known through a case.
import { ETHNICITY, type Sex } from './codes.ts';
import { nextId, type Area, type Child } from './model.ts';
import { Table, type Rng } from './prng.ts';

// Most children go missing once or twice over a few months; a few (more often children in care)
// go missing repeatedly over years and account for most episodes.
const OCCASIONAL = { weight: 1, sigma: 0.9, days: 300 };
const REPEAT = { weight: 12, sigma: 1.1, days: 650 };
const REPEAT_CHANCE = { care: 0.25, home: 0.07 };
const MEAN_RISK_DAYS = 340;
const EPISODES_PER_ACTIVE_CHILD = 2.4;
const AGE_AT_RISK = new Table<number>([[7, 1], [8, 1.5], [9, 2], [10, 4], [11, 8], [12, 14], [13, 20], [14, 22], [15, 17], [16, 10]]);
const MISSING_SEX = new Table<Sex>([['F', 52], ['M', 47], ['O', 1]]);

/** Children who go missing, each over a period of risk with a propensity to go missing. */
export function missingChildren(area: Area): Child[] {
  const rng = area.rng.fork('children');
  const { t } = area;
  const activePerYear = area.profile.episodesPerYear / EPISODES_PER_ACTIVE_CHILD;
  const newPerYear = (activePerYear * 365) / MEAN_RISK_DAYS;
  const lead = 2 * MEAN_RISK_DAYS;
  const count = Math.round(newPerYear * ((t.end - t.start + lead) / 365));
  const children: Child[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor(rng.uniform(t.start - lead, t.end));
    const age = AGE_AT_RISK.draw(rng);
    const birthDay = from - Math.floor(age * 365.25) - rng.int(0, 364);
    const adult = birthDay + Math.floor(18 * 365.25);
    const inCare = rng.chance(0.22);
    const child = makeChild(area, rng, { sex: MISSING_SEX.draw(rng), birthDay, inCare });
    const kind = rng.chance(inCare ? REPEAT_CHANCE.care : REPEAT_CHANCE.home) ? REPEAT : OCCASIONAL;
    child.weight = Math.min(150, rng.lognormal(kind.weight, kind.sigma));
    child.from = from;
    child.to = Math.min(adult - 1, from + 20 + Math.floor(rng.exponential(kind.days)));
    children.push(child);
  }
  return children;
}

/** A child first known through a CSE referral on `day` at `age`. */
export function referredChild(area: Area, rng: Rng, sex: Sex, age: number, day: number): Child {
  const birthDay = day - Math.floor(age * 365.25) - rng.int(0, 364);
  return makeChild(area, rng, { sex, birthDay, inCare: rng.chance(0.12) });
}

function makeChild(area: Area, rng: Rng, base: { sex: Sex; birthDay: number; inCare: boolean }): Child {
  return {
    id: nextId(area, 'C', 6),
    ...base,
    ethnicity: ETHNICITY.draw(rng),
    ward: area.wardTable.draw(rng),
    disability: rng.chance(0.1),
    weight: 0,
    from: 0,
    to: -1,
    episodes: [],
    cases: [],
  };
}
