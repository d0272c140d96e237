// Writes the audit trail. Entries are queued and written after the response,
// in batches (everything recorded within BATCH_MS), one transaction per batch,
// each chained to the previous one; a data request never waits for its audit
// entry. Reading the trail, a CLI's end and the server's stop flush first.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db.ts';
import { sql } from '../sql.ts';
import { runAll } from '../db.ts';
import { GENESIS, entryHash, verifyChain, type AuditFields, type AuditRow, type VerifyResult } from './chain.ts';

/** What callers record; seq, time and hashes are added here. */
export interface AuditEvent {
  event: 'login' | 'login_failed' | 'logout' | 'request' | 'denied' | 'export' | 'import' | 'account';
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

/** How long an entry may wait to be written with the ones after it. */
const BATCH_MS = 100;

const logs = new WeakMap<Database, AuditLog>();

/** The one audit writer of a database (shared by the app, its routes and the CLIs). */
export function auditLogFor(db: Database): AuditLog {
  let log = logs.get(db);
  if (!log) {
    log = new AuditLog(db);
    logs.set(db, log);
  }
  return log;
}

export class AuditLog {
  private queue: { fields: Omit<AuditFields, 'seq'> }[] = [];
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private head: { seq: number; hash: string } | null = null;

  constructor(private db: Database) {}

  /** Queues an entry; it is written shortly after, in order. */
  record(e: AuditEvent): void {
    this.queue.push({
      fields: {
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
      },
    });
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => void this.flush(), BATCH_MS).unref();
    }
  }

  /** Writes everything queued so far; resolves when it is stored. */
  flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    this.writing = this.writing.then(() => (batch.length ? this.write(batch) : undefined)).catch((e) => {
      console.error('[audit] could not write the audit trail:', e instanceof Error ? e.message : e);
    });
    return this.writing;
  }

  private async write(batch: { fields: Omit<AuditFields, 'seq'> }[]): Promise<void> {
    const insert = sql('audit#insert_entry').sql;
    this.head = await this.db.transaction(async (c) => {
      let head = this.head ?? (await this.readHead(c));
      for (const { fields } of batch) {
        const f: AuditFields = { seq: head.seq + 1, ...fields };
        const hash = entryHash(head.hash, f);
        await runAll(c, insert, { ...f, prev_hash: head.hash, hash });
        head = { seq: f.seq, hash };
      }
      return head;
    });
  }

  private async readHead(c: DuckDBConnection): Promise<{ seq: number; hash: string }> {
    const [row] = await runAll(c, sql('audit#head').sql);
    return row ? { seq: Number(row.seq), hash: String(row.hash) } : { seq: 0, hash: GENESIS };
  }
}

export async function readAudit(db: Database): Promise<AuditRow[]> {
  return (await db.named('audit#all_entries')) as unknown as AuditRow[];
}

export async function verifyAudit(db: Database): Promise<VerifyResult> {
  await auditLogFor(db).flush();
  return verifyChain(await readAudit(db));
}
