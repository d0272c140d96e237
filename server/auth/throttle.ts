// Login throttling. Failed logins are counted per account and per address;
// once a key has FREE_FAILURES failures, each further attempt must wait a delay
// that doubles with every failure (1 s, 2 s, 4 s … capped at 15 minutes) and is
// answered 429 with Retry-After meanwhile, without checking the password.
// A success clears the account's and the address's counts.
const FREE_FAILURES = { account: 5, address: 20 } as const;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

interface Failures {
  count: number;
  last: number;
}

export class LoginThrottle {
  private failures = new Map<string, Failures>();

  constructor(private now: () => number = Date.now) {}

  /** Milliseconds the caller must still wait before trying (0 = may try now). */
  waitMs(username: string, address: string): number {
    return Math.max(this.wait(`a:${username}`, FREE_FAILURES.account), this.wait(`i:${address}`, FREE_FAILURES.address));
  }

  fail(username: string, address: string): void {
    const t = this.now();
    for (const key of [`a:${username}`, `i:${address}`]) {
      const f = this.failures.get(key);
      this.failures.set(key, { count: (f?.count ?? 0) + 1, last: t });
    }
  }

  succeed(username: string, address: string): void {
    this.failures.delete(`a:${username}`);
    this.failures.delete(`i:${address}`);
  }

  private wait(key: string, free: number): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    const t = this.now();
    if (t - f.last > FORGET_AFTER_MS) {
      this.failures.delete(key);
      return 0;
    }
    if (f.count < free) return 0;
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (f.count - free));
    return Math.max(0, f.last + delay - t);
  }
}
