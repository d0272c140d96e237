// Writing quirky but valid CSV extracts (extracts.md): a seeded random source,
// every not-recorded marker, mixed-case and padded codes, ISO and UK dates,
// all three datetime forms with and without seconds, header spellings, BOM,
// CRLF, shuffled columns, quoting (also of an extra column with commas, quotes
// and line breaks, which the import ignores with a warning).
import { isoOf } from './values-reference.ts';

/** mulberry32: a small deterministic generator. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

const MARKERS = [
  '', '', 'NULL', 'null', 'N/A', 'n/a', 'Not recorded', 'NOT RECORDED', 'Not known', 'not KNOWN', 'Unknown', 'UNKNOWN', ' unknown ',
];

/** A not-recorded marker, any of them. */
export const marker = (r: Rng): string => r.pick(MARKERS);

/** A code as an agency might spell it: mixed case, sometimes padded. */
export function messyCode(r: Rng, c: string): string {
  const cased = r.pick([c, c.toLowerCase(), c.toUpperCase(), c[0].toUpperCase() + c.slice(1).toLowerCase()]);
  return r.chance(0.15) ? r.pick([` ${cased}`, `${cased} `, `  ${cased}  `]) : cased;
}

/** A code, or (with probability pNr) a not-recorded marker. */
export function optionalCode(r: Rng, codes: readonly string[], pNr = 0.15): string {
  return r.chance(pNr) ? marker(r) : messyCode(r, r.pick(codes));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const ukOf = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A day number as `YYYY-MM-DD` or `DD/MM/YYYY`. */
export function dateCell(r: Rng, day: number): string {
  const iso = isoOf(day);
  return r.chance(0.5) ? iso : ukOf(iso);
}

/** Seconds as one of the three datetime forms; seconds written when not zero, or at random. */
export function dateTimeCell(r: Rng, seconds: number): string {
  const day = Math.floor(seconds / 86_400);
  const s = seconds - day * 86_400;
  const hh = pad2(Math.floor(s / 3600));
  const mm = pad2(Math.floor((s % 3600) / 60));
  const ss = s % 60;
  const time = ss !== 0 || r.chance(0.4) ? `${hh}:${mm}:${pad2(ss)}` : `${hh}:${mm}`;
  const iso = isoOf(day);
  return r.pick([`${iso} ${time}`, `${iso}T${time}`, `${ukOf(iso)} ${time}`]);
}

/** One spelling of a header name (matched case-insensitively, spaces/hyphens as underscores). */
function headerSpelling(r: Rng, name: string): string {
  const words = name.split('_');
  const title = words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
  const h = r.pick([name, name, name.toUpperCase(), title, words.join('-'), title.replace(/ Id$/, ' ID')]);
  return r.chance(0.1) ? ` ${h} ` : h;
}

const NOTES = ['South, team 2', 'said "no", left', 'line one\nline two', 'ok', '', 'a,b,"c"\r\nd'];

function quoted(r: Rng, v: string): string {
  return /[",\r\n]/.test(v) || r.chance(0.08) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV file of these columns (in the contract's names) and rows, written with the quirks above. */
export function writeCsv(r: Rng, columns: string[], rows: Record<string, string>[]): string {
  const cols = [...columns];
  const extra = r.chance(0.5) ? r.pick(['notes', 'Worker Team', 'extra-info']) : null;
  if (r.chance(0.4)) r.shuffle(cols);
  const header = cols.map((c) => headerSpelling(r, c));
  if (extra) header.push(extra);
  const eol = r.chance(0.3) ? '\r\n' : '\n';
  const lines = [header.map((h) => quoted(r, h)).join(',')];
  for (const row of rows) {
    const cells = cols.map((c) => quoted(r, row[c] ?? ''));
    if (extra) cells.push(quoted(r, r.pick(NOTES)));
    lines.push(cells.join(','));
  }
  return (r.chance(0.5) ? '\ufeff' : '') + lines.join(eol) + (r.chance(0.7) ? eol : '');
}
