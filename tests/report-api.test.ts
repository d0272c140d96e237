// GET /api/report on the acceptance data (FY 2024/25): every figure equals the
// measures and breakdowns APIs (and the independently computed expected
// figures); the board and partner copies withhold small numbers, the partner
// copy holds the aggregate sections only; roles and parameters are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { addUser } from '../server/auth/users.ts';
import { assertSuppressed } from '../server/suppression/payload.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { fixturePath, expectedPeriod } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const fy2024 = expectedPeriod('2024-04-01', '2025-03-31');
const FY = 'from=2024-04-01&to=2025-03-31';

describe('GET /api/report', () => {
  let server: TestServer;
  let analyst: any;
  let board: any;

  beforeAll(async () => {
    const db = await Database.open(':memory:');
    expect((await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' })).ok).toBe(true);
    server = await startTestServer({ db, config: { areaName: 'Testshire' } });
    analyst = (await server.get(`/api/report?${FY}&audience=analyst`)).body;
    board = (await server.get(`/api/report?${FY}`)).body;
  });
  afterAll(async () => {
    await server.close();
    server.db.close();
  });

  it('carries the figures of /api/measures for the period and the previous financial year', async () => {
    const now = await server.get(`/api/measures?${FY}`);
    const before = await server.get('/api/measures?from=2023-04-01&to=2024-03-31');
    expect(analyst.period).toEqual({ from: '2024-04-01', to: '2025-03-31', label: '2024/25' });
    expect(analyst.previous).toEqual({ from: '2023-04-01', to: '2024-03-31', label: '2023/24' });
    expect(analyst.figures.current.measures).toEqual(now.body.measures);
    expect(analyst.figures.previous.measures).toEqual(before.body.measures);
    const m = analyst.figures.current.measures;
    for (const id of ['cases_referred', 'children_referred', 'missing_episodes', 'children_missing', 'repeat_missing_children', 'offenders_identified', 'disruptions']) {
      expect(m[id], id).toBe(fy2024.measures[id]);
    }
    expect([m.cases_referred, m.children_referred, m.missing_episodes, m.children_missing, m.repeat_missing_children, m.offenders_identified, m.disruptions])
      .toEqual([98, 89, 417, 118, 35, 73, 76]);
  });

  it('carries the breakdowns of /api/breakdowns, and the expected figures', async () => {
    const all = Object.values(analyst.breakdowns).flat() as any[];
    const measured = all.filter((b) => !['lone_group', 'relationships', 'age_gap'].includes(b.dimension));
    expect(measured.length).toBe(22);
    for (const b of measured) {
      const api = await server.get(`/api/breakdowns/${b.subject}/${b.dimension}?${FY}`);
      expect(b.current, `${b.subject}/${b.dimension}`).toEqual(api.body.rows);
      const exp = fy2024.breakdowns[`${b.subject}/${b.dimension}`];
      if (exp) expect(Object.fromEntries(b.current.map((r: any) => [r.key, r.count]))).toEqual(exp);
    }
  });

  it('writes the key findings from the figures', () => {
    const text = analyst.findings.map((f: any) => f.text);
    expect(text).toContain('98 cases were referred for CSE concerns in 2024/25, 6.5% more than in 2023/24 (92).');
    expect(text).toContain('417 missing episodes were reported in 2024/25, 14.7% fewer than in 2023/24 (489).');
    expect(text.some((t: string) => t.startsWith('73 offenders were identified in 2024/25'))).toBe(true);
    expect(analyst.gaps.length).toBeGreaterThan(0);
    expect(analyst.area).toBe('Testshire');
    expect(analyst.sections).toEqual(['summary', 'sources', 'victims', 'offenders', 'locations', 'missing', 'disruption', 'trends', 'quality', 'methodology']);
    expect(analyst.trends.series).toHaveLength(10);
    expect(analyst.trends.series[0].points).toHaveLength(36);
    expect(analyst.methodology.measures.find((m: any) => m.name === 'cases_referred').file).toBe('sql/measures/victims.sql');
    expect(analyst.sources.imports[0].files.map((f: any) => f.extract)).toContain('cases');
  });

  it('withholds small numbers in the board copy (the default), consistently with its sentences', () => {
    expect(board.audience).toBe('board');
    expect(board.suppression).toEqual({ applied: true, threshold: 5 });
    expect(() => assertSuppressed(board, 5)).not.toThrow();
    const { findings } = board;
    // Monthly percentages are judged with their denominators (server/suppression/routes.ts), so the chart is not empty.
    const rhi = board.trends.series.find((x: any) => x.measure === 'pct_rhi_within_72h');
    expect(rhi.points.filter((p: any) => p.value !== null).length).toBeGreaterThan(24);
    expect(rhi.denominators).toBeUndefined();
    expect(board.figures.current.measures.cases_referred).toBe(98);
    const age = board.breakdowns.victims.find((b: any) => b.dimension === 'age_band');
    expect(age.current.find((r: any) => r.key === 'not_recorded')).toMatchObject({ count: null, suppressed: true });
    for (const f of findings) expect(f.text).not.toMatch(/(^|[^\d.,])[1-5](?![\d.,%])\s+(cases?|child|children|offenders?|episodes?|groups?|locations?|actions?)\b/);
  });

  it('gives partners the aggregate sections only, and viewers never the analyst copy', async () => {
    const partner = await server.get(`/api/report?${FY}&audience=partner`);
    expect(partner.status).toBe(200);
    expect(partner.body.sections).toEqual(['summary', 'victims', 'offenders', 'locations', 'missing', 'disruption', 'trends', 'methodology']);
    expect(partner.body.sources).toBeUndefined();
    expect(partner.body.completeness).toBeUndefined();
    const { username, password } = await addUser(server.db, 'report-viewer', 'viewer');
    const viewer = await server.signIn(username, password);
    const r = await fetch(`${server.url}/api/report?${FY}&audience=analyst`, { headers: { Cookie: viewer.cookie } });
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.audience).toBe('board');
    expect(() => assertSuppressed(body, 5)).not.toThrow();
    const p = await addUser(server.db, 'report-partner', 'partner');
    const ps = await server.signIn(p.username, p.password);
    expect((await fetch(`${server.url}/api/report?${FY}`, { headers: { Cookie: ps.cookie } })).status).toBe(403);
  });

  it('answers 400 naming a bad parameter', async () => {
    const bad = await server.get(`/api/report?${FY}&audience=everyone`);
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('audience');
    // The copies that leave the analyst are for whole financial years only (server/suppression/publication.ts).
    const shifted = await server.get('/api/report?from=2024-04-01&to=2025-03-30');
    expect([shifted.status, shifted.body.parameter]).toEqual([400, 'from']);
    expect((await server.get('/api/report?from=2024-04-01&to=2025-03-30&audience=analyst')).status).toBe(200);
    expect((await server.get('/api/report?from=2024-13-01&to=2025-03-31')).body.parameter).toBe('from');
  });
});
