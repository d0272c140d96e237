// `npm start`: open the database, load the demo area when it holds no extracts,
// build the client when needed, and serve on PORT (default 3000).
import { auditLogFor } from './audit/log.ts';
import { configFromEnv } from './config.ts';
import { Database } from './db.ts';
import { createApp, type AppContext } from './app.ts';
import { ensureFirstAdmin } from './auth/first-start.ts';
import { ensureClientBuilt } from './build-client.ts';
import { hasExtracts } from './import/index.ts';
import { loadDemoArea } from './demo.ts';
import { warmDefaultViews } from './warm.ts';

async function main(): Promise<void> {
  const config = configFromEnv();
  const db = await Database.open(config.dbPath);
  console.log(`Database: ${config.dbPath}`);
  if (!(await hasExtracts(db))) {
    console.log('The database holds no extracts: loading the fictional demo area from data-samples/ (synthetic data).');
    const result = await loadDemoArea(db);
    if (!result.ok) {
      console.error(result.report);
      process.exit(1);
    }
    console.log(`Demo area loaded: ${result.files.map((f) => `${f.extract} ${f.rows}`).join(', ')}.`);
  }
  await ensureFirstAdmin(db);
  await ensureClientBuilt();
  // The default views are computed at start and after every import, so the first page after either is warm.
  const ctx: AppContext = { db, config };
  const warm = () =>
    void warmDefaultViews(ctx).then((w) =>
      console.log(`Default views computed: ${w.requests.length} requests in ${(w.ms / 1000).toFixed(1)} s${w.failed.length ? ` (${w.failed.length} failed)` : ''}.`),
    );
  ctx.afterImport = warm;
  const app = createApp(ctx);
  const server = app.listen(config.port, () => {
    console.log(`Problem Profiler at http://localhost:${config.port}`);
    warm();
  });
  const stop = () => {
    server.close();
    // The audit entries still queued are written before the database closes.
    void auditLogFor(db).flush().finally(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
