// The benchmark (issue 9): generates a synthetic data set at a scale with the
// project's generator, imports it, and measures the import against DuckDB's own
// read_csv, every API call behind the pages (warm p50/p95 over HTTP, and the
// same SQL run directly in DuckDB), each page's load in headless Chromium, and
// peak memory. Prints a table and the budgets; writes JSON with --json.
//   npm run bench -- [--scale demo|national] [--json out.json] [--runs 20] [--page-runs 5]
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Database } from '../db.ts';
import { importFolder } from '../import/index.ts';
import { clientIsStale } from '../build-client.ts';
import { auditLogFor } from '../audit/log.ts';
import { auditFiles } from '../audit/key.ts';
import { forgetKept } from '../cache.ts';
import { isScaleName, type ScaleName } from '../samples/scales.ts';
import { pages } from '../../client/src/pages/index.ts';
import { startBenchServer, type BenchServer } from './http.ts';
import { timePages } from './pages.ts';
import { captureSql, replaySql } from './sql-capture.ts';
import { median, ms, percentile, timeRuns } from './stats.ts';
import { checkBudgets } from './budgets.ts';
import { printReport, type BenchReport, type EndpointResult } from './report.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchOptions {
  scale: ScaleName;
  /** Warm runs per endpoint (at least 20 for the budgets). */
  runs: number;
  /** Warm loads per page. */
  pageRuns: number;
  /** Where the generated extracts are kept (reused when complete). */
  dataDir: string;
  /** The database file the import writes (replaced). */
  dbPath: string;
  log: (s: string) => void;
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

/** A readable name for an API call: its path, its other parameters, its period. */
function endpointName(path: string): string {
  const u = new URL(path, 'http://x');
  const period = u.searchParams.get('from') ? ` ${u.searchParams.get('from')}..${u.searchParams.get('to')}` : '';
  u.searchParams.delete('from');
  u.searchParams.delete('to');
  const rest = u.searchParams.toString();
  return `${u.pathname}${rest ? `?${rest}` : ''}${period}`;
}

async function timeEndpoint(db: Database, server: BenchServer, path: string, pages: string[], dashboard: boolean, runs: number): Promise<EndpointResult> {
  await auditLogFor(db).flush();
  forgetKept(db);
  let cold = 0;
  const statements = await captureSql(async () => {
    const t = performance.now();
    await server.get(path);
    cold = performance.now() - t;
  });
  const http = await timeRuns(runs, () => server.get(path));
  let duckdb: number | null = null;
  if (statements.length) {
    try {
      await replaySql(db, statements);
      duckdb = median(await timeRuns(runs, () => replaySql(db, statements)));
    } catch {
      duckdb = null;
    }
  }
  return {
    name: endpointName(path),
    path,
    p50_ms: ms(percentile(http, 50)),
    p95_ms: ms(percentile(http, 95)),
    duckdb_p50_ms: duckdb === null ? null : ms(duckdb),
    cold_ms: ms(cold),
    runs,
    pages,
    dashboard,
  };
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

    server = await startBenchServer(db);
    log('Pages in Chromium:');
    const timings = await timePages(server.url, server.cookie, o.pageRuns, log);

    const adminPages = new Set(pages.filter((p) => p.access === 'admin').map((p) => p.path));
    const byPath = new Map<string, string[]>();
    for (const t of timings) for (const call of t.api) byPath.set(call, [...(byPath.get(call) ?? []), t.path]);
    log(`API calls behind the pages: ${byPath.size}, ${o.runs} warm runs each`);
    const endpoints: EndpointResult[] = [];
    for (const [path, usedBy] of byPath) endpoints.push(await timeEndpoint(db, server, path, usedBy, usedBy.some((p) => !adminPages.has(p)), o.runs));

    const report: BenchReport = {
      scale: { name: o.scale, cases: rowsOf('cases'), missing_episodes: rowsOf('missing_episodes'), offenders: rowsOf('offenders'), locations: rowsOf('locations') },
      import: {
        rows,
        seconds: Math.round(seconds * 10) / 10,
        rows_per_s: Math.round(rows / seconds),
        duckdb_read_csv_rows_per_s: Math.round(readCsv),
      },
      endpoints,
      page_load_ms: Object.fromEntries(timings.map((t) => [t.path, Math.round(t.warm_ms)])),
      page_load_cold_ms: Object.fromEntries(timings.map((t) => [t.path, Math.round(t.cold_ms)])),
      rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
    };
    report.budgets = checkBudgets(report);
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
  return {
    json: json ? resolve(json) : undefined,
    opts: {
      scale,
      runs,
      pageRuns,
      dataDir: resolve(ROOT, value('--data') ?? `bench-out/${scale}`),
      dbPath: resolve(ROOT, `bench-out/${scale}.duckdb`),
      log: (s) => console.log(s),
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
}
