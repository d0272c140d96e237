// The pages as viewers and partners see them, and on a database holding one
// source only, in real Chromium: the period picker offers financial years
// only, no filters, thresholds or cell sizes (with the one-line reason), an
// address off the publication grid is brought onto it with a notice, no page
// shows an error box; every page says where the data held ends; with SSDA903
// files only, Offenders says "No offender data held." and the return-interview
// figures say "not in this source" instead of a number.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pages } from '../../client/src/pages/index.ts';
import { describeBrowser, importedFrom, settled, startBrowserApp, type BrowserApp } from '../helpers/browser.ts';

const DEMO = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const SSDA903 = join(import.meta.dirname, '../fixtures/sources/ssda903');
const FY = 'from=2024-04-01&to=2025-03-31';
const REASON = 'Figures shared beyond the analysts are for whole financial years and the whole area, so that no small number can be worked out by subtraction.';
const shownPages = pages.filter((p) => p.access !== 'public' && p.access !== 'admin');

describeBrowser('pages for viewers and partners, and the data held', () => {
  const apps: BrowserApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  let viewer: BrowserApp;
  beforeAll(async () => {
    viewer = await startBrowserApp(importedFrom(DEMO), { role: 'viewer' });
    apps.push(viewer);
  }, 180_000);

  it('viewer, Victims: financial years only, no filters (with the reason), off-grid address corrected with a notice, no error box', async () => {
    const { page, server, browser } = viewer;
    await page.goto(`${server.url}/victims?from=2024-05-01&to=2024-06-30&sex=F&ward=E05990009`);
    await settled(page, 60_000);
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBe('2024-04-01');
    expect(url.searchParams.get('to')).toBe('2025-03-31');
    expect(url.searchParams.has('sex')).toBe(false);
    expect(url.searchParams.has('ward')).toBe(false);
    expect(await page.textContent('.grid-notice')).toBe('This address asked for figures viewers and partners do not see: the period is shown as the whole financial year it starts in; ward, sex are left out.');
    const values = await page.$$eval('#period-year option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toMatch(/^\d{4}$/);
    expect(await page.$$eval('#period-year optgroup', (gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['Financial years (April to March)']);
    expect(await page.$('form[aria-label="Filters"]')).toBeNull();
    expect(await page.$$eval('main .publication-note', (ps) => ps.map((p) => p.textContent))).toEqual([REASON]);
    expect(await page.$$eval('.error-box', (els) => els.length)).toBe(0);
    expect(await page.textContent('.held-bar .data-held')).toMatch(/^Data held to \d{2}\/\d{2}\/\d{4} \(cases\), .*\(missing episodes\)/);
    expect(browser.errors).toEqual([]);
  });

  it('viewer: every page without an error box, and the thresholds of Missing left out', async () => {
    const { page, server } = viewer;
    for (const def of shownPages) {
      await page.goto(`${server.url}${def.path}?${FY}&repeat_min=4&cell=500&type=takeaway`);
      await settled(page, 60_000);
      expect({ page: def.path, errors: await page.$$eval('.error-box', (els) => els.map((e) => e.textContent)) }).toEqual({ page: def.path, errors: [] });
      expect(await page.$('.held-bar .data-held')).not.toBeNull();
      // The report's sources section says it too (it is printed without the page's frame).
      if (def.path === '/report') expect(await page.textContent('main .data-held')).toMatch(/^Data held to \d{2}\/\d{2}\/\d{4} \(cases\)/);
    }
    await page.goto(`${server.url}/missing?${FY}&repeat_min=4`);
    await settled(page, 60_000);
    expect(new URL(page.url()).searchParams.has('repeat_min')).toBe(false);
    expect(await page.$('form[aria-label="Thresholds"]')).toBeNull();
  });

  it('partner: every page without an error box; Hotspots without location type or cell size', async () => {
    const partner = await startBrowserApp(importedFrom(DEMO), { role: 'partner' });
    apps.push(partner);
    const { page, server } = partner;
    for (const def of shownPages) {
      await page.goto(`${server.url}${def.path}?${FY}`);
      await settled(page, 60_000);
      expect({ page: def.path, errors: await page.$$eval('.error-box', (els) => els.map((e) => e.textContent)) }).toEqual({ page: def.path, errors: [] });
    }
    await page.goto(`${server.url}/hotspots?${FY}&cell=500`);
    await settled(page, 60_000);
    expect(new URL(page.url()).searchParams.has('cell')).toBe(false);
    expect(await page.$('#hs-cell')).toBeNull();
    expect(await page.$('#hs-type')).toBeNull();
    expect(await page.$$eval('main .publication-note', (ps) => ps.map((p) => p.textContent))).toEqual([REASON]);
    expect(partner.browser.errors).toEqual([]);
  }, 180_000);

  it('SSDA903 only: Offenders says no offender data held; Missing says the return interviews are not in this source', async () => {
    const only = await startBrowserApp(importedFrom(SSDA903), { role: 'analyst' });
    apps.push(only);
    const { page, server } = only;
    await page.goto(`${server.url}/offenders?from=2017-04-01&to=2018-03-31`);
    await settled(page, 60_000);
    expect(await page.textContent('main .no-data-held')).toMatch(/^No offender data held\./);
    expect(await page.$$eval('.error-box', (els) => els.length)).toBe(0);
    expect(await page.textContent('.held-bar .sources-held')).toMatch(/missing-episode \(SSDA903\).*No offender data held\./);
    await page.goto(`${server.url}/missing?from=2017-04-01&to=2018-03-31`);
    await settled(page, 60_000);
    expect(await page.$$eval('.error-box', (els) => els.length)).toBe(0);
    const cards = await page.$$eval('main .card.not-in-source', (cs) => cs.map((c) => c.textContent ?? ''));
    expect(cards.some((c) => c.startsWith('Return home interviews offered') && c.includes('not in this source'))).toBe(true);
    expect(await page.textContent('.held-bar .data-held')).toBe('Data held to 01/04/2018 (missing episodes).');
    // 2018/19 runs past the last episode held (01/04/2018 is inside it, so the year runs on past it).
    await page.goto(`${server.url}/missing?from=2018-04-01&to=2019-03-31`);
    await settled(page, 60_000);
    expect(await page.textContent('.held-bar .past-data-held')).toBe('This period runs past the data held, which ends on 01/04/2018.');
  }, 180_000);
});
