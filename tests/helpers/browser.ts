// Real Chromium for the browser tests, launched in one way only: Debian's
// /usr/bin/chromium (CHROME_PATH overrides), headless, a fresh profile per
// session, signed in with the test server's session cookie. Every request to a
// host other than this machine is aborted and recorded (the tests assert none),
// console errors and page errors are collected, and screenshots are kept under
// test-artifacts/ (gitignored).
//
// describeBrowser() runs a suite only when the browser exists; without it the
// suite is skipped with a notice on the console, unless CI=true or
// REQUIRE_BROWSER=1, where a missing browser fails (tests/helpers/requirements.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { Database } from '../../server/db.ts';
import { importFolder } from '../../server/import/index.ts';
import { ensureClientBuilt } from '../../server/build-client.ts';
import type { Role } from '../../server/auth/roles.ts';
import { startTestServer, type TestServer } from './server.ts';
import { describeNeeding, executableAt, type Requirement } from './requirements.ts';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium, as the browser suites and `npm run report` launch it. */
export const CHROMIUM: Requirement = executableAt(CHROME_PATH, 'apt-get install chromium, or set CHROME_PATH');

/** describe() for a browser suite: skipped with a notice without Chromium, failing instead under CI=true or REQUIRE_BROWSER=1. */
export function describeBrowser(name: string, body: () => void): void {
  describeNeeding(name, [CHROMIUM], body);
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** Requests aimed anywhere but this machine (aborted). */
  offMachine: string[];
  /** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
  screenshot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Arrays to collect into, when the test already holds its own. */
  errors?: string[];
  offMachine?: string[];
  /** Sign in with the test server's session (default true). */
  signedIn?: boolean;
  /** Accept downloads (default true). */
  acceptDownloads?: boolean;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Watches a page: console errors, page errors. */
function watch(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
}

export async function openBrowser(server: TestServer, opts: OpenOptions = {}): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'profiler-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: CHROME_PATH,
    args: LAUNCH_ARGS,
    acceptDownloads: opts.acceptDownloads ?? true,
    viewport: { width: 1280, height: 900 },
  });
  const errors = opts.errors ?? [];
  const offMachine = opts.offMachine ?? [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offMachine.push(url);
    return route.abort('blockedbyclient');
  });
  if (opts.signedIn ?? true) {
    if (!server.session) throw new Error('openBrowser: the test server has no session to sign in with');
    const [name, value] = server.session.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
  }
  const first = context.pages()[0];
  if (first) watch(first, errors);
  context.on('page', (p) => watch(p, errors));
  const page = first ?? (await context.newPage());
  return {
    context,
    page,
    errors,
    offMachine,
    async screenshot(name, target = page) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9_-]+/g, '_')}.png`);
      await target.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface BrowserApp {
  server: TestServer;
  browser: BrowserSession;
  page: Page;
  /** Closes the browser, the server and the database (and removes an on-disk database). */
  close(): Promise<void>;
}

/** Loads a folder of extracts with the importer; fails the test setup if it is refused. */
export const importedFrom = (folder: string, source: 'cli' | 'demo' = 'cli') => async (db: Database): Promise<void> => {
  const r = await importFolder(db, folder, { source });
  if (!r.ok) throw new Error(r.report);
};

/**
 * The built client served over a database filled by `load` (in memory, or a
 * file in a fresh temporary folder with `onDisk`), and Chromium signed in to it
 * (role analyst unless `role` says otherwise).
 */
export async function startBrowserApp(
  load: (db: Database) => Promise<unknown>,
  opts: { role?: Role; onDisk?: boolean; open?: OpenOptions } = {},
): Promise<BrowserApp> {
  await ensureClientBuilt(() => undefined);
  const dir = opts.onDisk ? await mkdtemp(join(tmpdir(), 'profiler-browser-db-')) : null;
  const db = await Database.open(dir ? join(dir, 'test.duckdb') : ':memory:');
  await load(db);
  const server = await startTestServer({ db, role: opts.role });
  const browser = await openBrowser(server, opts.open);
  return {
    server,
    browser,
    page: browser.page,
    async close() {
      await browser.close();
      await server.close();
      db.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when the page has its <h1> and nothing is loading (no aria-busy). */
export function settled(page: Page, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[aria-busy="true"]'), null, { timeout });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') stays on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;void 0`);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
