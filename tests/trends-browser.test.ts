// The trends page in real Chromium against the acceptance data: a chart per
// measure, the summary and year-on-year tables, a chart opened large with its
// table, and no console errors. Skipped only when no Chromium is installed and
// neither CI=true nor REQUIRE_BROWSER=1 is set.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './helpers/server.ts';
import { describeBrowser, startBrowserApp, importedFrom, type BrowserApp } from './helpers/browser.ts';
import { fixturePath, expectedPeriod, expectedNumber } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/extracts');

/** The year-on-year row of cases referred from expected.json: 2023/24, 2024/25, the rise, and the rise as a % to one decimal place. */
function casesYearOnYear(): string[] {
  const before = expectedNumber(expectedPeriod('2023-04-01', '2024-03-31'), 'cases_referred');
  const now = expectedNumber(expectedPeriod('2024-04-01', '2025-03-31'), 'cases_referred');
  if (now <= before) throw new Error('the acceptance data has more cases referred in 2024/25 than in 2023/24');
  const pct = (Math.round((1000 * (now - before)) / before) / 10).toFixed(1);
  return ['Cases referred', String(before), String(now), `+${now - before}`, `+${pct}%`];
}

describeBrowser('trends page in Chromium', () => {
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];

  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp(importedFrom(ACCEPTANCE), { open: { errors } });
    ({ server, page } = app);
  });
  afterAll(() => app?.close());

  it('renders an XmR chart for each of the ten measures, the summary and the year-on-year table', async () => {
    await page.goto(`${server.url}/trends?from=2024-04-01&to=2025-03-31`);
    await page.waitForFunction(() => document.querySelectorAll('.xmr-card svg[role="img"][aria-label^="XmR chart"]').length === 10, null, { timeout: 30_000 });
    await page.waitForSelector('table:has(caption:text("Year on year"))', { timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Trends, 2024/25');
    expect(await page.locator('.xmr-card').count()).toBe(10);
    // 36 months, April 2022 to March 2025: one point per month with a value.
    const dots = await page.locator('.xmr-card[data-measure="cases_referred"] g[aria-label="dot"] path').count();
    expect(dots).toBe(36);
    const summaryRows = await page.locator('table:has(caption:text("Latest value")) tbody tr').count();
    expect(summaryRows).toBe(10);
    const cases = page.locator('table:has(caption:text("Year on year")) tbody tr').first();
    expect(await cases.locator('th, td').allTextContents()).toEqual(casesYearOnYear());
    expect(await page.locator('.variation-icon').count()).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  });

  it('opens a chart large with its table when clicked', async () => {
    await page.locator('.xmr-card[data-measure="missing_episodes"] button.xmr-open').click();
    await page.waitForSelector('.xmr-detail figure table', { timeout: 30_000 });
    expect(page.url()).toContain('measure=missing_episodes');
    expect(await page.locator('.xmr-detail figure table tbody tr').count()).toBe(36);
    await page.locator('#trend-interval').selectOption('quarter');
    await page.waitForFunction(() => document.querySelectorAll('.xmr-detail figure table tbody tr').length === 12, null, { timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
