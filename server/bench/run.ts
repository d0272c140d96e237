// The benchmark (issues 9 and 14): generates a synthetic data set at a scale
// with the project's generator, imports it (against DuckDB's own read_csv of
// the same files), computes the default views as the app does after an import
// (server/warm.ts), loads every page in headless Chromium (first load after the
// import, then warm loads), times every API call behind the pages on the
// uncached path (server/bench/endpoints.ts: kept answers emptied, periods not
// asked before; the SQL the API ran replayed in DuckDB beside it; the cached
// figure beside that), times Gi* and reports peak memory. Prints a table and
// the budgets (server/bench/budgets.ts); writes JSON with --json; exits 1 when
// any budget is missed.
//   npm run bench -- [--scale demo|national] [--json out.json] [--runs 20] [--page-runs 5]
//                    [--data folder] [--db file] [--budget name=value …]
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Database } from '../db.ts';
import { importFolder } from '../import/index.ts';
import { clientIsStale } from '../build-client.ts';
import { auditLogFor } from '../audit/log.ts';
import { auditFiles } from '../audit/key.ts';
import { configFromEnv } from '../config.ts';
import { warmDefaultViews } from '../warm.ts';
import { isScaleName, type ScaleName } from '../samples/scales.ts';
import { pages } from '../../client/src/pages/index.ts';
import { startBenchServer, type BenchServer } from './http.ts';
import { timePages } from './pages.ts';
import { timeEndpoint } from './endpoints.ts';
import { timeGiStar } from './gistar.ts';
import { BUDGETS, budgetsWith, checkBudgets, type Budgets } from './budgets.ts';
import { printReport, type BenchReport, type EndpointResult } from './report.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchOptions {
  scale: ScaleName;
  /** Uncached runs (and cached runs) per endpoint (at least 20 for the budgets). */
  runs: number;
  /** Warm loads per page. */
  pageRuns: number;
  /** Where the generated extracts are kept (reused when complete). */
  dataDir: string;
  /** The database file the import writes (replaced). */
  dbPath: string;
  log: (s: string) => void;
  budgets?: Budgets;
}

/** A call as a key: its path and its parameters in a fixed order. */
function callKey(path: string): string {
  const u = new URL(path, 'http://x');
  u.searchParams.sort();
  return u.pathname + u.search;
}

/** Generates the extracts in a child process (so the generator's memory is not counted), unless already there. */
function ensureData(scale: ScaleName, dir: string, log: (s: string) => void): void {
  if (existsSync(`${dir}/README.md`)) {
    log(`Using the ${scale} extracts already generated in ${dir}`);
    return;
  }
  log(`Generating the ${scale} extracts into ${dir} (server/samples)…`);
  execFileSync(process.execPath, ['--import', 'tsx', 'server/samples/generate.ts', '--scale', scale, '--out', dir], { cwd: ROOT, stdio: 'inherit' });
}

/** DuckDB's read_csv of the same files in a child process: rows per second. */
function readCsvRate(dir: string, dbPath: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/bench/read-csv.ts', dir, `${dbPath}.read_csv`], { cwd: ROOT, encoding: 'utf8' });
  const { rows, seconds } = JSON.parse(out.trim().split('\n').pop()!) as { rows: number; seconds: number };
  return rows / seconds;
}

