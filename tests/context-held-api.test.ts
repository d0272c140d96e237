// GET /api/context says, to every role, where the data held ends (the latest
// date of each extract) and which sources are held: the tables not held, the
// measures whose table is not held and the figures not in the held sources.
// Expected dates are read from the raw files here, never from the database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { addUser } from '../server/auth/users.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const DEMO = fileURLToPath(new URL('../data-samples/', import.meta.url));
const SSDA903 = join(import.meta.dirname, 'fixtures/sources/ssda903');

/** The latest value of a CSV column, as an ISO date (ISO or DD/MM/YYYY in the file; times dropped). */
function latest(file: string, column: string): string {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const i = header.split(',').indexOf(column);
  expect(i).toBeGreaterThanOrEqual(0);
  const dates = lines.map((l) => l.split(',')[i]).filter(Boolean).map((v) => {
    const dmy = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(v);
    return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : v.slice(0, 10);
  });
  return dates.sort().at(-1)!;
}

async function serverWith(folder: string): Promise<{ db: Database; s: TestServer; viewer: (path: string) => Promise<Response> }> {
  const db = await Database.open(':memory:');
  expect((await importFolder(db, folder, { source: 'cli' })).ok).toBe(true);
  const s = await startTestServer({ db, config: { suppressionThreshold: 5 } });
  const v = await addUser(db, 'viewer-held', 'viewer');
  const session = await s.signIn(v.username, v.password);
  return { db, s, viewer: (path) => fetch(s.url + path, { headers: { Cookie: session.cookie } }) };
}

describe('GET /api/context: data held', () => {
  let demo: Awaited<ReturnType<typeof serverWith>>;
  let ssda: Awaited<ReturnType<typeof serverWith>>;

  beforeAll(async () => {
    demo = await serverWith(DEMO);
    ssda = await serverWith(SSDA903);
  }, 120_000);

  afterAll(async () => {
    for (const x of [demo, ssda]) {
      await x.s.close();
      x.db.close();
    }
  });

  it('gives the latest date of each extract, as in the files, to the analyst and the viewer alike', async () => {
    const expected = [
      { extract: 'cases', held_to: latest(`${DEMO}cases.csv`, 'referral_date') },
      { extract: 'disruptions', held_to: latest(`${DEMO}disruptions.csv`, 'action_date') },
      { extract: 'location_reports', held_to: latest(`${DEMO}location_reports.csv`, 'reported_on') },
      { extract: 'missing_episodes', held_to: latest(`${DEMO}missing_episodes.csv`, 'start') },
      { extract: 'offenders', held_to: latest(`${DEMO}offenders.csv`, 'first_identified') },
    ];
    const analyst = await demo.s.get('/api/context');
    expect(analyst.status).toBe(200);
    expect(analyst.body.dataHeldTo).toEqual(expected);
    const viewer = await demo.viewer('/api/context');
    expect(viewer.status).toBe(200);
    const body = await viewer.json();
    expect(body.dataHeldTo).toEqual(expected);
    // Our own format throughout; only the police.uk context layer is not held.
    expect(body.held.notHeld).toEqual(['context_crimes']);
    expect(body.held.measuresNotHeld).toEqual([]);
    expect(body.held.notInSource).toEqual([]);
    expect(new Set(body.held.tables.flatMap((t: { layouts: string[] }) => t.layouts))).toEqual(new Set(['extract']));
    // No file names or row counts leave through the context.
    expect(JSON.stringify(body)).not.toMatch(/\.csv|row_count|rows/);
  });

  it('with SSDA903 files only: missing episodes held to the last MIS_START, no offender data held, return interviews not in this source', async () => {
    const r = await ssda.viewer('/api/context');
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.dataHeldTo).toEqual([{ extract: 'missing_episodes', held_to: latest(join(SSDA903, 'missing.csv'), 'MIS_START') }]);
    expect(body.held.tables).toEqual([{ extract: 'missing_episodes', layouts: ['ssda903_episodes', 'ssda903_header', 'ssda903_missing'] }]);
    expect(body.held.notHeld).toEqual(expect.arrayContaining(['cases', 'offenders', 'case_offender_links', 'location_reports', 'disruptions', 'population', 'boundaries']));
    expect(body.held.notHeld).not.toContain('missing_episodes');
    const notHeld = Object.fromEntries(body.held.measuresNotHeld.map((m: { measure: string; extract: string }) => [m.measure, m.extract]));
    expect(notHeld.offenders_identified).toBe('offenders');
    expect(notHeld.cases_referred).toBe('cases');
    expect(notHeld.cawns_issued).toBe('disruptions');
    expect(notHeld.locations_reported).toBe('location_reports');
    expect(notHeld.missing_episodes).toBeUndefined();
    const notes = Object.fromEntries(body.held.notInSource.map((n: { figure: string; note: string }) => [n.figure, n.note]));
    expect(notes.pct_rhi_offered).toMatch(/^not in this source/);
    expect(notes.pct_rhi_within_72h).toMatch(/^not in this source/);
  });
});
