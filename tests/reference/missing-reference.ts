// An independent computation of the missing page's figures, in plain
// TypeScript over the CSV rows of an extract folder (no SQL, no import code):
// the missing tests compare the views and lists with it. Follows extracts.md
// (not-recorded markers, UK/ISO dates and datetimes, header spellings, codes
// case-insensitive) and the definitions written in sql/missing.
import { readExtractRecords } from './csv-reference.ts';

/** A local datetime as written: ISO date, hour, and milliseconds on a naive (UTC) clock. */
export interface Stamp {
  date: string;
  hour: number;
  ms: number;
}

function stamp(v: string): Stamp {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})\/(\d{2})\/(\d{4}))(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m) throw new Error(`Not a date: ${v}`);
  const [y, mo, d] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
  const hour = Number(m[7] ?? 0);
  return { date: `${y}-${mo}-${d}`, hour, ms: Date.UTC(+y, +mo - 1, +d, hour, Number(m[8] ?? 0), Number(m[9] ?? 0)) };
}
const dateOf = (v: string | null) => (v === null ? null : stamp(v).date);
const lower = (v: string | null) => (v === null ? null : v.toLowerCase());

export interface Episode {
  episode_id: string;
  child_id: string;
  start: Stamp;
  end: Stamp | null;
  episode_type: string;
  missing_from: string | null;
  found_ward: string | null;
  found_location_type: string | null;
}
export interface Case {
  case_id: string;
  child_id: string;
  referral_date: string;
  closed_date: string | null;
  risk_level: string | null;
}

export function readMissing(dir: string): { episodes: Episode[]; cases: Case[] } {
  const episodes = readExtractRecords(dir, 'missing_episodes').map((r) => ({
    episode_id: r.episode_id!,
    child_id: r.child_id!,
    start: stamp(r.start!),
    end: r.end === null ? null : stamp(r.end),
    episode_type: lower(r.episode_type) ?? 'missing',
    missing_from: lower(r.missing_from),
    found_ward: r.found_ward === null ? null : r.found_ward.toUpperCase(),
    found_location_type: lower(r.found_location_type),
  }));
  const cases = readExtractRecords(dir, 'cases').map((r) => ({
    case_id: r.case_id!,
    child_id: r.child_id!,
    referral_date: dateOf(r.referral_date)!,
    closed_date: dateOf(r.closed_date),
    risk_level: lower(r.risk_level),
  }));
  return { episodes, cases };
}

export interface Span {
  from: string;
  to: string;
}
const within = (d: string, p: Span) => d >= p.from && d <= p.to;
const DAY_MS = 86_400_000;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function started(eps: Episode[], p: Span): Episode[] {
  return eps.filter((e) => within(e.start.date, p));
}

function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

export const episodeTypes = (eps: Episode[], p: Span) => tally(started(eps, p).map((e) => e.episode_type));
const ended = (eps: Episode[], p: Span) => eps.filter((e) => e.end !== null && within(e.end.date, p));
export const foundTypes = (eps: Episode[], p: Span) => tally(ended(eps, p).map((e) => e.found_location_type ?? 'not_recorded'));
export const foundWards = (eps: Episode[], p: Span) => tally(ended(eps, p).map((e) => e.found_ward ?? 'not_recorded'));

/** 'Mon|09' → episodes started. */
export function heatmap(eps: Episode[], p: Span): Record<string, number> {
  return tally(started(eps, p).map((e) => {
    const dow = (new Date(`${e.start.date}T00:00:00Z`).getUTCDay() + 6) % 7;
    return `${DAYS[dow]}|${String(e.start.hour).padStart(2, '0')}`;
  }));
}

export function longEpisodes(eps: Episode[], p: Span, hours: number): number {
  return started(eps, p).filter((e) => e.end !== null && e.end.ms - e.start.ms > hours * 3_600_000).length;
}

/** Episodes of the most frequently missing ceil(10 %) of children (ties by child_id). */
export function concentration(eps: Episode[], p: Span): { children: number; top: number; episodes: number; topEpisodes: number } {
  const per = Object.entries(tally(started(eps, p).map((e) => e.child_id)));
  per.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = Math.ceil(per.length / 10);
  const sum = (xs: [string, number][]) => xs.reduce((s, [, n]) => s + n, 0);
  return { children: per.length, top, episodes: sum(per), topEpisodes: sum(per.slice(0, top)) };
}

export interface ChildRow {
  child_id: string;
  episodes: number;
  first_start: string;
  last_start: string;
  longest_hours: number | null;
  case_open: boolean;
  risk_level: string | null;
  from_care: number;
  repeat: boolean;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}
const fmt = (s: Stamp) => new Date(s.ms).toISOString().slice(0, 16).replace('T', ' ');

/** Every child missing in the period with the list columns; repeat = n episodes, the nth fewer than `days` days after the first. */
export function children(data: { episodes: Episode[]; cases: Case[] }, p: Span, n: number, days: number): ChildRow[] {
  const byChild = new Map<string, Episode[]>();
  for (const e of started(data.episodes, p)) byChild.set(e.child_id, [...(byChild.get(e.child_id) ?? []), e]);
  const out: ChildRow[] = [];
  for (const [child, list] of byChild) {
    list.sort((a, b) => a.start.ms - b.start.ms || (a.episode_id < b.episode_id ? -1 : 1));
    const d = list.map((e) => dayNumber(e.start.date));
    let repeat = false;
    for (let i = 0; i + n - 1 < d.length; i++) if (d[i + n - 1] - d[i] <= days - 1) repeat = true;
    const open = data.cases
      .filter((c) => c.child_id === child && c.referral_date <= p.to && (c.closed_date === null || c.closed_date >= p.from))
      .sort((a, b) => (a.referral_date < b.referral_date ? 1 : a.referral_date > b.referral_date ? -1 : a.case_id < b.case_id ? 1 : -1));
    const lengths = list.filter((e) => e.end !== null).map((e) => (e.end!.ms - e.start.ms) / 3_600_000);
    out.push({
      child_id: child,
      episodes: list.length,
      first_start: fmt(list[0].start),
      last_start: fmt(list[list.length - 1].start),
      longest_hours: lengths.length ? Math.max(...lengths) : null,
      case_open: open.length > 0,
      risk_level: open.length ? (open[0].risk_level ?? 'not_recorded') : null,
      from_care: list.filter((e) => e.missing_from === 'care').length,
      repeat,
    });
  }
  return out.sort((a, b) => b.episodes - a.episodes || (a.child_id < b.child_id ? -1 : 1));
}
