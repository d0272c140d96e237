// Issue #12's attacks on the acceptance data, as a viewer and as a partner
// over real HTTP (tests/helpers/attack.ts): one-day shifts of either end of the
// period, complements of every filter, other definitions and grid sizes,
// totals minus the cells shown (with what the completeness tables, rates, ward
// maps and exports show of the same cells), percentages × denominators, trend
// means over growing baselines, Gi* z-scores beside withheld cells, the
// concentration of missing episodes — none recovers a count from 1 to 5; and
// every figure both roles see is the analyst's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, acceptanceExpected } from './helpers/fixtures.ts';
import * as attack from './helpers/attack.ts';

let roles: attack.Roles;
beforeAll(async () => {
  const years = acceptanceExpected().filter((e) => e.from.endsWith('-04-01') && e.to.endsWith('-03-31') && +e.to.slice(0, 4) === +e.from.slice(0, 4) + 1);
  expect(years.length).toBe(2);
  roles = await attack.openRoles(fixturePath('acceptance/extracts'), years.map((e) => ({ from: e.from, to: e.to })));
}, 60_000);
afterAll(async () => {
  await roles.close();
});

describe('attacks on the acceptance data', () => {
  it('one-day shifts of either end, and spans other than one year, are refused', async () => {
    expect(await attack.periodShifts(roles)).toEqual([]);
  }, 180_000);
  it('complements of every filter, other definitions and grid sizes are refused, saying what is allowed', async () => {
    expect(await attack.complementsAndSizes(roles)).toEqual([]);
  }, 180_000);
  it('totals minus the shown cells recover nothing, with every other answer showing the same cells', async () => {
    const { leaks, withheld } = await attack.totalsMinusShown(roles);
    expect(leaks).toEqual([]);
    expect(withheld).toBeGreaterThan(20);
  }, 180_000);
  it('percentages times their denominators give no count from 1 to 5', async () => {
    expect(await attack.percentagesTimesDenominators(roles)).toEqual([]);
  });
  it('trend means over growing baselines, months against the year and quarters against months recover nothing', async () => {
    const { leaks, withheld } = await attack.trendBaselines(roles);
    expect(leaks).toEqual([]);
    expect(withheld).toBeGreaterThan(5);
  }, 300_000);
  it('the missing page’s monthly series recover nothing against the year’s totals', async () => {
    const { leaks, withheld } = await attack.monthlySeriesSums(roles);
    expect(leaks).toEqual([]);
    expect(withheld).toBeGreaterThan(0);
  }, 120_000);
  it('Gi* z-scores are not released beside withheld grid cells', async () => {
    const { leaks, withheld } = await attack.giStarBesideWithheld(roles);
    expect(leaks).toEqual([]);
    expect(withheld).toBeGreaterThan(5);
  }, 120_000);
  it('the concentration of missing episodes gives no small count', async () => {
    expect(await attack.concentrationSums(roles)).toEqual([]);
  });
  it('the board’s copy of the report withholds the same cells as the pages of the same years', async () => {
    const { differences, compared } = await attack.reportAgreesWithPages(roles);
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(30);
  }, 180_000);
  it('every figure a viewer or partner sees equals the analyst’s, route by route', async () => {
    const { differences, compared } = await attack.figuresAgree(roles);
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  }, 180_000);
});
