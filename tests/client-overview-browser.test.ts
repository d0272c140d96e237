// The app shell and the Overview page in real Chromium against the acceptance
// data: headline cards and figures equal the expected figures, the period lives
// in the URL (back/forward, reload), a missing API shows an error box, 401 goes
// to the login page, and no console errors. Skipped only when no Chromium is
// installed and neither CI=true nor REQUIRE_BROWSER=1 is set.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './helpers/server.ts';
import { describeBrowser, startBrowserApp, importedFrom, type BrowserApp } from './helpers/browser.ts';
import { formatCount, formatPercent } from '../client/src/format.ts';
import { fixturePath, acceptanceExpected, expectedPeriod } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');

const expected = acceptanceExpected();
const fy2024 = expectedPeriod('2024-04-01', '2025-03-31');
const fy2023 = expected.find((e) => e.from === '2023-04-01' && e.to === '2024-03-31');

describeBrowser('overview page in Chromium', () => {
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];
  const settled = () => page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[aria-busy="true"]'));

  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp(importedFrom(`${ACCEPTANCE}extracts`), { open: { errors } });
    ({ server, page } = app);
  });
  afterAll(() => app?.close());

  it('shows the headline figures of the period beside the previous period', async () => {
    await page.goto(`${server.url}/?from=2024-04-01&to=2025-03-31`);
    await settled();
    expect(await page.title()).toBe('Overview – Problem Profiler');
    expect(await page.textContent('main h1')).toBe('Overview, 2024/25');
    expect(await page.getAttribute('nav a[aria-current="page"]', 'href')).toBe('/?from=2024-04-01&to=2025-03-31');
    const cards = await page.$$eval('.card', (els) => els.map((e) => ({
      label: e.querySelector('.card-label')?.textContent,
      value: e.querySelector('.card-value')?.textContent,
      previous: e.querySelector('.card-previous')?.textContent,
    })));
    expect(cards).toHaveLength(12);
    const byLabel = Object.fromEntries(cards.map((c) => [c.label, c]));
    const m = fy2024.measures;
    expect(byLabel['Cases referred'].value).toBe(formatCount(m.cases_referred));
    expect(byLabel['Missing episodes'].value).toBe(formatCount(m.missing_episodes));
    expect(byLabel['Repeat-missing children'].value).toBe(formatCount(m.repeat_missing_children));
    expect(byLabel['Return interviews within 72 hours'].value).toBe(formatPercent(m.pct_rhi_within_72h));
    expect(byLabel['CAWNs issued'].value).toBe(formatCount(m.cawns_issued));
    if (fy2023) expect(byLabel['Cases referred'].previous).toBe(`2023/24: ${formatCount(fy2023.measures.cases_referred)}`);
  });

  it('shows four charts, each with its table; not recorded kept', async () => {
    expect(await page.locator('figure svg[role="img"][aria-label]').count()).toBe(4);
    expect(await page.locator('figure table caption').count()).toBe(4);
    const ageTable = await page.locator('figure').first().locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    const age = fy2024.breakdowns['victims/age_band'];
    expect(ageTable).toEqual([
      ['12 to 13', String(age['12-13'])], ['14 to 15', String(age['14-15'])], ['16 to 17', String(age['16-17'])],
      ['18 and over', String(age['18+'])], ['Not recorded', String(age.not_recorded)],
    ]);
    expect(await page.locator('figure').first().locator('g[aria-label="bar"][fill^="url(#not-recorded-hatch"] rect').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('keeps the period in the URL: picker, back and reload', async () => {
    await page.selectOption('#period-year', '2023');
    await settled();
    expect(new URL(page.url()).search).toBe('?from=2023-04-01&to=2024-03-31');
    expect(await page.textContent('main h1')).toBe('Overview, 2023/24');
    await page.goBack();
    await settled();
    expect(await page.textContent('main h1')).toBe('Overview, 2024/25');
    await page.reload();
    await settled();
    expect(await page.inputValue('#period-year')).toBe('2024');
  });

  it('shows an error box when an API is missing, and sends a 401 to the login page', async () => {
    await page.route('**/api/trends/**', (r) => r.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"No such API route"}' }));
    await page.goto(`${server.url}/?from=2024-04-01&to=2025-03-31`);
    await settled();
    expect(await page.locator('.error-box[role="alert"]').count()).toBe(2);
    expect(await page.locator('figure').count()).toBe(2);
    await page.unroute('**/api/trends/**');
    await page.route('**/api/measures?**', (r) => r.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"Sign in"}' }));
    await page.goto(`${server.url}/?from=2024-04-01&to=2025-03-31`);
    await page.waitForURL((u) => u.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/?from=2024-04-01&to=2025-03-31');
    await page.unroute('**/api/measures?**');
  });

  it('answers an unknown path with a not-found page inside the app', async () => {
    await page.goto(`${server.url}/no-such-page`);
    await page.waitForSelector('main h1');
    expect(await page.textContent('main h1')).toBe('Page not found');
  });
});
