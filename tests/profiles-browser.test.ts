// The victims, offenders and links pages in real Chromium against the
// acceptance data: each renders at least four charts and two tables with the
// expected figures, filters live in the URL and survive a reload, the network
// answers the keyboard, no console errors and no request leaves the machine.
// Skipped only when no Chromium is installed and neither CI=true nor
// REQUIRE_BROWSER=1 is set.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './helpers/server.ts';
import { describeBrowser, startBrowserApp, importedFrom, type BrowserApp } from './helpers/browser.ts';
import { formatCount } from '../client/src/format.ts';
import { codeLabel } from '../client/src/labels.ts';
import * as ref from './reference/profiles-reference.ts';
import { fixturePath, expectedPeriod, expectedNumber } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const fy = expectedPeriod('2024-04-01', '2025-03-31');
const P = 'from=2024-04-01&to=2025-03-31';

describeBrowser('profile pages in Chromium', () => {
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];
  const external: string[] = [];
  const settled = () => page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[aria-busy="true"]'));
  const tableOf = (caption: string) => page.locator('table', { has: page.locator('caption', { hasText: caption }) }).first()
    .locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));

  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp(importedFrom(`${ACCEPTANCE}extracts`), { open: { errors, offMachine: external } });
    ({ server, page } = app);
  });
  afterAll(() => app?.close());

  async function counts(): Promise<{ charts: number; tables: number; errorBoxes: number }> {
    return page.evaluate(() => ({
      charts: document.querySelectorAll('figure svg').length,
      tables: document.querySelectorAll('main table').length,
      errorBoxes: document.querySelectorAll('.error-box').length,
    }));
  }

  it('victims: every breakdown as a chart with its table, vulnerabilities as expected', async () => {
    await page.goto(`${server.url}/victims?${P}`);
    await settled();
    expect(await page.textContent('main h1')).toBe('Victims, 2024/25');
    const c = await counts();
    expect(c.errorBoxes).toBe(0);
    expect(c.charts).toBeGreaterThanOrEqual(9);
    expect(c.tables).toBeGreaterThanOrEqual(10);
    const rows = await tableOf('Cases by vulnerability');
    const shown = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    for (const [code, n] of Object.entries(fy.breakdowns['victims/vulnerabilities'])) expect(shown[codeLabel(code)]).toBe(formatCount(n));
    const gaps = await tableOf('Fields not recorded among cases referred');
    const cases = ref.casesInScope(ref.loadData(`${ACCEPTANCE}extracts`), { from: fy.from, to: fy.to });
    expect(gaps.find((r) => r[0] === 'CSE model')![3]).toBe(formatCount(ref.victimsCompleteness(cases).cse_model));
  });

  it('victims: filters live in the URL and survive a reload', async () => {
    await page.goto(`${server.url}/victims?${P}&sex=F`);
    await settled();
    await page.selectOption('#filter-risk_level', 'high');
    await page.waitForFunction(() => location.search.includes('risk_level=high'));
    await settled();
    const read = () => page.evaluate(() => ({
      search: location.search,
      sex: (document.querySelector('#filter-sex') as HTMLSelectElement).value,
      risk: (document.querySelector('#filter-risk_level') as HTMLSelectElement).value,
    }));
    const before = await read();
    const riskRows = await tableOf('Cases by risk level');
    await page.reload();
    await settled();
    expect(await read()).toEqual(before);
    expect(before).toMatchObject({ sex: 'F', risk: 'high' });
    const data = ref.loadData(`${ACCEPTANCE}extracts`);
    const n = ref.casesInScope(data, { from: fy.from, to: fy.to }, { sex: 'F', risk_level: 'high' }).length;
    expect(await tableOf('Cases by risk level')).toEqual(riskRows);
    expect(riskRows[0].slice(0, 2)).toEqual([codeLabel('high'), formatCount(n)]);
  });

  it('offenders: breakdowns, groups and multi-victim offenders', async () => {
    await page.goto(`${server.url}/offenders?${P}`);
    await settled();
    const c = await counts();
    expect(c.errorBoxes).toBe(0);
    expect(c.charts).toBeGreaterThanOrEqual(8);
    expect(c.tables).toBeGreaterThanOrEqual(10);
    expect(await tableOf('Groups with a link in 2024/25')).toHaveLength(expectedNumber(fy, 'groups_active'));
    // More than a page: 100 rows at a time, paged from the keyboard, all on request.
    const multi = 'Offenders linked to two or more children';
    const total = expectedNumber(fy, 'offenders_multi_victim');
    expect(total).toBeGreaterThan(100);
    const block = page.locator('.table-block', { has: page.locator('caption', { hasText: multi }) }).first();
    const range = block.locator('.pager-range[aria-live="polite"]');
    expect(await tableOf(multi)).toHaveLength(100);
    expect(await range.textContent()).toBe(`Rows 1 to 100 of ${formatCount(total)}`);
    await block.getByRole('button', { name: 'Next 100' }).press('Enter');
    expect(await tableOf(multi)).toHaveLength(total - 100);
    expect(await range.textContent()).toBe(`Rows 101 to ${formatCount(total)} of ${formatCount(total)}`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Previous 100');
    await block.getByRole('button', { name: 'Show all' }).press('Enter');
    expect(await tableOf(multi)).toHaveLength(total);
    expect(await block.locator('button:disabled').count()).toBe(3);
  });

  it('links: network, groups and four charts; Enter on a node lists its links', async () => {
    await page.goto(`${server.url}/links?${P}`);
    await settled();
    const c = await counts();
    expect(c.errorBoxes).toBe(0);
    expect(c.charts).toBeGreaterThanOrEqual(4);
    expect(c.tables).toBeGreaterThanOrEqual(2);
    const groups = ref.networkGroups(ref.loadData(`${ACCEPTANCE}extracts`), { from: fy.from, to: fy.to });
    expect(await tableOf('Connected groups, 2024/25')).toHaveLength(groups.length);
    await page.focus('g.node[data-id^="offender:"]');
    const id = await page.evaluate(() => document.activeElement!.getAttribute('data-id'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('node='));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(id);
    expect(await page.textContent('.network-links')).toContain(id!.slice('offender:'.length));
    await page.reload();
    await settled();
    expect(await page.getAttribute(`g.node[data-id="${id}"]`, 'aria-pressed')).toBe('true');
  });

  it('links: draws the largest groups up to 300 nodes, or the group chosen by number alone', async () => {
    const sizes = ref.networkGroups(ref.loadData(`${ACCEPTANCE}extracts`), { from: fy.from, to: fy.to }).map((g) => g.size);
    const total = sizes.reduce((a, b) => a + b, 0);
    let k = 1;
    while (k < sizes.length && sizes.slice(0, k + 1).reduce((a, b) => a + b, 0) <= 300) k++;
    const drawn = sizes.slice(0, k).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(300);
    await page.goto(`${server.url}/links?${P}`);
    await settled();
    expect(await page.locator('g.node').count()).toBe(drawn);
    expect(await page.textContent('main')).toContain(`The chart shows the ${k} largest groups (${drawn} of ${formatCount(total)} nodes); choose a group to see it alone.`);
    expect(await page.locator('main select').count()).toBe(0);
    await page.fill('#network-group', String(sizes.length + 1));
    await page.click('form[aria-label="Group shown"] button[type=submit]');
    expect(await page.textContent('form[aria-label="Group shown"] .field-error')).toBe(`The group number must be a whole number from 1 to ${sizes.length}.`);
    await page.fill('#network-group', '2');
    await page.press('#network-group', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('group') === '2');
    await settled();
    expect(await page.locator('g.node').count()).toBe(sizes[1]);
    expect(await page.textContent('main')).toContain(`The chart shows group 2 alone (${sizes[1]} nodes).`);
    expect(await tableOf('Groups drawn in figure 1, 2024/25')).toHaveLength(1);
    // A row of the connected groups table drills down to its group.
    await page.goto(`${server.url}/links?${P}`);
    await settled();
    await page.locator('table', { has: page.locator('caption', { hasText: 'Connected groups, 2024/25' }) }).getByRole('link', { name: 'Group 3', exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('group') === '3');
    await settled();
    expect(await page.locator('g.node').count()).toBe(sizes[2]);
    // A group the period does not have (e.g. kept from another period): the largest groups, saying so.
    await page.goto(`${server.url}/links?${P}&group=999`);
    await settled();
    expect(await page.textContent('main')).toContain(`There is no group 999 in this period, which has ${sizes.length} groups.`);
    expect(await page.locator('g.node').count()).toBe(drawn);
  });

  it('no console errors and no request leaving the machine', () => {
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
