// Sign-in throttling, per account and per address.
// - Budget reserved before the password is checked: an attempt takes a slot
//   synchronously, before any await, and attempts in flight count as failures
//   until they end; so simultaneous guesses cannot all be checked (an account
//   allows ACCOUNT.free of them, then one at a time after each delay).
// - Once a key has used its free failures, each further failure sets a delay
//   that doubles (1 s, 2 s, 4 s …), answered 429 with Retry-After without
//   checking the password. An account's delay is short and capped (a minute):
//   whoever guesses cannot keep its owner out for long, from another address;
//   an address's delay is the long one (up to 15 minutes): whoever guesses from
//   it slows down to a try every 15 minutes, each holding the account at most
//   a minute.
// - A success clears the account's and the address's failures.
// - Memory is bounded: at most MAX_KEYS keys (least recently used dropped
//   first), and a key idle for a day is forgotten.
interface Policy {
  free: number;
  baseMs: number;
  maxMs: number;
}
export const ACCOUNT: Policy = { free: 5, baseMs: 1000, maxMs: 60_000 };
export const ADDRESS: Policy = { free: 20, baseMs: 1000, maxMs: 15 * 60_000 };
/** Answered while another attempt on the same key is being checked. */
const IN_FLIGHT_WAIT_MS = 1000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;
const MAX_KEYS = 10_000;

interface Entry {
  failures: number;
  pending: number;
  lockedUntil: number;
  seen: number;
}

/** A reserved attempt: settle it once, with the outcome of the password check. */
export interface Ticket {
  succeed(): void;
  fail(): void;
  /** The check could not be made (an error): the slot is given back. */
  cancel(): void;
}

export type Attempt = { ok: true; ticket: Ticket } | { ok: false; waitMs: number };

export class LoginThrottle {
  private entries = new Map<string, Entry>();

  constructor(
    private now: () => number = () => Date.now(),
    private maxKeys: number = MAX_KEYS,
  ) {}

  /** Keys held (bounded by maxKeys). */
  get size(): number {
    return this.entries.size;
  }

  /** Reserves an attempt for this account from this address, or says how long to wait. */
  attempt(username: string, address: string): Attempt {
    const keys: [string, Policy][] = [[`a:${username}`, ACCOUNT], [`i:${address}`, ADDRESS]];
    const waitMs = Math.max(...keys.map(([k, p]) => this.wait(k, p)));
    if (waitMs > 0) return { ok: false, waitMs };
    for (const [k] of keys) this.entry(k).pending++;
    let settled = false;
    const settle = (outcome: 'succeed' | 'fail' | 'cancel') => {
      if (settled) return;
      settled = true;
      for (const [k, p] of keys) {
        const e = this.entry(k);
        e.pending = Math.max(0, e.pending - 1);
        if (outcome === 'succeed') {
          e.failures = 0;
          e.lockedUntil = 0;
        } else if (outcome === 'fail') {
          e.failures++;
          if (e.failures >= p.free) e.lockedUntil = this.now() + Math.min(p.maxMs, p.baseMs * 2 ** (e.failures - p.free));
        }
      }
    };
    return { ok: true, ticket: { succeed: () => settle('succeed'), fail: () => settle('fail'), cancel: () => settle('cancel') } };
  }

  private wait(key: string, p: Policy): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    const t = this.now();
    if (e.pending === 0 && t - e.seen > FORGET_AFTER_MS) {
      this.entries.delete(key);
      return 0;
    }
    if (t < e.lockedUntil) return e.lockedUntil - t;
    // Attempts in flight count against the free failures; past them, one at a time.
    return e.pending >= Math.max(1, p.free - e.failures) ? IN_FLIGHT_WAIT_MS : 0;
  }

  /** The key's entry, made most recently used (created when missing; the least recently used dropped past the bound). */
  private entry(key: string): Entry {
    const e = this.entries.get(key) ?? { failures: 0, pending: 0, lockedUntil: 0, seen: 0 };
    e.seen = this.now();
    this.entries.delete(key);
    this.entries.set(key, e);
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    return e;
  }
}
