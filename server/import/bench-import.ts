// Benchmark: our import of one extract file against DuckDB's own load of the
// same file (`CREATE TABLE … AS SELECT * FROM read_csv(file)`, auto-detected
// types), in the same database file. Budget: ours ≤ 2 × DuckDB's.
// Run: npx tsx server/import/bench-import.ts [folder] [--runs 3] [--files missing_episodes,cases] [--memory]
// (make the folder with `npm run samples -- --scale national --out /tmp/national`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from '../db.ts';
import { EXTRACTS } from './spec.ts';
import { importFiles } from './index.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const folder = resolve(argv.find((a, i) => !a.startsWith('--') && !['--runs', '--files'].includes(argv[i - 1])) ?? '/tmp/national');
const runs = Number(flag('--runs') ?? 3);
const files = (flag('--files') ?? 'missing_episodes,cases').split(',');

const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
const db = await Database.open(argv.includes('--memory') ? ':memory:' : join(work, 'bench.duckdb'));

// The required extracts are held (empty) so each file can be imported on its own.
const seed = join(work, 'seed');
mkdirSync(seed);
for (const spec of EXTRACTS.filter((e) => e.required)) writeFileSync(join(seed, `${spec.name}.csv`), `${spec.columns.map((c) => c.name).join(',')}\n`);
const seeded = await importFiles(db, EXTRACTS.filter((e) => e.required).map((e) => ({ name: `${e.name}.csv`, path: join(seed, `${e.name}.csv`) })), { source: 'cli' });
if (!seeded.ok) throw new Error(seeded.report);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timeImport(path: string, name: string): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const r = await importFiles(db, [{ name, path }], { source: 'cli' });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.report);
  return { ms, rows: r.files[0].rows };
}

async function timeDuckdb(path: string): Promise<number> {
  const t0 = performance.now();
  await db.all('CREATE OR REPLACE TABLE bench_read_csv AS SELECT * FROM read_csv($path)', { path });
  const ms = performance.now() - t0;
  await db.exec('DROP TABLE bench_read_csv');
  return ms;
}

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} · ${folder} · median of ${runs} runs`);
for (const extract of files) {
  const name = `${extract}.csv`;
  const path = join(folder, name);
  const ours: number[] = [];
  const duck: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const r = await timeImport(path, name);
    ours.push(r.ms);
    rows = r.rows;
    duck.push(await timeDuckdb(path));
  }
  const o = median(ours);
  const d = median(duck);
  console.log(
    `${name.padEnd(22)} ${String(rows).padStart(9)} rows · import ${seconds(o)} (${Math.round(rows / (o / 1000))} rows/s) · read_csv CTAS ${seconds(d)} · ratio ${(o / d).toFixed(2)} ${o <= 2 * d ? 'OK' : 'SLOW (budget 2×)'}`,
  );
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
db.close();
rmSync(work, { recursive: true, force: true });
