// Reference parsing of extract cell values, written from extracts.md alone:
// not-recorded markers, UK/ISO dates, the three datetime forms, codes
// (case-insensitive, trimmed), `;`-lists and DfE ethnicity groups.
// Dates are whole day numbers (days since 1970-01-01); datetimes are seconds
// since 1970-01-01 00:00 of the same local clock (no time-zone shift).

const MARKERS = new Set(['', 'null', 'n/a', 'not recorded', 'not known', 'unknown']);

/** The trimmed value, or null when the cell says "not recorded". */
export function recorded(cell: string | undefined): string | null {
  const v = (cell ?? '').trim();
  return MARKERS.has(v.toLowerCase()) ? null : v;
}

function dayNumber(y: number, m: number, d: number): number {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new Error(`Not a calendar date: ${y}-${m}-${d}`);
  }
  return t / 86_400_000;
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` → day number (null when not recorded). */
export function parseDate(cell: string | undefined): number | null {
  const v = recorded(cell);
  if (v === null) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return dayNumber(+m[1], +m[2], +m[3]);
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (m) return dayNumber(+m[3], +m[2], +m[1]);
  throw new Error(`Not a date: ${v}`);
}

/** `YYYY-MM-DD HH:MM[:SS]`, `YYYY-MM-DDTHH:MM[:SS]`, `DD/MM/YYYY HH:MM[:SS]` → seconds. */
export function parseDateTime(cell: string | undefined): number | null {
  const v = recorded(cell);
  if (v === null) return null;
  let day: number;
  let rest: string;
  let m = /^(\d{4})-(\d{2})-(\d{2})[ T](.*)$/.exec(v);
  if (m) {
    day = dayNumber(+m[1], +m[2], +m[3]);
    rest = m[4];
  } else {
    m = /^(\d{2})\/(\d{2})\/(\d{4}) (.*)$/.exec(v);
    if (!m) throw new Error(`Not a datetime: ${v}`);
    day = dayNumber(+m[3], +m[2], +m[1]);
    rest = m[4];
  }
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(rest);
  if (!t || +t[1] > 23 || +t[2] > 59 || +(t[3] ?? 0) > 59) throw new Error(`Not a time: ${v}`);
  return day * 86_400 + +t[1] * 3600 + +t[2] * 60 + +(t[3] ?? 0);
}

/** The day number of a datetime in seconds. */
export const dayOf = (seconds: number): number => Math.floor(seconds / 86_400);

/** A day number as `YYYY-MM-DD`. */
export const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** `YYYY-MM-DD` → day number. */
export const dayOfIso = (iso: string): number => parseDate(iso)!;

/** An integer cell (null when not recorded). */
export function parseInteger(cell: string | undefined): number | null {
  const v = recorded(cell);
  if (v === null) return null;
  if (!/^\d+$/.test(v)) throw new Error(`Not a whole number: ${v}`);
  return Number(v);
}

/** A code, lower case (null when not recorded). */
export function code(cell: string | undefined): string | null {
  const v = recorded(cell);
  return v === null ? null : v.toLowerCase();
}

/** A code shown upper case (sex, ethnicity, Y/N, ward codes). */
export function upperCode(cell: string | undefined): string | null {
  const v = recorded(cell);
  return v === null ? null : v.toUpperCase();
}

/** A `;`-list of codes, each once, lower case (null when the cell is not recorded). */
export function codeList(cell: string | undefined): string[] | null {
  const v = recorded(cell);
  if (v === null) return null;
  return [...new Set(v.split(';').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
}

const GROUPS: Record<string, string[]> = {
  White: ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM'],
  Mixed: ['MWBC', 'MWBA', 'MWAS', 'MOTH'],
  Asian: ['AIND', 'APKN', 'ABAN', 'AOTH'],
  Black: ['BCRB', 'BAFR', 'BOTH'],
  Other: ['CHNE', 'OOTH'],
};
export const ETHNICITY_CODES = [...Object.values(GROUPS).flat(), 'REFU', 'NOBT'];

/** The DfE group of an (upper-case) ethnicity code; REFU, NOBT and not recorded → null. */
export function ethnicityGroup(eth: string | null): string | null {
  if (eth === null) return null;
  for (const [group, list] of Object.entries(GROUPS)) if (list.includes(eth)) return group;
  return null;
}
