// Settings from the environment, read once.
export interface Config {
  port: number;
  dbPath: string;
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
    dbPath: env.PROFILER_DB || 'data/profiler.duckdb',
    suppressionThreshold: intOr(env.PROFILER_SUPPRESSION_THRESHOLD, 5),
    sessionIdleMinutes: intOr(env.PROFILER_SESSION_IDLE_MINUTES, 30),
    areaName: env.PROFILER_AREA_NAME?.trim() || null,
  };
}

function intOr(v: string | undefined, fallback: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
