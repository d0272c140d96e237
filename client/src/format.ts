// UK display conventions. The API returns ISO dates and unrounded percentages;
// everything the analyst reads goes through these functions.

/** A value as shown: the text, and a tooltip when the text needs explaining. */
export interface Display {
  text: string;
  title?: string;
}

export const DASH = '–';
export const SUPPRESSED = '[c]';
export const NO_DENOMINATOR: Display = { text: DASH, title: 'no denominator' };
export const SUPPRESSED_DISPLAY: Display = { text: SUPPRESSED, title: 'suppressed: small number' };

/** Rounds half away from zero to `places` decimals, immune to binary float error (12.35 → 12.4). */
export function roundHalfAway(x: number, places = 1): number {
  const factor = 10 ** places;
  // toPrecision(12) removes the representation error (12.35 * 10 = 123.49999999999999).
  const scaled = Number((Math.abs(x) * factor).toPrecision(12));
  const rounded = Math.round(scaled) / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12345 → '12,345'; null → '–'. */
export function formatCount(n: number | null): string {
  return n === null ? DASH : countFormat.format(n);
}

/** A percentage (0–100, unrounded) to one decimal place: 12.25 → '12.3%'; null → '–'. */
export function formatPercent(p: number | null): string {
  return p === null ? DASH : `${oneDecimal.format(roundHalfAway(p, 1))}%`;
}

/** Percentage as a display with the "no denominator" explanation for null. */
export function displayPercent(p: number | null): Display {
  return p === null ? NO_DENOMINATOR : { text: formatPercent(p) };
}

/** A count that may have been suppressed (null or flagged) → '[c]'. */
export function displayCount(n: number | null, suppressed = false): Display {
  return suppressed || n === null ? SUPPRESSED_DISPLAY : { text: formatCount(n) };
}

/** Rate per 10,000 children to one decimal place; no population → '–'. */
export function ratePer10k(count: number | null, population: number | null): number | null {
  if (count === null || population === null || population <= 0) return null;
  return (count / population) * 10_000;
}

/** A number to one decimal place, UK style (1,234.5). */
export function formatOneDecimal(v: number): string {
  return oneDecimal.format(roundHalfAway(v, 1));
}

export function formatRate(rate: number | null): string {
  return rate === null ? DASH : formatOneDecimal(rate);
}

/** ISO 'YYYY-MM-DD' (or a datetime starting with it) → 'DD/MM/YYYY'. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Financial year starting 1 April of `startYear`: 2024 → '2024/25'. */
export function fyLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM' → 'Apr 2024'. */
export function formatMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? `${MONTHS[+m[2] - 1]} ${m[1]}` : ym;
}

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** An instant (ISO, UTC when it says so) as UK local time 'DD/MM/YYYY HH:MM' (Europe/London, summer time included). */
export function formatDateTime(iso: string): string {
  const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) || !/T|\s\d/.test(iso) ? iso : `${iso.replace(' ', 'T')}Z`);
  if (Number.isNaN(t)) return iso;
  return ukDateTime.format(t).replace(',', '');
}
