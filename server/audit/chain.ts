// The chain of the audit trail. Each entry's hash covers the previous entry's
// hash and the canonical JSON of its own fields, so altering or removing an
// entry breaks every link after it. Entries from `keyedFrom` on are chained
// with HMAC-SHA256 under a key kept outside the database (server/audit/key.ts),
// so that nobody holding only the database file can re-hash the chain after an
// edit; entries written before the key existed (by an earlier version) keep
// their SHA-256 chain. A head recorded outside the database (seq and hash of the
// newest entry) reveals the removal of the newest entries, which leaves an
// intact but shorter chain.
import { createHash, createHmac } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

/** The stored fields of an entry, in table order (prev_hash and hash excluded). */
export interface AuditFields {
  seq: number;
  logged_at: string;
  username: string | null;
  role: string | null;
  address: string | null;
  event: string;
  method: string | null;
  route: string | null;
  params: string | null;
  status: number | null;
  rows_returned: number | null;
  file_hash: string | null;
  details: string | null;
}

export interface AuditRow extends AuditFields {
  prev_hash: string;
  hash: string;
}

/** The newest entry of the chain. */
export interface ChainHead {
  seq: number;
  hash: string;
}

const FIELD_ORDER: (keyof AuditFields)[] = [
  'seq', 'logged_at', 'username', 'role', 'address', 'event', 'method', 'route', 'params', 'status', 'rows_returned', 'file_hash', 'details',
];

/** JSON with a fixed key order and every field present (null when empty). */
export function canonicalJson(f: AuditFields): string {
  return JSON.stringify(FIELD_ORDER.map((k) => [k, f[k] ?? null]));
}

/** The unkeyed hash of entries written before the keyed chain started. */
export function legacyHash(prevHash: string, f: AuditFields): string {
  return createHash('sha256').update(prevHash + canonicalJson(f)).digest('hex');
}

export function keyedHash(key: Buffer, prevHash: string, f: AuditFields): string {
  return createHmac('sha256', key).update(prevHash + canonicalJson(f)).digest('hex');
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

export interface ChainCheck {
  /** The HMAC key; null when its file is missing (then no keyed entry can be checked). */
  key: Buffer | null;
  /** First entry of the keyed chain. */
  keyedFrom: number;
  /** The head recorded outside the database; null when none is recorded. */
  recorded: ChainHead | null;
}

/**
 * Recomputes the chain over rows in seq order and compares its end with the
 * recorded head; reports the first broken entry. Entries newer than the
 * recorded head are accepted when they chain (a crash between a commit and the
 * head's update leaves such entries).
 */
export function verifyChain(rows: AuditRow[], check: ChainCheck): VerifyResult {
  const broken = (brokenAt: number, reason: string): VerifyResult => ({ ok: false, entries: rows.length, brokenAt, reason });
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const r of rows) {
    if (r.seq !== expectedSeq) return broken(expectedSeq, `entry ${expectedSeq} is missing`);
    if (r.prev_hash !== prev) return broken(r.seq, 'prev_hash does not match the previous entry (an entry was removed or altered)');
    if (r.seq < check.keyedFrom) {
      if (legacyHash(prev, r) !== r.hash) return broken(r.seq, 'the entry does not match its hash (it was altered)');
    } else {
      if (!check.key) return broken(r.seq, 'the audit key is missing, so the keyed entries from here cannot be checked');
      if (keyedHash(check.key, prev, r) !== r.hash) {
        return broken(r.seq, 'the entry does not match its keyed hash (it was altered, or re-hashed without the audit key)');
      }
    }
    prev = r.hash;
    expectedSeq++;
  }
  const last = rows.at(-1)?.seq ?? 0;
  const { recorded } = check;
  if (!recorded) {
    if (last >= check.keyedFrom) return broken(check.keyedFrom, 'no head is recorded outside the database, so removed newest entries could not be detected');
  } else if (last < recorded.seq) {
    return broken(last + 1, `the trail ends at entry ${last} but its recorded head is entry ${recorded.seq}: the newest ${recorded.seq - last} entries were removed`);
  } else if (recorded.seq > 0 && rows[recorded.seq - 1].hash !== recorded.hash) {
    return broken(recorded.seq, 'the entry is not the recorded head (the trail was rewritten up to here)');
  }
  return { ok: true, entries: rows.length, head: prev };
}
