// The hash chain of the audit trail: each entry's hash is
// SHA-256(prev_hash + canonical JSON of the entry's fields), the first entry's
// prev_hash being GENESIS. Removing or altering any entry (other than the last
// ones — see verify's `head`, worth writing down elsewhere) breaks the chain.
import { createHash } from 'node:crypto';

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

const FIELD_ORDER: (keyof AuditFields)[] = [
  'seq', 'logged_at', 'username', 'role', 'address', 'event', 'method', 'route', 'params', 'status', 'rows_returned', 'file_hash', 'details',
];

/** JSON with a fixed key order and every field present (null when empty). */
export function canonicalJson(f: AuditFields): string {
  return JSON.stringify(FIELD_ORDER.map((k) => [k, f[k] ?? null]));
}

export function entryHash(prevHash: string, f: AuditFields): string {
  return createHash('sha256').update(prevHash + canonicalJson(f)).digest('hex');
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Recomputes the chain over rows in seq order; reports the first broken entry. */
export function verifyChain(rows: AuditRow[]): VerifyResult {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const r of rows) {
    if (r.seq !== expectedSeq) return { ok: false, entries: rows.length, brokenAt: r.seq, reason: `entry ${expectedSeq} is missing` };
    if (r.prev_hash !== prev) return { ok: false, entries: rows.length, brokenAt: r.seq, reason: 'prev_hash does not match the previous entry (an entry was removed or altered)' };
    if (entryHash(prev, r) !== r.hash) return { ok: false, entries: rows.length, brokenAt: r.seq, reason: 'the entry does not match its hash (it was altered)' };
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries: rows.length, head: prev };
}
