// Issue #18, done when: while a partner asks for the finest grid of a year and
// a viewer for a thousand-year report, /api/health answers within a second and
// both requests end within 15 s, answered or refused. The server runs in a
// process of its own (as in use), so that a server busy on the event loop
// cannot also stall the test's clock and timeouts. A partner is on the
// publication grid (250 m cells only), so the finest grid the area allows is
// asked by an analyst beside the partner's refused one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HELPER = new URL('./helpers/server.ts', import.meta.url).href;
const DEMO = new URL('../server/demo.ts', import.meta.url).href;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The child: the demo area in memory, one server per role on it, their URL and session printed as one JSON line.
const CHILD = `
const { startTestServer } = await import(${JSON.stringify(HELPER)});
const { loadDemoArea } = await import(${JSON.stringify(DEMO)});
const anon = await startTestServer({ role: null });
const loaded = await loadDemoArea(anon.db);
if (!loaded.ok) throw new Error('demo area did not load');
const out = { anon: { url: anon.url, cookie: '' } };
for (const role of ['partner', 'viewer', 'analyst']) {
  const s = await startTestServer({ role, db: anon.db });
  out[role] = { url: s.url, cookie: s.session.cookie };
}
console.log(JSON.stringify(out));
`;

interface Endpoint {
  url: string;
  cookie: string;
}
let child: ChildProcess;
let servers: Record<'anon' | 'partner' | 'viewer' | 'analyst', Endpoint>;

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  servers = await new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
  });
}, 90_000);
afterAll(() => {
  child?.kill();
});

async function timed(e: Endpoint, path: string): Promise<{ status: number; ms: number; body: string }> {
  const t = performance.now();
  const r = await fetch(e.url + path, { headers: e.cookie ? { Cookie: e.cookie } : {}, signal: AbortSignal.timeout(30_000) }).catch(() => null);
  const body = r ? await r.text() : '';
  return { status: r?.status ?? 0, ms: performance.now() - t, body };
}

describe('heavy requests do not stall the server', () => {
  it('answers /api/health within a second while the finest grid (partner) and a thousand-year report (viewer) run', async () => {
    const Y = 'from=2024-01-01&to=2024-12-31';
    // A partner's finer grid is refused at once (publication grid); the finest grid the area allows, as the refusal of a finer one states it.
    expect((await timed(servers.partner, `/api/hotspots/grid?${Y}&cell_m=10`)).status).toBe(400);
    const refusal = await timed(servers.analyst, `/api/hotspots/grid?${Y}&cell_m=10`);
    expect(refusal.status).toBe(400);
    const finest = Number(/cell_m must be at least (\d+)"/.exec(refusal.body)?.[1]);
    expect(finest).toBeGreaterThan(10);

    const latencies: number[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        const h = await timed(servers.anon, '/api/health');
        latencies.push(h.status === 200 ? h.ms : Infinity);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const [grid, partnerGrid, report, longReport] = await Promise.all([
      timed(servers.analyst, `/api/hotspots/grid?${Y}&cell_m=${finest}&cells=reported`),
      timed(servers.partner, '/api/hotspots/grid?from=2024-04-01&to=2025-03-31'),
      timed(servers.viewer, '/api/report?from=1000-01-01&to=2999-12-31'),
      timed(servers.viewer, '/api/report?from=2005-04-01&to=2025-03-31'),
    ]);
    done = true;
    await poll;
    console.log(`finest grid (${finest} m, analyst, the cells the map draws) ${grid.status} in ${Math.round(grid.ms)} ms; partner's published grid ${partnerGrid.status} in ${Math.round(partnerGrid.ms)} ms; thousand-year report ${report.status} in ${Math.round(report.ms)} ms; 20-year report ${longReport.status} in ${Math.round(longReport.ms)} ms; health max ${Math.round(Math.max(...latencies))} ms over ${latencies.length}`);
    // Answered or refused (the deadline's 503 included), each within 15 s.
    for (const r of [grid, partnerGrid, report, longReport]) {
      expect([200, 400, 503]).toContain(r.status);
      expect(r.ms).toBeLessThan(15_000);
    }
    expect(report.status).toBe(400);
    expect(latencies.length).toBeGreaterThan(2);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  }, 90_000);
});
