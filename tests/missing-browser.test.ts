// The missing page in real Chromium against the acceptance data: at least
// five charts each with its table, the lists of children, a threshold control
// that changes the figures and survives a reload, no console errors and no
// request leaving the machine. Skipped only when no Chromium is installed and
// neither CI=true nor REQUIRE_BROWSER=1 is set.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './helpers/server.ts';
import { describeBrowser, importedFrom, openBrowser, settled as pageSettled, startBrowserApp, type BrowserApp } from './helpers/browser.ts';
import { addUser } from '../server/auth/users.ts';
import { fixturePath, acceptanceExpected, expectedNumber } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const expected = acceptanceExpected()[0];

describeBrowser('missing page in Chromium', () => {
  let app: BrowserApp;
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp(importedFrom(`${ACCEPTANCE}extracts`), { open: { errors, offMachine: outside } });
    ({ server, page } = app);
  });
  afterAll(() => app?.close());

  const settled = () => pageSettled(page);
  const cardValue = (label: string) => page.locator('.card', { has: page.locator('.card-label', { hasText: label }) }).locator('.card-value').textContent();

  it('renders the charts with their tables, the cross-reference and the lists', async () => {
    await page.goto(`${server.url}/missing?from=2024-04-01&to=2025-03-31`);
    await settled();
    expect(await page.locator('h1').textContent()).toBe('Missing, 2024/25');
    const figures = page.locator('figure.figure');
    expect(await figures.count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('figure.figure svg[role="img"]').count()).toBe(await figures.count());
    expect(await page.locator('figure.figure table').count()).toBe(await figures.count());
    expect(await page.locator('svg[aria-label^="Heatmap"]').count()).toBe(1);
    expect(await page.locator('svg[aria-label^="Pareto chart"]').count()).toBe(1);
    expect(await page.locator('table:has(caption:text("day of the week")) tbody tr').count()).toBe(7);
    expect(await cardValue('Missing episodes')).toBe(String(expectedNumber(expected, 'missing_episodes')));
    expect(await page.locator('p', { hasText: 'most frequently missing 10%' }).textContent()).toContain('(12 of 118)');
    const repeat = page.locator('table:has(caption:text-is("Children missing repeatedly, 2024/25 (3 or more episodes within 90 days)")) tbody tr');
    expect(await repeat.count()).toBe(expectedNumber(expected, 'repeat_missing_children'));
    const without = page.locator('table:has(caption:text("with no CSE case open")) tbody tr');
    expect(await without.count()).toBe(expectedNumber(expected, 'repeat_missing_children_without_case'));
    expect(await page.locator('.error, [role="alert"]:not(:empty)').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('changes the thresholds from the form, keeps them in the URL and through a reload', async () => {
    await page.locator('#threshold-repeat_min').fill('4');
    await page.locator('#threshold-repeat_days').fill('60');
    await page.locator('#threshold-long_hours').fill('48');
    await page.locator('form[aria-label="Thresholds"] button[type="submit"]').click();
    await page.waitForURL(/long_hours=48&repeat_days=60&repeat_min=4/);
    await settled();
    const label = 'Children missing repeatedly (4 or more episodes within 60 days)';
    expect(await cardValue(label)).toBe(String(expected.variants.repeat_4_in_60));
    expect(await cardValue('Episodes over 48 hours')).toBe(String(expected.variants.episodes_over_48h));
    await page.reload();
    await settled();
    expect(await page.locator('#threshold-repeat_min').inputValue()).toBe('4');
    expect(await cardValue(label)).toBe(String(expected.variants.repeat_4_in_60));
    expect(await page.locator('table:has(caption:text("4 or more episodes within 60 days")):has(caption:text-is("Children missing repeatedly, 2024/25 (4 or more episodes within 60 days)")) tbody tr').count())
      .toBe(expected.variants.repeat_4_in_60);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('shows the viewer suppressed figures and no lists of children', async () => {
    const { username, password } = await addUser(server.db, 'missing-viewer', 'viewer');
    const viewer = await openBrowser({ ...server, session: await server.signIn(username, password) });
    const viewerPage = viewer.page;
    const viewerErrors = viewer.errors;
    await viewerPage.goto(`${server.url}/missing?from=2024-04-01&to=2025-03-31`);
    await pageSettled(viewerPage);
    expect(await viewerPage.locator('figure.figure svg[role="img"]').count()).toBeGreaterThanOrEqual(5);
    expect(await viewerPage.locator('svg[aria-label^="Heatmap"] text', { hasText: '[c]' }).count()).toBeGreaterThan(0);
    expect(await viewerPage.locator('text=The lists of children are for the analyst role.').count()).toBe(1);
    expect(await viewerPage.locator('table:has(caption:text("Children missing repeatedly"))').count()).toBe(0);
    expect(await viewerPage.locator('.error, [role="alert"]:not(:empty)').count()).toBe(0);
    expect(viewerErrors).toEqual([]);
    expect(viewer.offMachine).toEqual([]);
    await viewer.close();
  });
});
