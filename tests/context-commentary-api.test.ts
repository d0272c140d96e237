// GET /api/context (ward names from the boundaries held, extracts with their
// import date, the reader's suppression note) and the analyst's commentary of
// the annual profile (GET/PUT /api/report/commentary): stored per period,
// written by the analyst only, audited, read by every role that reads the report.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { addUser } from '../server/auth/users.ts';
import { auditLogFor } from '../server/audit/log.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const DEMO = fileURLToPath(new URL('../data-samples/', import.meta.url));
const FY = { from: '2024-04-01', to: '2025-03-31' };

describe('context and commentary API', () => {
  let db: Database;
  let s: TestServer;
  const asViewer = { cookie: '', csrf: '' };

  beforeAll(async () => {
    db = await Database.open(':memory:');
    expect((await importFolder(db, DEMO, { source: 'cli' })).ok).toBe(true);
    s = await startTestServer({ db, config: { suppressionThreshold: 5 } });
    const viewer = await addUser(db, 'viewer-ctx', 'viewer');
    const v = await s.signIn(viewer.username, viewer.password);
    asViewer.cookie = v.cookie;
    asViewer.csrf = v.csrfToken;
  }, 120_000);

  afterAll(async () => {
    await s.close();
    db.close();
  });

  const viewerFetch = (path: string, init: RequestInit = {}) =>
    fetch(s.url + path, { ...init, headers: { Cookie: asViewer.cookie, 'X-CSRF-Token': asViewer.csrf, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

  it('names every ward of the boundaries held, as the GeoJSON file does', async () => {
    const file = JSON.parse(readFileSync(`${DEMO}boundaries.geojson`, 'utf8')) as { features: { properties: { area_code: string; area_name: string } }[] };
    const r = await s.get('/api/context');
    expect(r.status).toBe(200);
    const expected = file.features.map((f) => ({ code: f.properties.area_code, name: f.properties.area_name })).sort((a, b) => a.code.localeCompare(b.code));
    expect(r.body.wards).toEqual(expected);
    expect(r.body.extracts.map((e: { extract: string }) => e.extract)).toEqual(
      ['boundaries', 'case_offender_links', 'cases', 'disruptions', 'location_reports', 'locations', 'missing_episodes', 'offenders', 'population']);
    for (const e of r.body.extracts) expect(e.imported_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(r.body.suppression).toBe('Not suppressed: counts from 1 to 5 are shown. Withhold them before sharing beyond the analysts.');
    const v = await (await viewerFetch('/api/context')).json();
    expect(v.suppression).toBe('Counts from 1 to 5, and any figure that would reveal one by subtraction, are withheld and shown as [c].');
    expect(v.wards).toEqual(expected);
  });

  it('stores the analyst’s words per period and part, shows them to the viewer, refuses the viewer’s writing', async () => {
    const put = (body: unknown) => s.fetch('/api/report/commentary', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const text = 'Takeaways in the town centre are the places most reported.\n\nThe board should ask licensing for a joint visit plan.';
    const saved = await put({ ...FY, part: 'section:locations', text: `  ${text}\r\n` });
    expect(saved.status).toBe(200);
    const entry = (await saved.json()).entry;
    expect(entry.text).toBe(text);
    expect(entry.updated_by).toBe(s.session!.user);
    expect((await put({ ...FY, part: 'recommendations', text: '=1+1 is kept as words' })).status).toBe(200);

    const read = await s.get(`/api/report/commentary?from=${FY.from}&to=${FY.to}`);
    expect(Object.keys(read.body.commentary).sort()).toEqual(['recommendations', 'section:locations']);
    expect(read.body.commentary['section:locations'].text).toBe(text);
    // Another period holds nothing.
    expect((await s.get('/api/report/commentary?from=2023-04-01&to=2024-03-31')).body.commentary).toEqual({});

    const viewerRead = await (await viewerFetch(`/api/report/commentary?from=${FY.from}&to=${FY.to}`)).json();
    expect(viewerRead.commentary['section:locations'].text).toBe(text);
    const refused = await viewerFetch('/api/report/commentary', { method: 'PUT', body: JSON.stringify({ ...FY, part: 'recommendations', text: 'x' }) });
    expect(refused.status).toBe(403);

    expect((await put({ ...FY, part: 'nonsense', text: 'x' })).status).toBe(400);
    expect((await (await put({ ...FY, part: 'nonsense', text: 'x' })).json()).parameter).toBe('part');
    expect((await put({ ...FY, part: 'key_findings', text: 'x'.repeat(20_001) })).status).toBe(400);
    expect((await put({ from: '2024-04-01', part: 'key_findings', text: 'x' })).status).toBe(400);

    // An empty text removes the part.
    expect((await (await put({ ...FY, part: 'recommendations', text: '   ' })).json()).entry).toBeNull();
    expect(Object.keys((await s.get(`/api/report/commentary?from=${FY.from}&to=${FY.to}`)).body.commentary)).toEqual(['section:locations']);
  });

  it('writes every change to the audit trail with its period, part and size', async () => {
    await auditLogFor(db).flush();
    const rows = await db.named('audit#search', { username: s.session!.user, event: null, route: '/api/report/commentary', from: null, to: null, limit: 100 });
    const changes = rows.filter((r) => r.method === 'PUT' && r.status === 200).map((r) => JSON.parse(String(r.details)));
    expect(changes.map((d) => [d.change, d.part, d.from, d.to, d.characters])).toEqual(expect.arrayContaining([
      ['report_commentary_saved', 'section:locations', FY.from, FY.to, 114],
      ['report_commentary_saved', 'recommendations', FY.from, FY.to, 21],
      ['report_commentary_removed', 'recommendations', FY.from, FY.to, 0],
    ]));
  });
});
