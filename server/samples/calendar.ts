// Calendar arithmetic on whole days and minutes counted from 1970-01-01 (UTC used as a plain
// calendar: the extracts hold local UK wall-clock times). Never reads the clock.

export const MINUTES_PER_DAY = 1440;
const DAY_MS = 86_400_000;

function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM` for a minute count. */
export function isoDateTime(minute: number): string {
  const s = new Date(minute * 60_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function monthStart(year: number, month: number): number {
  return Date.UTC(year, month - 1, 1) / DAY_MS;
}

/** Whole years between a birth day and a day. */
export function ageOn(birthDay: number, day: number): number {
  const b = new Date(birthDay * DAY_MS);
  const d = new Date(day * DAY_MS);
  const before =
    d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  return d.getUTCFullYear() - b.getUTCFullYear() - (before ? 1 : 0);
}

/** The span a data set covers, with the two dated events that change its trends. */
export interface Timeline {
  firstYear: number; // first financial year (2021 = 2021/22)
  years: number;
  start: number; // first day
  end: number; // last day, inclusive (the extract date)
  endMinute: number; // last minute of the last day
  campaign: number; // awareness campaign: referrals rise after it
  protocol: number; // missing-from-care protocol: episodes from care fall after it
}

export function timeline(firstYear: number, years: number): Timeline {
  const start = dayOf(`${firstYear}-04-01`);
  const end = dayOf(`${firstYear + years}-04-01`) - 1;
  return {
    firstYear,
    years,
    start,
    end,
    endMinute: (end + 1) * MINUTES_PER_DAY - 1,
    campaign: dayOf(`${firstYear + Math.floor(years * 0.4)}-06-01`),
    protocol: dayOf(`${firstYear + Math.floor(years * 0.6)}-09-01`),
  };
}

/** 0 before `from`, rising linearly to 1 over `days`. */
export function ramp(day: number, from: number, days: number): number {
  if (day <= from) return 0;
  return Math.min(1, (day - from) / days);
}

/** Months covered by a timeline as [year, month] pairs. */
export function monthsOf(t: Timeline): [number, number][] {
  const months: [number, number][] = [];
  for (let i = 0; i < t.years * 12; i++) {
    const m = 3 + i; // April of the first year = index 3 (0-based months)
    months.push([t.firstYear + Math.floor(m / 12), (m % 12) + 1]);
  }
  return months;
}
