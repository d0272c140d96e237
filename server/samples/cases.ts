// CSE cases: monthly referrals (rising after the awareness campaign), for children already
// going missing, children referred again, or children new to services.
import { ageOn, monthsOf, monthStart, ramp, weekday } from './calendar.ts';
import { CSE_MODEL, ethnicityRecording, GROUP_MODELS, OUTCOME_CLOSED, REFERRAL_SOURCE, REFERRAL_SOURCE_CAMPAIGN, VULNERABILITIES, type Sex } from './codes.ts';
import { referredChild } from './children.ts';
import type { Area, Case, Child } from './model.ts';
import { Table, type Rng } from './prng.ts';

const CAMPAIGN_UPLIFT = 0.52;
const MONTH_FACTOR = [1, 1, 1, 1, 1, 1, 1, 0.75, 1.1, 1, 1, 0.85]; // index 0 = January
const CASE_SEX = new Table<Sex>([['F', 77], ['M', 22], ['O', 1]]);
const CASE_AGE = new Table<number>([[10, 2], [11, 4], [12, 8], [13, 14], [14, 20], [15, 22], [16, 17], [17, 9], [18, 2], [19, 1]]);
const ETHNICITY_RECORDING = ethnicityRecording(0.8);
const RISK = new Table<string | null>([['low', 36], ['medium', 40], ['high', 21], [null, 3]]);
const RISK_GROUP = new Table<string | null>([['low', 14], ['medium', 40], ['high', 43], [null, 3]]);
const YEAR = 365.25;

export function cseCases(area: Area, missingPool: readonly Child[]): Case[] {
  const rng = area.rng.fork('cases');
  const { t } = area;
  const bySex = (sex: Sex) => missingPool.filter((c) => c.sex === sex).sort((a, b) => a.from - b.from);
  const pools: Record<Sex, Child[]> = { F: bySex('F'), M: bySex('M'), O: bySex('O') };
  const referred: Child[] = [];
  const cases: Case[] = [];
  for (const [year, month] of monthsOf(t)) {
    const first = monthStart(year, month);
    const days = monthStart(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1) - first;
    const rate = area.profile.referralsPerMonth * (1 + CAMPAIGN_UPLIFT * ramp(first, t.campaign, 90)) * MONTH_FACTOR[month - 1];
    const count = Math.max(0, Math.round(rng.normal(rate, 0.75 * Math.sqrt(rate)))); // a little steadier than Poisson
    for (let i = 0; i < count; i++) {
      let day = first + rng.int(0, days - 1);
      while ([0, 6].includes(weekday(day)) && rng.chance(0.85)) day = first + rng.int(0, days - 1);
      const child = chooseChild(area, rng, pools, referred, day);
      if (child.cases.length === 0) referred.push(child);
      const c = makeCase(area, rng, child, day);
      child.cases.push(c);
      cases.push(c);
    }
  }
  return cases.sort((a, b) => a.referral - b.referral);
}

function chooseChild(area: Area, rng: Rng, pools: Record<Sex, Child[]>, referred: readonly Child[], day: number): Child {
  if (rng.chance(0.09) && referred.length > 0) {
    for (let attempt = 0; attempt < 12; attempt++) {
      const child = referred[rng.int(Math.max(0, referred.length - 300), referred.length - 1)];
      const last = child.cases[child.cases.length - 1];
      if (last.closed !== null && last.closed < day - 14 && day - child.birthDay < 18 * YEAR) return child;
    }
  }
  const sex = CASE_SEX.draw(rng);
  if (rng.chance(0.8)) {
    const found = missingChild(rng, pools[sex], day);
    if (found) return found;
  }
  return referredChild(area, rng, sex, CASE_AGE.draw(rng), day);
}

/**
 * A child of the missing pool (of one sex, sorted by start of risk) at risk around `day`,
 * aged 11–17 and not yet referred; the more often a child goes missing, the likelier.
 */
function missingChild(rng: Rng, pool: readonly Child[], day: number): Child | null {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool[mid].from < day - 450) lo = mid + 1;
    else hi = mid;
  }
  const bornAfter = day - 18 * YEAR;
  const bornBy = day - 11 * YEAR;
  const candidates: Child[] = [];
  let total = 0;
  for (let i = lo; i < pool.length && pool[i].from <= day - 14; i++) {
    const c = pool[i];
    if (c.to >= day - 90 && c.birthDay > bornAfter && c.birthDay <= bornBy && c.cases.length === 0) {
      candidates.push(c);
      total += Math.sqrt(c.weight);
    }
  }
  let x = rng.next() * total;
  for (const c of candidates) {
    x -= Math.sqrt(c.weight);
    if (x < 0) return c;
  }
  return null;
}

function makeCase(area: Area, rng: Rng, child: Child, day: number): Case {
  const model = CSE_MODEL.draw(rng);
  const recorded = ETHNICITY_RECORDING.draw(rng);
  const campaign = ramp(day, area.t.campaign, 90);
  const length = Math.max(14, Math.round(rng.lognormal(140, 0.7)));
  const closed = day + length <= area.t.end ? day + length : null;
  return {
    id: '',
    child,
    referral: day,
    closed,
    age: rng.chance(0.97) ? ageOn(child.birthDay, day) : null,
    sex: rng.chance(0.99) ? child.sex : null,
    ethnicity: recorded === 'recorded' ? child.ethnicity : recorded,
    lookedAfter: rng.chance(0.97) ? (child.inCare ? 'Y' : 'N') : null,
    disability: rng.chance(0.9) ? (child.disability ? 'Y' : 'N') : null,
    ward: rng.chance(0.95) ? child.ward.code : null,
    source: rng.chance(0.97) ? (rng.chance(campaign) ? REFERRAL_SOURCE_CAMPAIGN : REFERRAL_SOURCE).draw(rng) : null,
    risk: (GROUP_MODELS.has(model) ? RISK_GROUP : RISK).draw(rng),
    model,
    modelRecorded: rng.chance(0.67),
    vulnerabilities: rng.chance(0.92) ? vulnerabilities(rng, child, model, day) : null,
    outcome: closed === null ? 'open' : OUTCOME_CLOSED.draw(rng),
  };
}

function vulnerabilities(rng: Rng, child: Child, model: string, day: number): string[] {
  const wentMissing = child.episodes.some((e) => {
    const d = e.start / 1440;
    return d >= day - 365 && d < day + 1;
  });
  const boost: Record<string, number> = {
    missing: wentMissing ? 0.9 : 0.05,
    online_risk: model === 'online' ? 0.75 : 0.1,
    gang_association: GROUP_MODELS.has(model) ? 0.3 : child.sex === 'M' ? 0.12 : 0.04,
    offending: child.sex === 'M' ? 0.2 : 0.08,
    older_associates: GROUP_MODELS.has(model) || model === 'boyfriend' ? 0.45 : 0.18,
    learning_disability: child.disability ? 0.5 : 0.03,
  };
  const list = VULNERABILITIES.filter(([code, p]) => rng.chance(boost[code] ?? p)).map(([code]) => code);
  return list.length > 0 ? list : [rng.pick(['school_absence', 'mental_health', 'older_associates'])];
}
