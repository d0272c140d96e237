// Periods: parsing the ?from=&to= query parameters every page and API shares,
// and the calendar helpers (UK financial years, months, quarters). The date
// arithmetic is the client's pure module (client/src/period.ts), so the server
// and the pages cannot disagree on what "the previous period" is.
import { badRequest } from './errors.ts';
import { addDays, fyStartYear, isIsoDate, previousPeriod as previousRange } from '../client/src/period.ts';
import { fyLabel } from '../client/src/format.ts';

export { addDays, isIsoDate };

export interface Period {
  /** Label: 'YYYY-MM-DD/YYYY-MM-DD' for a custom period, 'YYYY-MM' or 'YYYY-Qn' in series. */
  period: string;
  date_from: string;
  date_to: string;
}

/**
 * Dates a request may name. Extracts hold dates of living children and recent
 * offences; outside these years a date is a typing error, and the calendar
 * arithmetic (previous period, month series) stays within what Date can hold.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2100-12-31';

function dateParam(q: Record<string, unknown>, name: string): string {
  const v = q[name];
  if (v === undefined || v === '') throw badRequest(`Parameter '${name}' is required (YYYY-MM-DD)`, name);
  if (typeof v !== 'string' || !isIsoDate(v)) throw badRequest(`Parameter '${name}' must be a valid date YYYY-MM-DD`, name);
  if (v < FIRST_DATE || v > LAST_DATE) throw badRequest(`Parameter '${name}' (${v}) must be a date from ${FIRST_DATE} to ${LAST_DATE}`, name);
  return v;
}

/** The period of a request: both dates required, valid, and from <= to. */
export function periodFromQuery(q: Record<string, unknown>): Period {
  const from = dateParam(q, 'from');
  const to = dateParam(q, 'to');
  if (from > to) throw badRequest(`Parameter 'from' (${from}) is after 'to' (${to})`, 'from');
  return { period: `${from}/${to}`, date_from: from, date_to: to };
}

/** Months from the first month of `from` to the last month of `to`, both counted. */
export function monthsSpanned(p: Period): number {
  return (+p.date_to.slice(0, 4) - +p.date_from.slice(0, 4)) * 12 + (+p.date_to.slice(5, 7) - +p.date_from.slice(5, 7)) + 1;
}

/** 400 naming 'from' when the period spans more than `maxMonths` months (what `what` may cover). */
export function limitSpan(p: Period, maxMonths: number, what: string): Period {
  const months = monthsSpanned(p);
  if (months > maxMonths) {
    const years = maxMonths % 12 === 0 ? `${maxMonths / 12} years` : `${maxMonths} months`;
    throw badRequest(`${what} covers at most ${years}; ${p.date_from} to ${p.date_to} spans ${months} months`, 'from');
  }
  return p;
}

/** The period compared with (client/src/period.ts previousPeriod): a whole number of months compares with the same months before, else the same length ending the day before. */
export function previousPeriod(p: Period): Period {
  const r = previousRange({ from: p.date_from, to: p.date_to });
  return { period: `${r.from}/${r.to}`, date_from: r.from, date_to: r.to };
}

/** Financial year (April–March) containing a date, e.g. '2024/25'. */
export function financialYearOf(iso: string): { label: string; from: string; to: string } {
  const start = fyStartYear(iso);
  return { label: fyLabel(start), from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

export type Interval = 'month' | 'quarter';

/**
 * The whole months ('YYYY-MM') or quarters ('YYYY-Qn') that overlap from..to,
 * in order. A point of a series is the measure for its whole month or quarter:
 * partial months at either end are not clipped to from..to.
 * Quarters are calendar quarters (Q1 = Jan–Mar, …, Q4 = Oct–Dec), labelled by
 * calendar year; a financial year (April–March) is exactly Q2–Q4 of its first
 * year and Q1 of the next.
 */
export function seriesPeriods(from: string, to: string, interval: Interval): Period[] {
  const out: Period[] = [];
  let y = +from.slice(0, 4);
  let m = +from.slice(5, 7);
  if (interval === 'quarter') m = Math.floor((m - 1) / 3) * 3 + 1;
  const step = interval === 'month' ? 1 : 3;
  for (;;) {
    const start = `${y}-${String(m).padStart(2, '0')}-01`;
    if (start > to) break;
    let ny = y;
    let nm = m + step;
    if (nm > 12) {
      nm -= 12;
      ny += 1;
    }
    const end = addDays(`${ny}-${String(nm).padStart(2, '0')}-01`, -1);
    const label = interval === 'month' ? start.slice(0, 7) : `${y}-Q${(m - 1) / 3 + 1}`;
    out.push({ period: label, date_from: start, date_to: end });
    y = ny;
    m = nm;
  }
  return out;
}
