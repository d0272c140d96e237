// Every page of the client's registry in headless Chromium: which API calls it
// makes (the endpoints the benchmark then times), and how long it takes from
// navigation to fully rendered. Fully rendered: the page's <h1> is there and
// nothing is marked aria-busy (the router marks the page busy until its render
// settles, and every section loading its data marks itself).
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { pages } from '../../client/src/pages/index.ts';
import { percentile } from './stats.ts';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PageTiming {
  path: string;
  /** First load, answers not yet kept by the server. */
  cold_ms: number;
  /** Median of the later loads. */
  warm_ms: number;
  /** API GETs the page made (path and query). */
  api: string[];
}

/** The pages timed: every page of the registry but the sign-in page. */
export const benchPages = (): string[] => pages.filter((p) => p.access !== 'public').map((p) => p.path);

/** Longest wait for a page; one that takes longer is reported at this figure. */
const PAGE_TIMEOUT_MS = 60_000;

/** Navigation to fully rendered, in ms; PAGE_TIMEOUT_MS when the page does not get there in time (a hung renderer included). */
async function loadOnce(page: Page, url: string): Promise<number> {
  const began = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), PAGE_TIMEOUT_MS)));
  const load = (async () => {
    await page.goto(url, { waitUntil: 'commit', timeout: PAGE_TIMEOUT_MS });
    await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[aria-busy="true"]'), null, { timeout: PAGE_TIMEOUT_MS, polling: 'raf' });
    return 'done' as const;
  })();
  load.catch(() => undefined);
  try {
    const outcome = await Promise.race([load, limit]);
    return outcome === 'timeout' ? PAGE_TIMEOUT_MS : performance.now() - began;
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') return PAGE_TIMEOUT_MS;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

export async function timePages(baseUrl: string, cookie: string, warmRuns: number, log: (s: string) => void): Promise<PageTiming[]> {
  if (!existsSync(CHROME_PATH)) throw new Error(`No Chromium at ${CHROME_PATH}: install chromium or set CHROME_PATH`);
  const browser = await chromium.launch({ headless: true, executablePath: CHROME_PATH, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
    const errors: string[] = [];
    let api: Set<string> | null = null;
    const out: PageTiming[] = [];
    for (const path of benchPages()) {
      // A page of its own for each path, closed after: a page that hangs its renderer does not slow the next.
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (api && r.method() === 'GET' && u.pathname.startsWith('/api/') && u.pathname !== '/api/session') api.add(u.pathname + u.search);
      });
      api = new Set();
      const cold = await loadOnce(page, baseUrl + path);
      const calls = [...api];
      api = null;
      const warm: number[] = [];
      // A page that did not finish in time is not loaded again: it is reported at the time limit.
      for (let i = 0; i < (cold >= PAGE_TIMEOUT_MS ? 0 : warmRuns); i++) warm.push(await loadOnce(page, baseUrl + path));
      if (warm.length === 0) warm.push(cold);
      const errorBoxes = cold >= PAGE_TIMEOUT_MS ? 0 : await page.locator('.error-box').count();
      if (cold >= PAGE_TIMEOUT_MS) log(`  ! ${path} was not fully rendered within ${PAGE_TIMEOUT_MS / 1000} s`);
      if (errorBoxes) log(`  ! ${path} shows ${errorBoxes} error box(es)`);
      await page.close({ runBeforeUnload: false });
      out.push({ path, cold_ms: cold, warm_ms: percentile(warm, 50), api: calls });
      log(`  page ${path.padEnd(16)} cold ${cold.toFixed(0).padStart(6)} ms, warm p50 ${percentile(warm, 50).toFixed(0).padStart(6)} ms, ${calls.length} API calls`);
    }
    if (errors.length) log(`  ! page errors: ${errors.join(' | ')}`);
    return out;
  } finally {
    await browser.close();
  }
}
