// `npm start`: open the database and check its audit trail, remove the
// temporary uploads of a killed run, load the demo area when the database
// holds no extracts, build the client when needed, and serve on HOST:PORT
// (loopback unless HOST says otherwise: a team is served through a TLS reverse
// proxy, README "Serving a team").
import { auditLogFor } from './audit/log.ts';
import { configFromEnv } from './config.ts';
import { Database } from './db.ts';
import { createApp, type AppContext } from './app.ts';
import { ensureFirstAdmin } from './auth/first-start.ts';
import { ensureClientBuilt } from './build-client.ts';
import { hasExtracts } from './import/index.ts';
import { removeStaleScratchDirs } from './import/scratch.ts';
import { loadDemoArea } from './demo.ts';
import { warmDefaultViews } from './warm.ts';

async function main(): Promise<void> {
  const config = configFromEnv();
  const db = await Database.open(config.dbPath);
  console.log(`Database: ${config.dbPath}`);
  // Refuses to start on a trail whose key or recorded head does not match (the message says what to do).
  await auditLogFor(db).open();
  const removed = removeStaleScratchDirs();
  if (removed.length) console.log(`Removed ${removed.length} temporary upload folder(s) left by an interrupted run.`);
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
  const server = app.listen(config.port, config.host, () => {
    const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
    console.log(`Problem Profiler at http://${shown}:${config.port}${config.trustProxy === false ? '' : ` (behind a reverse proxy: TRUST_PROXY=${config.trustProxy})`}`);
    warm();
  });
  server.on('error', (e) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${e.message}`);
    process.exit(1);
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
