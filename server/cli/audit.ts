// `npm run audit -- verify`: recomputes the audit trail's keyed chain and
// compares its end with the head recorded outside the database; reports the
// first broken entry and why (exit code 1), or the number of entries and the
// head hash. Detects edited entries (even re-hashed with SHA-256), deleted
// entries, the newest ones included, and a truncated trail.
// `npm run audit -- accept`: after a mismatch has been looked into, records the
// trail as it stands as the head, with an `audit` entry keeping the old and
// new heads on record (the server refuses to start until then).
// Run with the server stopped (it owns the database file).
import { userInfo } from 'node:os';
import { configFromEnv } from '../config.ts';
import { Database } from '../db.ts';
import { auditLogFor, verifyAudit } from '../audit/log.ts';

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'verify' && command !== 'accept') {
    console.error('Usage: npm run audit -- verify | accept');
    return 2;
  }
  const db = await Database.open(configFromEnv().dbPath);
  try {
    if (command === 'accept') {
      const { previous, now } = await auditLogFor(db).accept(`cli:${userInfo().username}`);
      console.log(`Recorded head was ${previous ? `entry ${previous.seq}` : 'missing'}; the trail now ends at entry ${now.seq} (an audit entry says so).`);
      return 0;
    }
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
