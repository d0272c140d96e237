// What an analyst does, end to end in real Chromium against the acceptance
// extracts (figures from tests/fixtures/acceptance/expected.json): a filter changes
// the figures and survives a reload; a network node drills down to its links;
// a batch imported through the Imports page shows its upload progress, then
// every problem, and a good batch its summary and history; a table's CSV
// download arrives with the table's figures; the report PDF is produced.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configFromEnv } from '../../server/config.ts';
import { renderReportPdf } from '../../server/report/pdf.ts';
import type { TestServer } from '../helpers/server.ts';
import { CHROME_PATH, describeBrowser, settled, type BrowserSession, startBrowserApp, importedFrom, type BrowserApp } from '../helpers/browser.ts';
import { fixturePath, expectedPeriod } from '../helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const fy = expectedPeriod('2024-04-01', '2025-03-31');
const P = 'from=2024-04-01&to=2025-03-31';

/** Label and current count of each row of the table whose caption starts with `caption`. */
function tableCounts(page: Page, caption: string): Promise<[string, string][]> {
  return page.locator('table', { has: page.locator('caption', { hasText: caption }) }).first()
    .locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent ?? '', tr.children[1]?.textContent ?? ''] as [string, string]));
}

describeBrowser('analyst flows in Chromium', () => {
  let dir: string;
  let server: TestServer;
  let browser: BrowserSession;
  let page: Page;

  let app: BrowserApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'profiler-flows-'));
    app = await startBrowserApp(importedFrom(`${ACCEPTANCE}extracts`), { role: 'admin', onDisk: true });
    ({ server, browser, page } = app);
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a victims filter changes the figures, lives in the URL and survives a reload', async () => {
    await page.goto(`${server.url}/victims?${P}`);
    await settled(page);
    const sex = fy.breakdowns['victims/sex'];
    const before = Object.fromEntries(await tableCounts(page, 'Cases by sex'));
    expect(before.Female).toBe(String(sex.F));
    expect(before.Male).toBe(String(sex.M));

    await page.selectOption('#filter-risk_level', 'high');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('risk_level')).toBe('high');
    const api = await server.get(`/api/breakdowns/victims/sex?${P}&risk_level=high`);
    const filtered = Object.fromEntries((api.body.rows as { key: string; count: number }[]).map((r) => [r.key, String(r.count)]));
    const after = Object.fromEntries(await tableCounts(page, 'Cases by sex'));
    expect(after.Female).toBe(filtered.F);
    expect(Number(after.Female)).toBeLessThan(sex.F);
    await browser.screenshot('flow-victims-filtered');

    await page.reload();
    await settled(page);
    expect(await page.inputValue('#filter-risk_level')).toBe('high');
    expect(Object.fromEntries(await tableCounts(page, 'Cases by sex'))).toEqual(after);
    expect(browser.errors).toEqual([]);
  });

  it('a CSV download from a table arrives with the figures of the table', async () => {
    const block = page.locator('.table-block', { has: page.locator('caption', { hasText: 'Cases by sex' }) }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), block.locator('button', { hasText: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const all = text.trim().split(/\r?\n/);
    // The context lines (title, period, filters, marking…), a blank line, then the table.
    expect(all).toContain('Marking,OFFICIAL-SENSITIVE');
    const lines = all.slice(all.indexOf('') + 1);
    const shown = await tableCounts(page, 'Cases by sex');
    expect(lines).toHaveLength(shown.length + 1);
    const female = lines.find((l) => l.startsWith('Female,F,'));
    expect(female?.split(',')[2]).toBe(Object.fromEntries(shown).Female);
  });

  it('a network node drills down to its links', async () => {
    await page.goto(`${server.url}/links?${P}`);
    await settled(page);
    const node = page.locator('main svg g[data-id]').first();
    const id = await node.getAttribute('data-id');
    await node.click();
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('node') === n, id);
    const links = page.locator('.network-links table tbody tr');
    await links.first().waitFor();
    expect(await links.count()).toBeGreaterThan(0);
    expect(await page.locator('.network-links caption').textContent()).toMatch(/^Links of /);
    await browser.screenshot('flow-links-node');
    expect(browser.errors).toEqual([]);
  });

  it('an import through the Imports page shows its progress, then every problem of a refused batch', async () => {
    const lines = readFileSync(`${ACCEPTANCE}extracts/cases.csv`, 'utf8').split(/\r?\n/);
    const bad = lines[1].split(',');
    bad[2] = '31/02/2024';
    const file = join(dir, 'cases.csv');
    writeFileSync(file, `${lines[0]}\n${bad.join(',')}\n`);
    await page.goto(`${server.url}/admin/imports`);
    await settled(page);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { importStates: string[] }).importStates = seen;
      const state = document.getElementById('import-state')!;
      new MutationObserver(() => seen.push(state.textContent ?? '')).observe(state, { childList: true, characterData: true, subtree: true });
    });
    await page.setInputFiles('#import-files', file);
    await page.click('#import-submit');
    await page.waitForSelector('.import-problems');
    const states = await page.evaluate(() => (window as unknown as { importStates: string[] }).importStates);
    expect(states[0]).toBe('Uploading…');
    expect(states).toContain('Refused.');
    expect(states.some((s) => /^Uploading… \d+%$|^Uploaded\./.test(s))).toBe(true);
    expect(await page.getAttribute('#import-progress', 'value')).toBe('100');
    const problems = await page.locator('.problem-list li').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^cases\.csv:2:[^ ]+ — "31\/02\/2024" — no such date/);
    await browser.screenshot('flow-import-refused');
    // Chromium logs every 4xx answer: the 422 is the refusal shown above.
    expect(browser.errors).toEqual(['Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
    browser.errors.length = 0;
  });

  it('a good batch imported through the page shows its summary and joins the history', async () => {
    const historyRows = await page.locator('table:has(caption:text("Import history")) tbody tr').count();
    await page.setInputFiles('#import-files', [`${ACCEPTANCE}extracts/offenders.csv`, `${ACCEPTANCE}extracts/case_offender_links.csv`]);
    await page.click('#import-submit');
    await page.waitForSelector('.import-ok');
    const stored = await page.locator('.import-ok tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[0].textContent));
    expect(stored.sort()).toEqual(['case_offender_links', 'offenders']);
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length > 0 &&
      [...document.querySelectorAll('table')].some((t) => t.caption?.textContent?.startsWith('Import history') && t.tBodies[0].rows.length === n + 1), historyRows);
    await browser.screenshot('flow-import-done');
    expect(browser.errors).toEqual([]);
    expect(browser.offMachine).toEqual([]);
  });

  it('the report PDF is produced', async () => {
    const out = join(dir, 'report.pdf');
    await renderReportPdf({ db: server.db, config: configFromEnv({}), from: '2024-04-01', to: '2025-03-31', audience: 'board', out, chromePath: CHROME_PATH });
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 180_000);
});
