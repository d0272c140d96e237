// The optional parameters of measures and breakdowns: the repeat-missing and
// long-episode thresholds, and the victims page filters. Parsed from a request's
// query string (400 naming the parameter when a value is not allowed).
import { badRequest } from '../errors.ts';
import * as codes from './codes.ts';

export interface Thresholds {
  /** Episodes that make a child "missing repeatedly" (default 3). */
  repeat_min: number;
  /** … all starting within this many days, by calendar date (default 90). */
  repeat_days: number;
  /** An episode is "long" when it lasts more than this many hours (default 24). */
  long_hours: number;
}

/** Victims filters; 'not_recorded' selects cases where the value was not recorded. */
export interface VictimFilters {
  ward?: string;
  risk_level?: string;
  sex?: string;
  age_band?: string;
  looked_after?: string;
  cse_model?: string;
}

export type MeasureParams = Partial<Thresholds> & VictimFilters;

export const DEFAULT_THRESHOLDS: Thresholds = { repeat_min: 3, repeat_days: 90, long_hours: 24 };

/** Every parameter bound into the SQL: thresholds with defaults, absent filters as NULL. */
export function sqlParams(p: MeasureParams = {}): Record<string, string | number | null> {
  return {
    repeat_min: p.repeat_min ?? DEFAULT_THRESHOLDS.repeat_min,
    repeat_days: p.repeat_days ?? DEFAULT_THRESHOLDS.repeat_days,
    long_hours: p.long_hours ?? DEFAULT_THRESHOLDS.long_hours,
    ward: p.ward ?? null,
    risk_level: p.risk_level ?? null,
    sex: p.sex ?? null,
    age_band: p.age_band ?? null,
    looked_after: p.looked_after ?? null,
    cse_model: p.cse_model ?? null,
  };
}

const THRESHOLD_MAX = 100_000;

/** How each filter's value is spelt canonically, and the values allowed. */
const FILTERS: Record<keyof VictimFilters, { canon: (s: string) => string; allowed: (s: string) => boolean }> = {
  ward: { canon: (s) => s.toUpperCase(), allowed: (s) => codes.WARD_CODE.test(s) },
  risk_level: { canon: (s) => s.toLowerCase(), allowed: (s) => codes.RISK_LEVELS.includes(s) },
  sex: { canon: (s) => s.toUpperCase(), allowed: (s) => codes.SEX.includes(s) },
  age_band: { canon: (s) => s.toLowerCase(), allowed: (s) => codes.CHILD_AGE_BANDS.includes(s) },
  looked_after: { canon: (s) => s.toUpperCase(), allowed: (s) => codes.YES_NO.includes(s) },
  cse_model: { canon: (s) => s.toLowerCase(), allowed: (s) => codes.CSE_MODELS.includes(s) },
};

function present(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw badRequest(`Parameter '${name}' must be given once`, name);
  return v.trim();
}

/** Thresholds and victims filters from a query string; absent ones are left out. */
export function measureParamsFromQuery(q: Record<string, unknown>): MeasureParams {
  const out: MeasureParams = {};
  for (const name of Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[]) {
    const v = present(q, name);
    if (v === undefined) continue;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > THRESHOLD_MAX) {
      throw badRequest(`Parameter '${name}' must be a whole number from 1 to ${THRESHOLD_MAX}`, name);
    }
    out[name] = Number(v);
  }
  for (const name of Object.keys(FILTERS) as (keyof VictimFilters)[]) {
    const v = present(q, name);
    if (v === undefined) continue;
    const value = v.toLowerCase() === codes.NOT_RECORDED ? codes.NOT_RECORDED : FILTERS[name].canon(v);
    if (value !== codes.NOT_RECORDED && !FILTERS[name].allowed(value)) {
      throw badRequest(`Parameter '${name}' is not one of its codes`, name);
    }
    out[name] = value;
  }
  return out;
}
