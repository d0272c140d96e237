// Periods: parsing the ?from=&to= query parameters every page and API shares,
// and the calendar helpers (UK financial years, months, quarters).
import { badRequest } from './errors.ts';

export interface Period {
  /** Label: 'YYYY-MM-DD/YYYY-MM-DD' for a custom period, 'YYYY-MM' or 'YYYY-Qn' in series. */
  period: string;
  date_from: string;
  date_to: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function dateParam(q: Record<string, unknown>, name: string): string {
  const v = q[name];
  if (v === undefined || v === '') throw badRequest(`Parameter '${name}' is required (YYYY-MM-DD)`, name);
  if (typeof v !== 'string' || !isIsoDate(v)) throw badRequest(`Parameter '${name}' must be a valid date YYYY-MM-DD`, name);
  return v;
}

/** The period of a request: both dates required, valid, and from <= to. */
export function periodFromQuery(q: Record<string, unknown>): Period {
  const from = dateParam(q, 'from');
  const to = dateParam(q, 'to');
  if (from > to) throw badRequest(`Parameter 'from' (${from}) is after 'to' (${to})`, 'from');
  return { period: `${from}/${to}`, date_from: from, date_to: to };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The period of the same length ending the day before `p` starts (for "previous period" comparisons). */
export function previousPeriod(p: Period): Period {
  const len = Math.round((Date.parse(p.date_to) - Date.parse(p.date_from)) / 86_400_000);
  // Whole financial years / calendar years compare with the year before.
  const from = new Date(`${p.date_from}T00:00:00Z`);
  const to = new Date(`${p.date_to}T00:00:00Z`);
  const nextDay = new Date(to);
  nextDay.setUTCDate(nextDay.getUTCDate() + 1);
  if (from.getUTCDate() === 1 && nextDay.getUTCDate() === 1) {
    const months = (nextDay.getUTCFullYear() - from.getUTCFullYear()) * 12 + nextDay.getUTCMonth() - from.getUTCMonth();
    const pf = new Date(from);
    pf.setUTCMonth(pf.getUTCMonth() - months);
    const f = pf.toISOString().slice(0, 10);
    const t = addDays(p.date_from, -1);
    return { period: `${f}/${t}`, date_from: f, date_to: t };
  }
  const t = addDays(p.date_from, -1);
  const f = addDays(t, -len);
  return { period: `${f}/${t}`, date_from: f, date_to: t };
}

/** Financial year (April–March) containing a date, e.g. '2024/25'. */
export function financialYearOf(iso: string): { label: string; from: string; to: string } {
  const y = +iso.slice(0, 4);
  const start = +iso.slice(5, 7) >= 4 ? y : y - 1;
  return { label: `${start}/${String((start + 1) % 100).padStart(2, '0')}`, from: `${start}-04-01`, to: `${start + 1}-03-31` };
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
