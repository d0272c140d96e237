// The /hotspots page in real Chromium, with the acceptance extracts and the
// real Trafford boundaries: every map renders (with its table and the Crown
// copyright attribution), options live in the URL, no console errors, and no
// request leaves the machine. Skipped only when no Chromium is installed and
// neither CI=true nor REQUIRE_BROWSER=1 is set.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '../server/db.ts';
import type { TestServer } from './helpers/server.ts';
import { describeBrowser, startBrowserApp, type BrowserApp } from './helpers/browser.ts';
import { insertJson, loadTrafford } from './hotspots-fixtures.ts';

const EXTRACTS = ['cases.csv', 'missing_episodes.csv', 'offenders.csv', 'locations.csv', 'location_reports.csv', 'case_offender_links.csv', 'disruptions.csv'];

describeBrowser('hotspots page in Chromium', () => {
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];
  const settled = () => page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[aria-busy="true"]'));

  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp(async (db: Database) => {
      await loadTrafford(db, EXTRACTS);
      // A location in a ward no boundary holds, reported in the period: the page must say it cannot be drawn.
      await insertJson(db, 'locations', [{ location_id: 'LX1', location_type: 'hotel', ward: 'E05999999', latitude: null, longitude: null }], { location_id: 'VARCHAR', location_type: 'VARCHAR', ward: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE' });
      await insertJson(db, 'location_reports', [{ location_id: 'LX1', case_id: 'X1', reported_on: '2023-06-01' }], { location_id: 'VARCHAR', case_id: 'VARCHAR', reported_on: 'DATE' });
    }, { open: { errors, offMachine: outside } });
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

  it('says which wards cannot be drawn, and the ward map follows the location type', async () => {
    await page.goto(`${server.url}/hotspots?from=2023-04-01&to=2024-03-31`);
    await settled();
    // The acceptance extracts use ward codes of their own, which Trafford's boundaries do not hold either.
    expect(await page.textContent('#hs-wards + div .warning')).toMatch(/^Not on the map: \d+ wards cannot be drawn, as no boundary held has their codes: .*E05999999 \(1\)/);
    await page.selectOption('#hs-type', 'park');
    await page.waitForURL(/type=park/);
    await settled();
    expect(await page.textContent('figure.figure figcaption')).toBe('Figure 1: Location reports by ward of the location (park), 2023/24');
    // E05999999 holds a hotel only: with parks chosen it is not among the wards that cannot be drawn.
    expect(await page.$$eval('#hs-wards + div .warning', (w) => w.map((x) => x.textContent).join(''))).not.toContain('E05999999');
  });

  it('draws maps at the width of a 390 px screen, so legend text keeps its size and nothing overflows', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/hotspots?from=2023-04-01&to=2024-03-31`);
    await settled();
    const maps = await page.$$eval('figure.figure svg[role="img"]', (svgs) => svgs.map((svg) => ({
      drawn: Number(svg.getAttribute('width')), shown: svg.getBoundingClientRect().width,
    })));
    expect(maps.length).toBe(5);
    for (const m of maps) {
      expect(m.drawn).toBeLessThanOrEqual(390);
      expect(m.shown / m.drawn).toBeGreaterThan(0.95);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('logged no console errors and sent no request off the machine', () => {
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
