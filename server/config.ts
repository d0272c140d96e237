// Settings from the environment, read once.
export interface Config {
  port: number;
  /** Interface to listen on: loopback unless HOST says otherwise (a TLS reverse proxy in front serves the team). */
  host: string;
  /**
   * Express `trust proxy`: which proxies' X-Forwarded-For/-Proto/-Host to believe,
   * so that behind a TLS reverse proxy the Origin check, the Secure cookie, HSTS
   * and the throttle's client address work. false = none (direct connections).
   */
  trustProxy: boolean | number | string;
  dbPath: string;
  /** Where the audit trail's key of dbPath is kept; null → `<dbPath>.audit-key` (server/audit/key.ts). */
  auditKeyFile: string | null;
  /** Small-number suppression threshold: counts 1..threshold are withheld where figures leave the analyst. */
  suppressionThreshold: number;
  /** Idle session timeout in minutes. */
  sessionIdleMinutes: number;
  /** Area named in reports when the database's meta table has no `area_name`; null → "the area". */
  areaName: string | null;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intOr(env.PORT, 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    dbPath: env.PROFILER_DB || 'data/profiler.duckdb',
    auditKeyFile: env.PROFILER_AUDIT_KEY_FILE?.trim() || null,
    suppressionThreshold: intOr(env.PROFILER_SUPPRESSION_THRESHOLD, 5),
    sessionIdleMinutes: intOr(env.PROFILER_SESSION_IDLE_MINUTES, 30),
    areaName: env.PROFILER_AREA_NAME?.trim() || null,
  };
}

/**
 * TRUST_PROXY: unset, '', 'false' or '0' → trust no proxy; a whole number → that
 * many proxies in front; 'true' → one (never "every address in
 * X-Forwarded-For", which a client could forge to dodge the sign-in throttle);
 * otherwise Express's list of addresses, subnets or names ('loopback',
 * '10.0.0.0/8, 192.168.1.5').
 */
export function trustProxyFrom(v: string | undefined): boolean | number | string {
  const t = v?.trim().toLowerCase() ?? '';
  if (t === '' || t === 'false' || t === '0' || t === 'no') return false;
  if (t === 'true' || t === 'yes') return 1;
  if (/^\d+$/.test(t)) return Number(t);
  return t;
}

function intOr(v: string | undefined, fallback: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
