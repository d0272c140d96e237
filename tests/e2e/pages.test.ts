// Every page of the registry (client/src/pages/index.ts, so a new page is
// covered without touching this file) in real Chromium, signed in as admin,
// against the fictional demo area imported into a temporary database file:
// it loads with figures, no error box, no console error, no request leaves the
// machine, axe-core finds no serious or critical WCAG 2.2 A/AA violation, and
// the keyboard reaches the navigation and the page's controls with a visible
// focus. A screenshot of each page is kept in test-artifacts/.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pages } from '../../client/src/pages/index.ts';
import type { TestServer } from '../helpers/server.ts';
import { describeBrowser, openBrowser, seriousAxeViolations, settled, type BrowserSession, startBrowserApp, importedFrom, type BrowserApp } from '../helpers/browser.ts';

const DEMO = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const PERIOD = 'from=2024-04-01&to=2025-03-31';

/** What the keyboard reached by pressing Tab from the top of the page. */
interface TabWalk {
  nav: boolean;
  mainControl: boolean;
  /** Focus indicator of every element reached: an outline or a box-shadow. */
  invisible: string[];
}

async function tabWalk(page: Page, presses = 60): Promise<TabWalk> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const out: TabWalk = { nav: false, mainControl: false, invisible: [] };
  for (let i = 0; i < presses && !(out.nav && out.mainControl); i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return {
        inNav: Boolean(el.closest('nav')),
        inMain: Boolean(el.closest('main')) && el.matches('a, button, input, select, textarea, summary, [tabindex]'),
        visible,
        what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
      };
    });
    if (!f) continue;
    out.nav ||= f.inNav;
    out.mainControl ||= f.inMain;
    if (!f.visible) out.invisible.push(f.what);
  }
  return out;
}

describeBrowser('every page in Chromium: data, accessibility, keyboard', () => {
  let server: TestServer;
  let browser: BrowserSession;

  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp(importedFrom(DEMO, 'demo'), { role: 'admin', onDisk: true });
    ({ server, browser } = app);
  });
  afterAll(() => app?.close());

  const appPages = pages.filter((p) => p.access !== 'public');

  it('covers every page of the registry', () => {
    expect(appPages.length).toBeGreaterThanOrEqual(9);
  });

  for (const def of appPages) {
    it(`${def.path}: loads with figures, accessible, keyboard-usable`, async () => {
      const { page } = browser;
      browser.errors.length = 0;
      const url = `${server.url}${def.path}${def.period === false ? '' : `?${PERIOD}`}`;
      await page.goto(url);
      await settled(page, 45_000);
      await browser.screenshot(`page${def.path === '/' ? '-overview' : def.path.replace(/\//g, '-')}`);

      expect(await page.title()).toBe(`${def.title} – Problem Profiler`);
      expect(await page.$$eval('.error-box', (els) => els.map((e) => e.textContent))).toEqual([]);
      // Figures: a table cell or a headline card holding a number.
      const numbers = await page.$$eval('main td, main .card-value', (els) => els.filter((e) => /\d/.test(e.textContent ?? '')).length);
      expect(numbers).toBeGreaterThan(0);
      // Every chart has a text alternative: a label, and a table with a caption in its figure.
      const charts = await page.$$eval('main figure svg[role="img"]', (svgs) => svgs.map((s) => ({
        label: s.getAttribute('aria-label') ?? s.getAttribute('aria-labelledby') ?? '',
        tableWithCaption: Boolean(s.closest('figure')?.querySelector('table caption')),
      })));
      for (const c of charts) expect(c).toEqual({ label: expect.stringMatching(/\S/), tableWithCaption: true });

      expect(await seriousAxeViolations(page)).toEqual([]);

      const walk = await tabWalk(page);
      expect(walk.nav).toBe(true);
      expect(walk.mainControl).toBe(true);
      expect(walk.invisible).toEqual([]);

      expect(browser.errors).toEqual([]);
      expect(browser.offMachine).toEqual([]);
    });
  }

  it('/login (signed out): accessible and usable by keyboard', async () => {
    const signedOut = await openBrowser(server, { signedIn: false });
    try {
      const { page } = signedOut;
      await page.goto(`${server.url}/login`);
      await page.waitForSelector('main h1');
      await signedOut.screenshot('page-login');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.focus('input[autocomplete="username"], input[name="username"]');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
      expect(signedOut.errors).toEqual([]);
      expect(signedOut.offMachine).toEqual([]);
    } finally {
      await signedOut.close();
    }
  });
});