export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const { log } = o;
  ensureData(o.scale, o.dataDir, log);
  if (clientIsStale()) {
    log('Building the client (in a child process, so its memory is not counted)…');
    execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./server/build-client.ts').then((m) => m.ensureClientBuilt())"], { cwd: ROOT, stdio: 'inherit' });
  }

  mkdirSync(dirname(o.dbPath), { recursive: true });
  // A fresh database: its audit key and recorded head go with it (else the head would name entries that are gone).
  for (const f of [o.dbPath, `${o.dbPath}.wal`, ...auditFiles(o.dbPath)]) rmSync(f, { force: true });
  const readCsv = readCsvRate(o.dataDir, o.dbPath);
  log(`DuckDB read_csv: ${Math.round(readCsv)} rows/s`);

  const db = await Database.open(o.dbPath);
  let server: BenchServer | null = null;
  try {
    const began = performance.now();
    const imported = await importFolder(db, o.dataDir, { source: 'cli' });
    const seconds = (performance.now() - began) / 1000;
    if (!imported.ok) throw new Error(`The generated extracts were refused:\n${imported.report}`);
    const rowsOf = (extract: string) => imported.files.find((f) => f.extract === extract)?.rows ?? 0;
    const rows = imported.files.filter((f) => f.file.endsWith('.csv')).reduce((n, f) => n + f.rows, 0);
    log(`Import: ${rows} rows in ${seconds.toFixed(1)} s`);

    // As the app does after an import (server/main.ts): the default views, through the app as an analyst.
    const warmed = await warmDefaultViews({ db, config: configFromEnv({}) });
    log(`Default views: ${warmed.requests.length} requests in ${(warmed.ms / 1000).toFixed(1)} s${warmed.failed.length ? ` (failed: ${warmed.failed.join(' ')})` : ''}`);

    server = await startBenchServer(db);
    log('Pages in Chromium (first load after the import, then warm loads):');
    const timings = await timePages(server.url, server.cookie, o.pageRuns, log);

    const adminPages = new Set(pages.filter((p) => p.access === 'admin').map((p) => p.path));
    const byPath = new Map<string, string[]>();
    for (const t of timings) for (const call of t.api) byPath.set(call, [...(byPath.get(call) ?? []), t.path]);
    const warmedKeys = new Set(warmed.requests.map(callKey));
    const notCovered = [...byPath].filter(([p, usedBy]) => usedBy.some((x) => !adminPages.has(x)) && !warmedKeys.has(callKey(p))).map(([p]) => p);
    log(`API calls behind the pages: ${byPath.size}, ${o.runs} uncached and ${o.runs} cached runs each`);
    const endpoints: EndpointResult[] = [];
    for (const [path, usedBy] of byPath) {
      const e = await timeEndpoint(db, server, path, usedBy, usedBy.some((p) => !adminPages.has(p)), o.runs);
      log(`  ${e.name.slice(0, 70).padEnd(70)} uncached p50 ${e.p50_ms} p95 ${e.p95_ms} ms, DuckDB ${e.duckdb_p50_ms ?? e.replay_error} ms, cached p50 ${e.cached_p50_ms} ms`);
      endpoints.push(e);
    }

    const report: BenchReport = {
      scale: { name: o.scale, cases: rowsOf('cases'), missing_episodes: rowsOf('missing_episodes'), offenders: rowsOf('offenders'), locations: rowsOf('locations') },
      import: {
        rows,
        seconds: Math.round(seconds * 10) / 10,
        rows_per_s: Math.round(rows / seconds),
        duckdb_read_csv_rows_per_s: Math.round(readCsv),
      },
      warm: { requests: warmed.requests.length, ms: Math.round(warmed.ms), failed: warmed.failed, not_covered: notCovered },
      endpoints,
      page_load_ms: Object.fromEntries(timings.map((t) => [t.path, Math.round(t.warm_ms)])),
      page_load_cold_ms: Object.fromEntries(timings.map((t) => [t.path, Math.round(t.cold_ms)])),
      gistar_ms: Math.round(timeGiStar() * 10) / 10,
      rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString(), load_average: loadavg().map((l) => Math.round(l * 100) / 100) },
    };
    report.budgets = checkBudgets(report, o.budgets ?? BUDGETS);
    return report;
  } finally {
    await server?.close();
    await auditLogFor(db).flush();
    db.close();
  }
}

function parseArgs(argv: string[]): { opts: BenchOptions; json?: string } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = value('--scale') ?? 'national';
  if (!isScaleName(scale)) throw new Error('--scale must be demo or national');
  const runs = Number(value('--runs') ?? 20);
  const pageRuns = Number(value('--page-runs') ?? 5);
  if (!(runs >= 1 && pageRuns >= 1)) throw new Error('--runs and --page-runs must be at least 1');
  const json = value('--json');
  const overrides = argv.flatMap((a, i) => (a === '--budget' ? [argv[i + 1] ?? ''] : []));
  return {
    json: json ? resolve(json) : undefined,
    opts: {
      scale,
      runs,
      pageRuns,
      dataDir: resolve(ROOT, value('--data') ?? `bench-out/${scale}`),
      dbPath: resolve(ROOT, value('--db') ?? `bench-out/${scale}.duckdb`),
      log: (s) => console.log(s),
      budgets: budgetsWith(overrides),
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { opts, json } = parseArgs(process.argv.slice(2));
  const report = await runBench(opts);
  printReport(report, console.log);
  if (json) {
    writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`JSON written to ${json}`);
  }
  // The command fails when any budget is missed, so a run that misses cannot pass quietly.
  process.exitCode = report.budgets?.every((b) => b.met) ? 0 : 1;
}
