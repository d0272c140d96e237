// The benchmark command at demo scale with few runs (keeps `npm run bench`
// working; the budgets themselves are for the national scale, not checked
// here): it generates the demo extracts, imports them, computes the default
// views, times every API call behind the pages uncached and cached and every
// page, and reports in the documented JSON shape. Run with one impossible
// budget, the command must fail and name it: a missed budget cannot pass quietly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BenchReport } from '../server/bench/report.ts';
import { benchPages } from '../server/bench/pages.ts';
import { describeBrowser } from './helpers/browser.ts';

describeBrowser('benchmark command (demo scale, smoke)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profiler-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the uncached path in the JSON shape, and exits 1 naming a budget it missed', () => {
    const json = join(dir, 'out.json');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/bench/run.ts', '--scale', 'demo', '--runs', '2', '--page-runs', '1',
        '--data', join(dir, 'demo'), '--db', join(dir, 'demo.duckdb'), '--json', json, '--budget', 'measuresP95Ms=0'],
      { encoding: 'utf8', timeout: 540_000 },
    );
    const output = `${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`;
    expect(run.status, output).toBe(1);
    expect(run.stdout, output).toMatch(/MISSED \/api\/measures .*uncached p95 ≤ 0 ms/);

    const r = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    // The demo area of server/samples: the same figures as data-samples/README.md.
    expect(r.scale).toEqual({ name: 'demo', cases: 1009, missing_episodes: 8747, offenders: 400, locations: 150 });
    expect(r.import.rows).toBe(1009 + 8747 + 400 + 634 + 150 + 995 + 699 + 2880);
    expect(r.import.rows_per_s).toBeGreaterThan(0);
    expect(r.import.duckdb_read_csv_rows_per_s).toBeGreaterThan(0);
    expect(r.warm.requests).toBeGreaterThan(0);
    expect(r.warm.failed).toEqual([]);
    expect(Object.keys(r.page_load_ms).sort()).toEqual(benchPages().sort());
    expect(Object.keys(r.page_load_cold_ms).sort()).toEqual(benchPages().sort());
    const paths = r.endpoints.map((e) => new URL(e.path, 'http://x').pathname);
    expect(paths).toContain('/api/measures');
    expect(paths.some((p) => p.startsWith('/api/breakdowns/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/api/trends/'))).toBe(true);
    for (const e of r.endpoints) {
      expect(e).toMatchObject({ name: expect.any(String), path: expect.stringMatching(/^\/api\//), dashboard: expect.any(Boolean) });
      // The headline is the uncached path; the cached figure is beside it.
      expect(e.p50_ms).toBe(e.uncached_p50_ms);
      expect(e.p95_ms).toBe(e.uncached_p95_ms);
      expect(e.uncached_p95_ms).toBeGreaterThanOrEqual(e.uncached_p50_ms);
      expect(e.cached_p95_ms).toBeGreaterThanOrEqual(e.cached_p50_ms);
      expect(e.cold_ms).toBeGreaterThan(0);
    }
    // The SQL each call ran is replayed directly in DuckDB for the baseline; a failed replay is a missed budget.
    const measures = r.endpoints.find((e) => e.path.startsWith('/api/measures?'))!;
    expect(measures.replay_error).toBeNull();
    expect(measures.sql_statements).toBeGreaterThan(0);
    expect(measures.duckdb_p50_ms).toBeGreaterThan(0);
    for (const e of r.endpoints.filter((x) => x.sql_statements > 0)) {
      expect(r.budgets).toContainEqual(expect.objectContaining({ budget: `${e.name}: its SQL replays in DuckDB`, met: e.replay_error === null }));
    }
    // The impossible budget is missed for every /api/measures call, and reported so.
    const missed = r.budgets!.filter((b) => !b.met).map((b) => b.budget);
    for (const e of r.endpoints.filter((x) => x.dashboard && x.path.startsWith('/api/measures?'))) expect(missed).toContain(`${e.name}: uncached p95 ≤ 0 ms`);
    expect(r.budgets!.some((b) => b.budget.startsWith('page / first load after import ≤ 1500 ms'))).toBe(true);
    expect(r.rss_mb).toBeGreaterThan(0);
    expect(r.gistar_ms).toBeGreaterThan(0);
  }, 600_000);
});
