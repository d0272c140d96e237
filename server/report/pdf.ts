// The report page printed to PDF by headless Chromium (playwright-core driving
// the system Chromium): the app runs in this process on an ephemeral port of
// 127.0.0.1 with a one-off session for the audience (a viewer's suppressed
// view for the board and partners, an analyst's for the analyst's copy), the
// browser may reach nothing but 127.0.0.1, and the PDF gets a running header
// (area, period, OFFICIAL-SENSITIVE) and page numbers. Used by `npm run report`
// (server/cli/report.ts) and its test.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Config } from '../config.ts';
import type { Database } from '../db.ts';
import { createApp, type AppContext } from '../app.ts';
import { securityFor } from '../auth/security.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { ensureClientBuilt } from '../build-client.ts';
import { areaName, MARKING } from './build.ts';
import { periodLabel } from './format.ts';
import type { Audience } from './audience.ts';

export const DEFAULT_CHROME = '/usr/bin/chromium';
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Longest wait for the page to draw every section. */
const READY_TIMEOUT_MS = 90_000;

export class ReportError extends Error {}

export interface PdfRequest {
  db: Database;
  config: Config;
  from: string;
  to: string;
  audience: Audience;
  out: string;
  /** CHROME_PATH or /usr/bin/chromium by default. */
  chromePath?: string;
  log?: (msg: string) => void;
}

export function chromePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROME_PATH || DEFAULT_CHROME;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Header and footer templates: inline styles only, nothing loaded. */
export function pdfTemplates(area: string, period: string): { headerTemplate: string; footerTemplate: string } {
  const box = 'font-family:Arial,Helvetica,sans-serif;font-size:8px;width:100%;margin:0 15mm;display:flex;justify-content:space-between;color:#000;';
  return {
    headerTemplate: `<div style="${box}"><span>CSE problem profile: ${escapeHtml(area)}</span><span>${escapeHtml(period)}</span><strong>${MARKING}</strong></div>`,
    footerTemplate: `<div style="${box}"><strong>${MARKING}</strong><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}

async function listen(ctx: AppContext): Promise<{ server: Server; url: string }> {
  const app = createApp(ctx);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function renderReportPdf(req: PdfRequest): Promise<void> {
  const log = req.log ?? (() => undefined);
  const executablePath = req.chromePath ?? chromePath();
  if (!existsSync(executablePath)) {
    throw new ReportError(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROME_PATH`);
  }
  await ensureClientBuilt(log);
  const ctx: AppContext = { db: req.db, config: req.config };
  const { token } = securityFor(ctx).sessions.create(`report-cli-${req.audience}`, req.audience === 'analyst' ? 'analyst' : 'viewer');
  const { server, url } = await listen(ctx);
  const profile = await mkdtemp(join(tmpdir(), 'profiler-report-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROME_ARGS });
    try {
      await context.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        return host === '127.0.0.1' ? route.continue() : route.abort();
      });
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
      const page = context.pages()[0] ?? (await context.newPage());
      const query = new URLSearchParams({ from: req.from, to: req.to, audience: req.audience });
      log(`Rendering ${url}/report?${query}`);
      await page.goto(`${url}/report?${query}`);
      await page.waitForFunction(() => ['true', 'error'].includes(document.body.dataset.reportReady ?? ''), undefined, { timeout: READY_TIMEOUT_MS });
      if ((await page.evaluate(() => document.body.dataset.reportReady)) === 'error') {
        throw new ReportError(`The report could not be drawn: ${(await page.textContent('.error-box')) ?? 'unknown error'}`);
      }
      await page.emulateMedia({ media: 'print' });
      const templates = pdfTemplates(await areaName(req.db, req.config.areaName), periodLabel(req.from, req.to));
      await page.pdf({
        path: req.out,
        format: 'A4',
        printBackground: true,
        // Tagged (headings, tables, figures with their alt text) for screen readers; bookmarks from the headings.
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        ...templates,
        margin: { top: '20mm', right: '15mm', bottom: '18mm', left: '15mm' },
      });
    } finally {
      await context.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
  }
}
