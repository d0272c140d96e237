// The /hotspots page in real Chromium, with the acceptance extracts and the
// real Trafford boundaries: every map renders (with its table and the Crown
// copyright attribution), options live in the URL, no console errors, and no
// request leaves the machine. Skipped only when no Chromium is installed and
// REQUIRE_BROWSER is not set.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '../server/db.ts';
import type { TestServer } from './helpers/server.ts';
import { describeBrowser, startBrowserApp, type BrowserApp } from './helpers/browser.ts';
import { loadTrafford } from './hotspots-fixtures.ts';

const EXTRACTS = ['cases.csv', 'missing_episodes.csv', 'offenders.csv', 'locations.csv', 'location_reports.csv', 'case_offender_links.csv', 'disruptions.csv'];

describeBrowser('hotspots page in Chromium', () => {
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];
  const settled = () => page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[aria-busy="true"]'));

  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp((db: Database) => loadTrafford(db, EXTRACTS), { open: { errors, offMachine: outside } });
    ({ server, page } = app);
  });
  afterAll(() => app?.close());

  it('draws the ward, hot spot, location and density maps, each with a table and attribution', async () => {
    await page.goto(`${server.url}/hotspots?from=2023-04-01&to=2024-03-31`);
    await settled();
    expect(await page.textContent('main h1')).toBe('Hotspots, 2023/24');
    expect(await page.$$eval('.error-box', (e) => e.map((x) => x.textContent))).toEqual([]);
    const figures = await page.$$eval('figure.figure', (els) => els.map((f) => ({
      caption: f.querySelector('figcaption')?.textContent ?? '',
      paths: f.querySelectorAll('svg path').length,
      rows: f.querySelectorAll('table tbody tr').length,
      attribution: [...f.querySelectorAll('svg text')].some((t) => t.textContent?.includes('Crown copyright')),
    })));
    expect(figures.map((f) => f.caption)).toEqual([
      'Figure 1: Location reports by ward of the location, 2023/24',
      'Figure 2: Hot and cold spots of location reports, 250 m grid, 2023/24',
      'Figure 3: Emerging hot spots of location reports, 250 m grid, 12 months, 2023-04 to 2024-03',
      'Figure 4: Locations of concern reported, 2023/24',
      expect.stringMatching(/^Figure 5: Density of location reports, bandwidth [\d,]+ m \(from the reports' spread, Scott's rule\), 2023\/24$/),
    ]);
    for (const f of figures) {
      expect(f.paths).toBeGreaterThanOrEqual(21);
      expect(f.rows).toBeGreaterThan(0);
      expect(f.attribution).toBe(true);
    }
    expect(await page.$$eval('.actions a[href^="/api/exports/hotspots."]', (a) => a.length)).toBe(6);
    // Maps name their wards and carry a scale bar; the grid table gives places, not column and row.
    expect(await page.$$eval('figure.figure svg [data-mark="scale-bar"] text', (t) => t.length)).toBe(5);
    const grid = await page.$$eval('figure.figure', (els) => [...els[1].querySelectorAll('table thead th')].map((th) => th.textContent?.trim()));
    expect(grid).toEqual(expect.arrayContaining(['Ward (of the cell centre)', 'OS grid reference', 'Easting (m)', 'Northing (m)']));
  });

  it('keeps the options in the URL and redraws', async () => {
    await page.selectOption('#hs-measure', 'cases_home');
    await page.waitForURL(/measure=cases_home/);
    await settled();
    expect(await page.textContent('figure.figure figcaption')).toBe('Figure 1: Cases by home ward, 2023/24');
    await page.selectOption('#hs-cell', '500');
    await page.waitForURL(/cell=500/);
    await settled();
    expect(await page.textContent('main')).toContain('500 m grid');
  });

  it('logged no console errors and sent no request off the machine', () => {
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
