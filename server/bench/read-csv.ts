// The import's yardstick, run in its own process: DuckDB's own read_csv of the
// same CSV files into a fresh database file (CREATE TABLE … AS SELECT * FROM
// read_csv(…)), timed. Prints {"rows","seconds"} as JSON.
//   tsx server/bench/read-csv.ts <folder> <database file>
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [folder, dbFile] = process.argv.slice(2);
if (!folder || !dbFile) throw new Error('usage: read-csv.ts <folder> <database file>');
rmSync(dbFile, { force: true });
rmSync(`${dbFile}.wal`, { force: true });
const instance = await DuckDBInstance.create(dbFile);
const conn = await instance.connect();
const files = readdirSync(folder).filter((f) => f.endsWith('.csv')).sort();
const began = performance.now();
let rows = 0;
for (const f of files) {
  const table = `t_${f.replace(/\W/g, '_')}`;
  await conn.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv($path, header = true)`, { path: join(folder, f) });
  const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
  rows += Number(reader.getRows()[0][0]);
}
const seconds = (performance.now() - began) / 1000;
conn.closeSync();
instance.closeSync();
rmSync(dbFile, { force: true });
console.log(JSON.stringify({ rows, seconds }));
