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

/** The first day of the month `months` after the month of an ISO date (negative: before). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar months of a period (1st of a month to the last day of a month), else null. */
export function wholeMonths(p: Period): number | null {
  const after = addDays(p.to, 1);
  if (p.from.slice(8) !== '01' || after.slice(8) !== '01') return null;
  return (+after.slice(0, 4) - +p.from.slice(0, 4)) * 12 + +after.slice(5, 7) - +p.from.slice(5, 7);
}

/**
 * A year to date: from 1 April (financial year) or 1 January (calendar year) to
 * the end of a later month of that year, neither a single month nor a quarter
 * (those compare with the month or quarter before) nor the whole year.
 */
export function isYearToDate(p: Period): boolean {
  const months = wholeMonths(p);
  return months !== null && months >= 2 && months <= 11 && months !== 3 && (p.from.slice(5) === '04-01' || p.from.slice(5) === '01-01');
}

/**
 * The period compared with: a year to date compares with the same months of the
 * year before; a whole number of calendar months (e.g. a financial year, a
 * quarter) with the same number of months before; otherwise the same length
 * ending the day before.
 */
export function previousPeriod(p: Period): Period {
  if (isYearToDate(p)) return { from: addMonths(p.from, -12), to: addDays(addMonths(addDays(p.to, 1), -12), -1) };
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
