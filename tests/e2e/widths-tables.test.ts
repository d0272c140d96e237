// The analyst's working surface in real Chromium, on the fictional demo area
// (with ward boundaries), signed in as admin: every page of the registry fits
// the window at 1440 and 390 px (no horizontal scroll of the page; wide tables
// scroll in their own box) with no error, chart text stays readable at 390 px;
// Victims names its wards; a table sorts from its header; a downloaded table
// says what it is, for when, for which filters and how it is marked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pages } from '../../client/src/pages/index.ts';
import type { TestServer } from '../helpers/server.ts';
import { describeBrowser, settled, startBrowserApp, importedFrom, type BrowserApp, type BrowserSession } from '../helpers/browser.ts';

const DEMO = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const PERIOD = 'from=2024-04-01&to=2025-03-31';
const WARDS = (JSON.parse(readFileSync(`${DEMO}boundaries.geojson`, 'utf8')) as { features: { properties: { area_code: string; area_name: string } }[] })
  .features.map((f) => f.properties);
/** Smallest chart text readable on a phone (px, as drawn). */
const MIN_CHART_TEXT = 11;
/** Pages whose charts another part of the work owns (the hotspot maps); their width is still checked. */
const TEXT_CHECK_SKIPPED = new Set(['/hotspots']);

describeBrowser('every page at 1440 and 390 px, sortable tables, downloads that stand alone', () => {
  let server: TestServer;
  let browser: BrowserSession;
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp(importedFrom(DEMO, 'demo'), { role: 'admin' });
    ({ server, browser } = app);
  }, 180_000);
  afterAll(() => app?.close());

  const appPages = pages.filter((p) => p.access !== 'public');

  for (const width of [1440, 390]) {
    it(`every page fits ${width} px with no error`, async () => {
      const { page } = browser;
      await page.setViewportSize({ width, height: 900 });
      const problems: string[] = [];
      for (const def of appPages) {
        browser.errors.length = 0;
        await page.goto(`${server.url}${def.path}${def.period === false ? '' : `?${PERIOD}`}`);
        await settled(page, 60_000);
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
          wide: [...document.querySelectorAll('main *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-scroll, .chart-scroll'))
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]}`),
          // Chart text as drawn: its font size times the scale of its SVG.
          // Maps (aria-label 'Map: …') belong to the hotspot maps' own work; the variation icons are symbols with their words beside them.
          smallest: Math.min(Infinity, ...[...document.querySelectorAll('main svg text')].filter((t) => !t.closest('svg[aria-label^="Map"], svg.variation-icon')).map((t) => {
            const svg = (t as SVGTextElement).ownerSVGElement!;
            const vb = svg.viewBox.baseVal;
            const scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
            const rect = t.getBoundingClientRect();
            return rect.width === 0 ? Infinity : parseFloat(getComputedStyle(t).fontSize) * scale;
          })),
        }));
        if (m.scroll > m.inner) problems.push(`${def.path}: page ${m.scroll} px wide in a ${m.inner} px window (${m.wide.join(', ')})`);
        if (width === 390 && !TEXT_CHECK_SKIPPED.has(def.path) && m.smallest < MIN_CHART_TEXT) problems.push(`${def.path}: chart text ${m.smallest.toFixed(1)} px`);
        const boxes = await page.$$eval('.error-box', (els) => els.map((e) => e.textContent));
        if (boxes.length) problems.push(`${def.path}: ${boxes.join(' | ')}`);
        if (browser.errors.length) problems.push(`${def.path}: ${browser.errors.join(' | ')}`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(problems).toEqual([]);
    }, 600_000);
  }

  it('Victims names its wards, by name with the code beside it, in the filter and the tables', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/victims?${PERIOD}`);
    await settled(page, 60_000);
    const options = await page.$$eval('#filter-ward option', (els) => els.map((o) => o.textContent));
    const named = WARDS.map((w) => `${w.area_name} (${w.area_code})`);
    const shown = options.filter((o) => o && /\(E05\d{6}\)$/.test(o));
    expect(shown.length).toBeGreaterThan(0);
    for (const o of shown) expect(named).toContain(o);
    const cells = await page.$$eval('main table tbody th', (els) => els.map((e) => e.textContent ?? ''));
    expect(cells.some((c) => named.includes(c))).toBe(true);
    expect(cells.filter((c) => /^E05\d{6}$/.test(c))).toEqual([]);
  }, 120_000);

  it('sorts a table from its header, every row, with aria-sort', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/victims?${PERIOD}`);
    await settled(page, 60_000);
    const table = page.locator('main table.data-table').filter({ hasText: 'Cases per 10,000 children aged 0–17 by home ward' });
    const header = table.locator('thead th').nth(1);
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const counts = async () => (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    const up = await counts();
    expect(up.length).toBeGreaterThan(3);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await counts()).toEqual([...up].sort((a, b) => b - a));
  }, 120_000);

  it('a downloaded table says what it is, for when, for which filters, how it is marked, with labels and codes apart', async () => {
    const { page } = browser;
    const ward = WARDS[0];
    await page.goto(`${server.url}/victims?${PERIOD}&risk_level=high`);
    await settled(page, 60_000);
    const block = page.locator('.table-block').filter({ hasText: 'Cases by home ward' }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^cases-by-home-ward-2024-25.*risk-level-high\.csv$/);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^Title,"?Cases by home ward, 2024\/25/);
    expect(lines).toContain('Period,2024/25 (01/04/2024 to 31/03/2025)');
    expect(lines).toContain('Filters,Risk level: High');
    expect(lines).toContain('Marking,OFFICIAL-SENSITIVE');
    expect(lines.some((l) => l.startsWith('Suppression,Not suppressed: counts from 1 to'))).toBe(true);
    expect(lines.find((l) => l.startsWith('Source extracts,'))).toMatch(/cases \(imported \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)/);
    const header = lines[lines.indexOf('') + 1];
    expect(header).toBe('Home ward,Home ward (code),"Number of cases, 2024/25",% of total,2023/24,Change,% change');
    const wardLine = lines.find((l) => l.includes(`,${ward.area_code},`));
    if (wardLine) expect(wardLine.startsWith(`${ward.area_name} (${ward.area_code}),${ward.area_code},`)).toBe(true);
    // Change columns are numbers, not words.
    for (const l of lines.slice(lines.indexOf('') + 2).filter(Boolean)) expect(l.split(',').slice(-2).every((c) => c === '' || /^-?\d+(\.\d+)?$/.test(c)), l).toBe(true);
  }, 120_000);

  it('the analyst writes key findings on the report page; they are stored for the period and shown', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/report?${PERIOD}`);
    await page.waitForFunction(() => document.body.dataset.reportReady === 'true', null, { timeout: 120_000 });
    const block = page.locator('#commentary-key-findings');
    await block.locator('summary').click();
    const words = 'Referrals rose in the north of the area.\n\nLicensing should be asked for joint visits.';
    await block.locator('textarea').fill(words);
    await block.getByRole('button', { name: 'Save' }).click();
    await block.locator('[role="status"]', { hasText: 'Saved.' }).waitFor();
    expect(await block.locator('.commentary-text p').allTextContents()).toEqual([
      'Referrals rose in the north of the area.', 'Licensing should be asked for joint visits.', expect.stringMatching(/^Written by test-admin-\w+, last changed \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/),
    ]);
    const stored = await server.get('/api/report/commentary?from=2024-04-01&to=2025-03-31');
    expect(stored.body.commentary.key_findings.text).toBe(words);
    expect(browser.errors).toEqual([]);
  }, 180_000);
});
