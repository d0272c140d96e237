// `npm run report`'s code path (server/report/pdf.ts) on the acceptance data,
// FY 2024/25, board copy: a PDF of six or more A4 pages whose text carries the
// section headings, the running header and page numbers, and the headline
// figures of /api/measures. Needs Chromium, pdftotext and pdfinfo: skipped
// with a notice when one is missing, failing instead under CI=true or
// REQUIRE_BROWSER=1 (tests/helpers/requirements.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { configFromEnv } from '../server/config.ts';
import { chromePath, renderReportPdf } from '../server/report/pdf.ts';
import { computeMeasures } from '../server/measures/run.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { describeNeeding, executableAt, PDFINFO, PDFTOTEXT } from './helpers/requirements.ts';
import { saveCommentary } from '../server/report/commentary.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const CHROMIUM = executableAt(chromePath(), 'apt-get install chromium, or set CHROME_PATH');

describe('report PDF', () => {
  it('refuses clearly when Chromium is missing', async () => {
    const db = await Database.open(':memory:');
    await expect(renderReportPdf({ db, config: configFromEnv({}), from: '2024-04-01', to: '2025-03-31', audience: 'board', out: '/dev/null', chromePath: '/nonexistent/chromium' }))
      .rejects.toThrow('Chromium not found at /nonexistent/chromium: install it (apt-get install chromium) or set CHROME_PATH');
    db.close();
  });
});

describeNeeding('report PDF in Chromium', [CHROMIUM, PDFTOTEXT, PDFINFO], () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-test-'));
  const out = join(dir, 'profile.pdf');
  let db: Database;
  let text = '';
  let measures: Record<string, number | null> = {};

  beforeAll(async () => {
    db = await Database.open(':memory:');
    expect((await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' })).ok).toBe(true);
    const period = { period: 'fy', date_from: '2024-04-01', date_to: '2025-03-31' };
    measures = (await computeMeasures(db, [period])).get('fy')!;
    // The analyst's words, as the report page stores them, printed in the board's copy.
    const words: [Parameters<typeof saveCommentary>[3], string][] = [
      ['key_findings', 'Referrals from schools doubled after the autumn awareness campaign.'],
      ['section:victims', 'Most children referred were aged 14 to 15, as in earlier years.'],
      ['recommendations', 'The board should fund return home interviews within 72 hours.'],
      ['intelligence_requirements', 'Ethnicity is too often not recorded to describe who is at risk.'],
    ];
    for (const [part, text] of words) await saveCommentary(db, '2024-04-01', '2025-03-31', part, text, 'analyst-one');
    await renderReportPdf({ db, config: { ...configFromEnv({}), areaName: 'Testshire' }, from: '2024-04-01', to: '2025-03-31', audience: 'board', out });
    text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
  }, 120_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has six or more A4 pages with a running header and page numbers', () => {
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+|Page size:\s+595\.\d+ x 842\.\d+/);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text.match(/CSE problem profile: Testshire\s+2024\/25\s+OFFICIAL-SENSITIVE/g)?.length).toBe(pages);
  });

  it('prints the analyst’s key findings, section commentary, recommendations and intelligence requirements, tagged', () => {
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('The analyst’s key findings Referrals from schools doubled after the autumn awareness campaign.');
    expect(flat).toContain('Analyst’s commentary: victims Most children referred were aged 14 to 15, as in earlier years.');
    expect(flat).toContain('10 Recommendations and intelligence requirements');
    expect(flat).toContain('Recommendations The board should fund return home interviews within 72 hours.');
    expect(flat).toContain('Intelligence gaps and requirements Ethnicity is too often not recorded to describe who is at risk.');
    expect(flat).toContain('Written by analyst-one');
    // No editor in print.
    expect(flat).not.toContain('your text');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });

  it('holds every section', () => {
    for (const heading of [
      '1 Summary of key findings', '2 Data sources and definitions', '3 Victims', '4 Offenders', '5 Locations and hotspots',
      '6 Missing episodes and the cross-reference', '7 Disruption', '8 Trends', '9 Data quality and intelligence gaps', 'Appendix: Methodology',
    ]) expect(text, heading).toContain(heading);
    expect(text).toMatch(/Table 1: Headline figures/);
    expect(text).toMatch(/Figure 1: Cases referred by age at referral/);
    expect(text).toContain('sql/measures/victims.sql#cases_referred');
  });

  it("carries the period's headline figures, as the API computes them", () => {
    const headline = { cases_referred: 98, children_referred: 89, missing_episodes: 417, children_missing: 118, repeat_missing_children: 35, offenders_identified: 73, disruptions: 76 };
    for (const [id, value] of Object.entries(headline)) expect(measures[id], id).toBe(value);
    expect(text).toContain('98 cases were referred for CSE concerns in 2024/25');
    expect(text).toContain('89 children were referred in 2024/25');
    expect(text).toContain('417 missing episodes were reported in 2024/25');
    expect(text).toContain('118 children were reported missing in 2024/25');
    expect(text).toMatch(/35 children went missing repeatedly/);
    expect(text).toContain('73 offenders were identified in 2024/25');
    expect(text).toContain('76 disruption actions were recorded in 2024/25');
    const row = (label: string) => new RegExp(`${label}\\s+([\\d,]+)\\s+([\\d,]+)`).exec(text)?.slice(1).map((s) => Number(s.replace(/,/g, '')));
    expect(row('Cases referred')?.[0]).toBe(98);
    expect(row('Missing episodes')?.[0]).toBe(417);
    expect(row('Disruption actions')?.[0]).toBe(76);
  });

  it('withholds small numbers as [c] in the board copy', () => {
    expect(text).toContain('[c]');
    expect(text).toContain('Small numbers (1 to 5) withheld as [c]');
  });
});
