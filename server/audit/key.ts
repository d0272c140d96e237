// Where the audit trail's secrets live: the HMAC key and the recorded head,
// kept OUTSIDE the database file so that whoever can edit the database can
// neither re-hash the chain nor hide the removal of its newest entries.
// For a database file they are `<database>.audit-key` (created on first start,
// mode 0600; PROFILER_AUDIT_KEY_FILE names another place) and the head beside
// the key, `<key file>.head`, rewritten after every write and signed with the
// key. An in-memory database (tests) has a key and head of its own, in memory.
import { randomBytes, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChainHead } from './chain.ts';
import { configFromEnv } from '../config.ts';

/** The head recorded outside the database, with the start of the keyed chain it belongs to. */
export interface RecordedHead extends ChainHead {
  keyedFrom: number;
}

export interface KeyStore {
  /** Where the key is kept (for messages). */
  readonly where: string;
  /** The key, or null when none exists yet. */
  key(): Buffer | null;
  /** Makes a new key (only when none exists). */
  createKey(): Buffer;
  /** The recorded head; throws when its file was altered. Null when none is recorded. */
  readHead(): RecordedHead | null;
  writeHead(head: RecordedHead): void;
}

/**
 * The key file of a database file: PROFILER_AUDIT_KEY_FILE for the database
 * PROFILER_DB names, `<database>.audit-key` for any other (a benchmark's or a
 * test's never shares it); null for an in-memory database (its key lives and
 * dies with the process).
 */
export function auditKeyPath(dbPath: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (dbPath === ':memory:') return null;
  const config = configFromEnv(env);
  if (config.auditKeyFile && resolve(dbPath) === resolve(config.dbPath)) return config.auditKeyFile;
  return `${dbPath}.audit-key`;
}

/** The key and head files of a database file (for whoever deletes the database to start afresh). */
export function auditFiles(dbPath: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const key = auditKeyPath(dbPath, env);
  return key ? [key, `${key}.head`] : [];
}

export function keyStoreFor(dbPath: string, env: NodeJS.ProcessEnv = process.env): KeyStore {
  const path = auditKeyPath(dbPath, env);
  return path ? new FileKeyStore(path) : new MemoryKeyStore();
}

function headMac(key: Buffer, h: RecordedHead): string {
  return createHmac('sha256', key).update(`audit-head:${h.keyedFrom}:${h.seq}:${h.hash}`).digest('hex');
}

class MemoryKeyStore implements KeyStore {
  readonly where = 'this process (in-memory database)';
  private k: Buffer | null = null;
  private head: RecordedHead | null = null;
  key(): Buffer | null {
    return this.k;
  }
  createKey(): Buffer {
    this.k = randomBytes(32);
    return this.k;
  }
  readHead(): RecordedHead | null {
    return this.head ? { ...this.head } : null;
  }
  writeHead(head: RecordedHead): void {
    this.head = { ...head };
  }
}

class FileKeyStore implements KeyStore {
  private cached: Buffer | null = null;
  constructor(readonly where: string) {}

  private get headPath(): string {
    return `${this.where}.head`;
  }

  key(): Buffer | null {
    if (this.cached) return this.cached;
    if (!existsSync(this.where)) return null;
    const text = readFileSync(this.where, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`The audit key file ${this.where} is not a key (64 hexadecimal digits).`);
    this.cached = Buffer.from(text, 'hex');
    return this.cached;
  }

  createKey(): Buffer {
    const k = randomBytes(32);
    // 'wx': never overwrite a key that appeared meanwhile.
    writeFileSync(this.where, k.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(this.where, 0o600);
    this.cached = k;
    return k;
  }

  readHead(): RecordedHead | null {
    if (!existsSync(this.headPath)) return null;
    const key = this.key();
    let h: RecordedHead & { mac?: unknown };
    try {
      h = JSON.parse(readFileSync(this.headPath, 'utf8'));
    } catch {
      throw new Error(`The recorded audit head ${this.headPath} is unreadable.`);
    }
    const valid =
      key && Number.isInteger(h.seq) && Number.isInteger(h.keyedFrom) && typeof h.hash === 'string' && typeof h.mac === 'string' &&
      h.mac.length === 64 && timingSafeEqual(Buffer.from(h.mac), Buffer.from(headMac(key, h)));
    if (!valid) throw new Error(`The recorded audit head ${this.headPath} was altered (its signature does not match the audit key).`);
    return { keyedFrom: h.keyedFrom, seq: h.seq, hash: h.hash };
  }

  writeHead(head: RecordedHead): void {
    const key = this.key();
    if (!key) throw new Error(`The audit key ${this.where} is missing.`);
    // Written aside and renamed: a crash never leaves half a head.
    const tmp = `${this.headPath}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...head, mac: headMac(key, head) }) + '\n', { mode: 0o600 });
    renameSync(tmp, this.headPath);
  }
}
