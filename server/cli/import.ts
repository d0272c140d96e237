// `npm run import -- <folder>`: imports every extract in the folder (our own
// format, or files as agencies hold them, recognised by header: docs/sources.md) into the
// database named by PROFILER_DB (default data/profiler.duckdb). Prints every
// problem and exits 1 when the batch is refused; nothing is stored then.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../config.ts';
import { Database } from '../db.ts';
import { importFolder } from '../import/index.ts';
import { auditLogFor } from '../audit/log.ts';

/** The analysts' description of the input format, in this checkout (printed with a refusal). */
const EXTRACTS_DOC = fileURLToPath(new URL('../../docs/extracts.md', import.meta.url));

async function main(): Promise<number> {
  const folder = process.argv[2];
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error('Usage: npm run import -- <folder with the extracts>');
    return 1;
  }
  const config = configFromEnv();
  let db: Database;
  try {
    db = await Database.open(config.dbPath);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/lock/i.test(message)) {
      console.error(
        `The database ${config.dbPath} is in use: the server is running and owns the database: import through the UI (Imports page) or stop the server.`,
      );
      return 1;
    }
    throw e;
  }
  try {
    console.log(`Importing ${folder} into ${config.dbPath}`);
    const started = Date.now();
    const result = await importFolder(db, folder, {
      source: 'cli',
      importedBy: process.env.USER,
      onProgress: (p) => {
        const rows = p.rows === undefined ? '' : ` ${p.rows.toLocaleString('en-GB')} rows`;
        const part = p.fraction !== undefined && p.fraction > 0 && p.fraction < 1 ? ` ${Math.round(p.fraction * 100)} %` : '';
        console.log(`  ${p.file}: ${p.phase}${part}${rows} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      },
    });
    for (const w of result.warnings) console.warn(`warning: ${w}`);
    if (!result.ok) {
      // An accepted batch's entry is written in its own transaction (server/import/store.ts); a refused one changed nothing.
      await auditLogFor(db).recordNow({
        event: 'import',
        username: process.env.USER ?? null,
        route: 'npm run import',
        params: { folder },
        status: 422,
        details: { problems: result.problems.length },
      });
      console.error(`\nImport refused: ${result.problems.length} problems. Nothing was stored; the data already held is unchanged.\n`);
      console.error(result.report);
      console.error(`\nThe input format, and why each kind of problem is refused: docs/extracts.md (${EXTRACTS_DOC}).`);
      return 1;
    }
    console.log(`\nImport ${result.importId} stored:`);
    for (const f of result.files) {
      console.log(`  ${f.file}: ${f.readAs ?? `${f.extract}, ${f.rows.toLocaleString('en-GB')} rows`} → ${f.extract} (sha256 ${f.sha256})`);
      if (f.used?.length) console.log(`    columns used: ${f.used.join('; ')}`);
      if (f.dropped?.length) console.log(`    columns not read (nothing stored from them): ${f.dropped.join(', ')}`);
    }
    return 0;
  } finally {
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
