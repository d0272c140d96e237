// `npm run audit -- verify`: recomputes the audit trail's hash chain and reports
// the first broken entry (exit code 1), or the number of entries and the head
// hash (worth noting elsewhere: removing the newest entries leaves an intact,
// shorter chain that only a recorded head reveals). Run with the server stopped.
import { configFromEnv } from '../config.ts';
import { Database } from '../db.ts';
import { verifyAudit } from '../audit/log.ts';

async function main(): Promise<number> {
  if (process.argv[2] !== 'verify') {
    console.error('Usage: npm run audit -- verify');
    return 2;
  }
  const db = await Database.open(configFromEnv().dbPath);
  try {
    const r = await verifyAudit(db);
    if (r.ok) {
      console.log(`Audit trail intact: ${r.entries} entries, head ${r.head}.`);
      return 0;
    }
    console.error(`Audit trail broken at entry ${r.brokenAt}: ${r.reason}.`);
    return 1;
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
