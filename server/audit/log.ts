// Writes the audit trail, one writer per database, every write chained to the
// previous one (server/audit/chain.ts) under the key kept outside the database
// (server/audit/key.ts), the recorded head rewritten after each commit.
// Three ways in:
// - `record`: queued and written shortly after, in batches (requests, sign-ins):
//   a data request never waits for its entry;
// - `recordNow`: written before the promise resolves (await it before an
//   answer leaves, e.g. an export);
// - `change`: a change (an import, an account) and its entry in ONE
//   transaction, so neither exists without the other.
// Writes are serialised (one chain), in the order they were asked for.
// Before its first write the writer checks the database against the recorded
// head and refuses to write on a mismatch: continuing would overwrite the
// evidence that the newest entries were removed (`npm run audit -- verify`
// says where; `npm run audit -- accept` records the trail as it is, with an
// entry saying so).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db.ts';
import { sql } from '../sql.ts';
import { runAll } from '../db.ts';
import { GENESIS, keyedHash, verifyChain, type AuditFields, type AuditRow, type ChainHead, type VerifyResult } from './chain.ts';
import { keyStoreFor, type KeyStore } from './key.ts';
import type { AuditEventName } from '../../client/src/audit-events.ts';

/** What callers record; seq, time and hashes are added here. */
export interface AuditEvent {
  event: AuditEventName;
  username?: string | null;
  role?: string | null;
  address?: string | null;
  method?: string | null;
  route?: string | null;
  params?: Record<string, unknown> | null;
  status?: number | null;
  rowsReturned?: number | null;
  fileHash?: string | null;
  details?: Record<string, unknown> | null;
}

/** The writer cannot continue the chain safely (the message says why and what to do). */
export class AuditTrailError extends Error {}

/** How long an entry may wait to be written with the ones after it. */
const BATCH_MS = 100;

type Fields = Omit<AuditFields, 'seq'>;

const logs = new WeakMap<Database, AuditLog>();

/** The one audit writer of a database (shared by the app, its routes and the CLIs). */
export function auditLogFor(db: Database): AuditLog {
  let log = logs.get(db);
  if (!log) {
    log = new AuditLog(db, keyStoreFor(db.path));
    logs.set(db, log);
  }
  return log;
}

function fieldsOf(e: AuditEvent): Fields {
  return {
    logged_at: new Date().toISOString(),
    username: e.username ?? null,
    role: e.role ?? null,
    address: e.address ?? null,
    event: e.event,
    method: e.method ?? null,
    route: e.route ?? null,
    params: e.params && Object.keys(e.params).length ? JSON.stringify(e.params) : null,
    status: e.status ?? null,
    rows_returned: e.rowsReturned ?? null,
    file_hash: e.fileHash ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
  };
}

async function keyedFromOf(c: DuckDBConnection): Promise<number> {
  const [row] = await runAll(c, sql('audit#keyed_from').sql);
  return Number(row.keyed_from);
}

async function dbHead(c: DuckDBConnection): Promise<ChainHead> {
  const [row] = await runAll(c, sql('audit#head').sql);
  return row ? { seq: Number(row.seq), hash: String(row.hash) } : { seq: 0, hash: GENESIS };
}

interface Chain {
  key: Buffer;
  keyedFrom: number;
  head: ChainHead;
}

