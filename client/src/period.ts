// The period every page shows: UK financial years (April–March) by default,
// or any custom range. server/period.ts uses this module too: one calendar for pages and API.
import { formatDate, fyLabel } from './format.ts';

export interface Period {
  from: string;
  to: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function financialYear(startYear: number): Period {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** Start year of the financial year containing an ISO date. */
export function fyStartYear(iso: string): number {
  const y = +iso.slice(0, 4);
  return +iso.slice(5, 7) >= 4 ? y : y - 1;
}

/** The start year if the period is exactly one financial year, else null. */
export function asFinancialYear(p: Period): number | null {
  const y = fyStartYear(p.from);
  const fy = financialYear(y);
  return fy.from === p.from && fy.to === p.to ? y : null;
}

/** Default period: the last complete financial year before `today` (ISO date). */
export function defaultPeriod(today: string): Period {
  return financialYear(fyStartYear(today) - 1);
}

/** The period in URL parameters, or null when missing or invalid. */
export function periodFromParams(params: URLSearchParams): Period | null {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) return null;
  return { from, to };
}

/**
 * The period compared with: same length ending the day before; a whole number of
 * calendar months (e.g. a financial year) compares with the same months before.
 */
export function previousPeriod(p: Period): Period {
  const to = addDays(p.from, -1);
  const from = new Date(`${p.from}T00:00:00Z`);
  const after = new Date(`${addDays(p.to, 1)}T00:00:00Z`);
  if (from.getUTCDate() === 1 && after.getUTCDate() === 1) {
    const months = (after.getUTCFullYear() - from.getUTCFullYear()) * 12 + after.getUTCMonth() - from.getUTCMonth();
    from.setUTCMonth(from.getUTCMonth() - months);
    return { from: from.toISOString().slice(0, 10), to };
  }
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000);
  return { from: addDays(to, -days), to };
}

/** '2024/25' for a financial year, else '01/04/2024 to 30/06/2024'. */
export function periodLabel(p: Period): string {
  const fy = asFinancialYear(p);
  return fy !== null ? fyLabel(fy) : `${formatDate(p.from)} to ${formatDate(p.to)}`;
}

/** '2024/25 (01/04/2024 to 31/03/2025)' for a financial year, else '01/04/2024 to 30/06/2024'. */
export function describePeriod(p: Period): string {
  const range = `${formatDate(p.from)} to ${formatDate(p.to)}`;
  return asFinancialYear(p) !== null ? `${periodLabel(p)} (${range})` : range;
}

/** Today's date in the browser's local calendar, ISO. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
