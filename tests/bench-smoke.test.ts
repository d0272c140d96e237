// The benchmark harness at demo scale with few runs (keeps `npm run bench`
// working; the budgets are checked by the benchmark at national scale, not
// here): it generates the demo extracts, imports them, times every API call
// behind the pages and every page, and reports in the documented JSON shape.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runBench } from '../server/bench/run.ts';
import { benchPages } from '../server/bench/pages.ts';
import { describeBrowser } from './helpers/browser.ts';

describeBrowser('benchmark harness (demo scale, smoke)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profiler-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports import, endpoints, page loads and memory in the JSON shape', async () => {
    const r = await runBench({ scale: 'demo', runs: 2, pageRuns: 1, dataDir: join(dir, 'demo'), dbPath: join(dir, 'demo.duckdb'), log: () => undefined });
    // The demo area of server/samples: the same figures as data-samples/README.md.
    expect(r.scale).toEqual({ name: 'demo', cases: 1009, missing_episodes: 8747, offenders: 400, locations: 150 });
    expect(r.import.rows).toBe(1009 + 8747 + 400 + 634 + 150 + 995 + 699 + 2880);
    expect(r.import.rows_per_s).toBeGreaterThan(0);
    expect(r.import.duckdb_read_csv_rows_per_s).toBeGreaterThan(0);
    expect(Object.keys(r.page_load_ms).sort()).toEqual(benchPages().sort());
    for (const v of Object.values(r.page_load_ms)) expect(v).toBeGreaterThan(0);
    const paths = r.endpoints.map((e) => new URL(e.path, 'http://x').pathname);
    expect(paths).toContain('/api/measures');
    expect(paths.some((p) => p.startsWith('/api/breakdowns/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/api/trends/'))).toBe(true);
    for (const e of r.endpoints) {
      expect(e).toMatchObject({ name: expect.any(String), path: expect.stringMatching(/^\/api\//), p50_ms: expect.any(Number), p95_ms: expect.any(Number) });
      expect(e.p95_ms).toBeGreaterThanOrEqual(e.p50_ms);
    }
    // The measures' SQL is replayed directly in DuckDB for the baseline.
    expect(r.endpoints.find((e) => e.path.startsWith('/api/measures?'))?.duckdb_p50_ms).toBeGreaterThan(0);
    expect(r.rss_mb).toBeGreaterThan(0);
    expect(r.budgets?.length).toBeGreaterThan(r.endpoints.length);
  }, 240_000);
});