export class AuditLog {
  private queue: Fields[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private scheduled = false;
  private chain: Chain | null = null;

  constructor(
    private db: Database,
    private keys: KeyStore,
  ) {}

  /** Checks the trail against its key and recorded head (creating the key on first start); throws AuditTrailError on a mismatch. */
  open(): Promise<void> {
    return this.exclusive(async () => {
      await this.ready();
    });
  }

  /** Queues an entry; it is written shortly after, in order. */
  record(e: AuditEvent): void {
    this.queue.push(fieldsOf(e));
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => void this.flush(), BATCH_MS).unref();
    }
  }

  /** Writes the entry (after those queued before it); resolves once it is stored. */
  recordNow(e: AuditEvent): Promise<void> {
    this.queue.push(fieldsOf(e));
    return this.flushOrThrow();
  }

  /** Writes everything queued so far; resolves when it is stored (a failure is reported, not thrown). */
  flush(): Promise<void> {
    return this.flushOrThrow().catch((e) => {
      console.error('[audit] could not write the audit trail:', e instanceof Error ? e.message : e);
    });
  }

  /**
   * Runs `fn` (the change) and writes its entry in one transaction on `conn`
   * (a connection of this database; one is borrowed when omitted): both are
   * committed, or neither. Entries queued before are written first.
   */
  async change<T>(conn: DuckDBConnection | null, fn: (c: DuckDBConnection) => Promise<T>, entry: (out: T) => AuditEvent): Promise<T> {
    await this.flushOrThrow();
    const run = (c: DuckDBConnection) =>
      this.exclusive(async () => {
        const chain = await this.ready();
        await c.run('BEGIN TRANSACTION');
        let head: ChainHead;
        let out: T;
        try {
          out = await fn(c);
          head = await this.insert(c, chain, [fieldsOf(entry(out))]);
          await c.run('COMMIT');
        } catch (e) {
          await c.run('ROLLBACK');
          throw e;
        }
        this.db.forgetDataVersion();
        this.advance(chain, head);
        return out;
      });
    return conn ? run(conn) : this.db.withConnection(run);
  }

  /** Recomputes the chain and compares it with the key and recorded head. */
  async verify(): Promise<VerifyResult> {
    await this.flush();
    return this.exclusive(async () => {
      const rows = (await this.db.named('audit#all_entries')) as unknown as AuditRow[];
      const keyedFrom = await this.db.withConnection(keyedFromOf);
      let recorded: ChainHead | null;
      let key: Buffer | null;
      try {
        key = this.keys.key();
        const r = this.keys.readHead();
        if (r && r.keyedFrom !== keyedFrom) {
          return { ok: false as const, entries: rows.length, brokenAt: Math.min(r.keyedFrom, keyedFrom), reason: `the keyed chain starts at entry ${keyedFrom} in the database but at entry ${r.keyedFrom} in the recorded head (the start was moved)` };
        }
        recorded = r;
      } catch (e) {
        return { ok: false as const, entries: rows.length, brokenAt: keyedFrom, reason: (e as Error).message.replace(/\.$/, '') };
      }
      return verifyChain(rows, { key, keyedFrom, recorded });
    });
  }

  /**
   * Records the trail as it now stands as the head (after the administrator has
   * looked into a mismatch), writing an `audit` entry that keeps the old and new
   * heads on record. Needs the key.
   */
  async accept(by: string): Promise<{ previous: ChainHead | null; now: ChainHead }> {
    await this.flush();
    return this.exclusive(async () => {
      const key = this.keys.key();
      if (!key) throw new AuditTrailError(`The audit key ${this.keys.where} is missing: restore it from the backup taken with the database; without it the trail cannot be checked or continued.`);
      let previous: ChainHead | null = null;
      try {
        previous = this.keys.readHead();
      } catch {
        previous = null; // an altered head file is replaced; the entry below says so
      }
      const { keyedFrom, head } = await this.db.withConnection(async (c) => ({ keyedFrom: await keyedFromOf(c), head: await dbHead(c) }));
      const chain: Chain = { key, keyedFrom, head };
      const fields = fieldsOf({ event: 'audit', username: by, route: 'npm run audit -- accept', details: { action: 'accept-head', recordedHead: previous, databaseHead: head } });
      const now = await this.db.transaction(async (c) => this.insert(c, chain, [fields]));
      this.advance(chain, now);
      return { previous, now };
    });
  }

  private flushOrThrow(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    if (!batch.length) return this.exclusive(async () => undefined);
    return this.exclusive(async () => {
      const chain = await this.ready();
      const head = await this.db.transaction((c) => this.insert(c, chain, batch));
      this.advance(chain, head);
    });
  }

  /** Runs fn after every write asked for before it (one chain, in order). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async insert(c: DuckDBConnection, chain: Chain, batch: Fields[]): Promise<ChainHead> {
    const insert = sql('audit#insert_entry').sql;
    let head = chain.head;
    for (const fields of batch) {
      const f: AuditFields = { seq: head.seq + 1, ...fields };
      const hash = keyedHash(chain.key, head.hash, f);
      await runAll(c, insert, { ...f, prev_hash: head.hash, hash });
      head = { seq: f.seq, hash };
    }
    return head;
  }

  /** After a commit: the chain continues from `head`, recorded outside the database. */
  private advance(chain: Chain, head: ChainHead): void {
    chain.head = head;
    this.keys.writeHead({ keyedFrom: chain.keyedFrom, ...head });
  }

  /** The chain to continue, checked once against the key and recorded head. */
  private async ready(): Promise<Chain> {
    if (this.chain) return this.chain;
    const { keyedFrom, head } = await this.db.withConnection(async (c) => ({ keyedFrom: await keyedFromOf(c), head: await dbHead(c) }));
    const refuse = (why: string) =>
      new AuditTrailError(`The audit trail cannot be continued: ${why}. Run \`npm run audit -- verify\`; once looked into, \`npm run audit -- accept\` records the trail as it stands.`);
    let key = this.keys.key();
    if (!key) {
      if (head.seq >= keyedFrom) throw refuse(`the audit key ${this.keys.where} is missing but the trail holds entries signed with it`);
      key = this.keys.createKey();
      this.keys.writeHead({ keyedFrom, ...head });
    }
    let recorded;
    try {
      recorded = this.keys.readHead();
    } catch (e) {
      throw refuse((e as Error).message.replace(/\.$/, ''));
    }
    if (!recorded) {
      if (head.seq >= keyedFrom) throw refuse(`no head is recorded beside the audit key ${this.keys.where}`);
    } else if (recorded.keyedFrom !== keyedFrom) {
      throw refuse(`the keyed chain starts at entry ${keyedFrom} in the database but at ${recorded.keyedFrom} in the recorded head`);
    } else if (head.seq < recorded.seq) {
      throw refuse(`the trail ends at entry ${head.seq} but its recorded head is entry ${recorded.seq} (the newest entries were removed)`);
    } else if (recorded.seq > 0) {
      const [row] = await this.db.named('audit#entry_hash', { seq: recorded.seq });
      if (!row || String(row.hash) !== recorded.hash) throw refuse(`entry ${recorded.seq} is not the recorded head (the trail was rewritten)`);
    }
    this.chain = { key, keyedFrom, head };
    return this.chain;
  }
}

export async function readAudit(db: Database): Promise<AuditRow[]> {
  return (await db.named('audit#all_entries')) as unknown as AuditRow[];
}

export function verifyAudit(db: Database): Promise<VerifyResult> {
  return auditLogFor(db).verify();
}
