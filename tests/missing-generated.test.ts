// The missing views and lists on another data set in the contract format: a
// generated extract folder (seeded, with UK/ISO dates and datetimes,
// not-recorded markers, mixed-case codes, ongoing episodes, episodes of exactly
// 24 and 48 hours, 89- and 90-day repeat windows and episodes across a period
// boundary), compared with the independent computation of
// tests/reference/missing-reference.ts for several periods and thresholds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { computeMeasures } from '../server/measures/run.ts';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../server/measures/params.ts';
import { concentration, missingBreakdown, startHeatmap } from '../server/missing/views.ts';
import { missingChildren } from '../server/missing/children.ts';
import type { Period } from '../server/period.ts';
import * as ref from './reference/missing-reference.ts';

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20240401);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const pad = (n: number) => String(n).padStart(2, '0');

/** A naive datetime written in one of the contract's spellings. */
function written(ms: number, style: number, withTime = true): string {
  const d = new Date(ms);
  const [y, m, day, hh, mm] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()), pad(d.getUTCHours()), pad(d.getUTCMinutes())];
  const date = style === 1 ? `${day}/${m}/${y}` : `${y}-${m}-${day}`;
  return withTime ? `${date}${style === 2 ? 'T' : ' '}${hh}:${mm}` : date;
}

const H = 3_600_000;
const START = Date.UTC(2023, 0, 1);
const SPAN = Date.UTC(2025, 0, 1) - START;
const episodes: string[] = ['Episode ID,Child-ID,Start,End,Episode Type,missing_from,found_ward,found_location_type'];
let n = 0;
function episode(child: string, start: number, end: number | null): void {
  n += 1;
  episodes.push([
    `E${n}`, child, written(start, n % 3), end === null ? '' : written(end, (n + 1) % 3),
    pick(['missing', 'Missing', 'AWAY', '', 'NULL']), pick(['home', 'Care', 'care', 'school', 'other', '', 'Unknown', 'N/A']),
    pick(['E05000001', 'e05000002', 'E05000003', '', 'not known']), pick(['hotel', 'Park', 'takeaway', 'transport_hub', '', 'Not recorded']),
  ].join(','));
}
for (let i = 0; i < 600; i++) {
  const child = `C${pad(1 + Math.floor(rnd() ** 2 * 60))}`;
  const start = START + Math.floor(rnd() * SPAN / 60_000) * 60_000;
  const r = rnd();
  const end = r < 0.05 ? null : r < 0.1 ? start + 24 * H : r < 0.15 ? start + 48 * H : start + Math.floor(rnd() * 100 * 60) * 60_000;
  episode(child, start, end);
}
// Boundary cases: third start 89 days after the first (repeat), 90 days (not),
// and an episode across the end of March 2024.
for (const d of ['2024-01-01', '2024-02-15', '2024-03-30']) episode('B89', Date.parse(`${d}T10:00:00Z`), Date.parse(`${d}T12:00:00Z`));
for (const d of ['2024-01-01', '2024-02-15', '2024-03-31']) episode('B90', Date.parse(`${d}T10:00:00Z`), Date.parse(`${d}T12:00:00Z`));
episode('BX', Date.parse('2024-03-31T23:30:00Z'), Date.parse('2024-04-01T00:30:00Z'));

const cases: string[] = ['case_id,child_id,Referral Date,closed_date,risk_level'];
for (let c = 1; c <= 60; c += 1) {
  for (let k = 0; k < Math.floor(rnd() * 3); k += 1) {
    const referral = START + Math.floor(rnd() * SPAN / 86_400_000) * 86_400_000;
    const closed = rnd() < 0.4 ? '' : written(referral + Math.floor(rnd() * 200) * 86_400_000, c % 2, false);
    cases.push([`K${c}-${k}`, `C${pad(c)}`, written(referral, (c + k) % 2, false), closed, pick(['low', 'MEDIUM', 'high', '', 'Unknown'])].join(','));
  }
}
cases.push('K-B89,B89,2023-12-01,,High');

const PERIODS: ref.Span[] = [
  { from: '2024-01-01', to: '2024-03-31' },
  { from: '2023-04-01', to: '2024-03-31' },
  { from: '2024-04-01', to: '2024-06-30' },
  { from: '2023-01-01', to: '2024-12-31' },
];
const periodOf = (s: ref.Span): Period => ({ period: `${s.from}/${s.to}`, date_from: s.from, date_to: s.to });
const SETTINGS: Thresholds[] = [
  DEFAULT_THRESHOLDS,
  { repeat_min: 4, repeat_days: 60, long_hours: 48 },
  { repeat_min: 2, repeat_days: 30, long_hours: 12 },
  { repeat_min: 3, repeat_days: 89, long_hours: 24 },
];

let dir: string;
let db: Database;
let data: ReturnType<typeof ref.readMissing>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'missing-generated-'));
  writeFileSync(join(dir, 'missing_episodes.csv'), `\uFEFF${episodes.join('\r\n')}\r\n`);
  writeFileSync(join(dir, 'cases.csv'), `${cases.join('\n')}\n`);
  writeFileSync(join(dir, 'offenders.csv'), 'offender_id,first_identified\n');
  db = await Database.open(':memory:');
  const result = await importFolder(db, dir, { source: 'cli' });
  if (!result.ok) throw new Error(result.report);
  data = ref.readMissing(dir);
}, 60_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const asRecord = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

describe('missing views on a generated data set', () => {
  it('match the independent computation for every period', async () => {
    for (const s of PERIODS) {
      const p = periodOf(s);
      expect(asRecord(await missingBreakdown(db, 'episode_type', p, DEFAULT_THRESHOLDS)), s.from).toEqual(ref.episodeTypes(data.episodes, s));
      expect(asRecord(await missingBreakdown(db, 'found_location_type', p, DEFAULT_THRESHOLDS))).toEqual(ref.foundTypes(data.episodes, s));
      expect(asRecord(await missingBreakdown(db, 'found_ward', p, DEFAULT_THRESHOLDS))).toEqual(ref.foundWards(data.episodes, s));
      const heat = ref.heatmap(data.episodes, s);
      for (const c of await startHeatmap(db, p, DEFAULT_THRESHOLDS)) expect(c.count).toBe(heat[`${c.day}|${c.hour}`] ?? 0);
      const conc = await concentration(db, p, DEFAULT_THRESHOLDS);
      const want = ref.concentration(data.episodes, s);
      expect([conc.children.total, conc.children.count, conc.episodes.total, conc.episodes.count]).toEqual([want.children, want.top, want.episodes, want.topEpisodes]);
    }
  });

  it('list the same children as the independent computation and the measures, whatever the thresholds', async () => {
    for (const t of SETTINGS) {
      const measures = await computeMeasures(db, PERIODS.map(periodOf), t);
      for (const s of PERIODS) {
        const label = `${s.from} ${JSON.stringify(t)}`;
        const got = await missingChildren(db, periodOf(s), t);
        const want = ref.children(data, s, t.repeat_min, t.repeat_days);
        expect(got.map((c) => [c.child_id, c.episodes, c.first_start, c.last_start, c.repeat_missing, c.case_open, c.risk_level, c.episodes_from_care]), label)
          .toEqual(want.map((c) => [c.child_id, c.episodes, c.first_start, c.last_start, c.repeat, c.case_open, c.risk_level, c.from_care]));
        const m = measures.get(periodOf(s).period)!;
        expect(got.filter((c) => c.repeat_missing).length, label).toBe(m.repeat_missing_children);
        expect(got.filter((c) => c.repeat_missing && !c.case_open).length, label).toBe(m.repeat_missing_children_without_case);
        expect(m.episodes_over_24h, label).toBe(ref.longEpisodes(data.episodes, s, t.long_hours));
        if (s === PERIODS[3]) expect(Math.min(m.repeat_missing_children!, m.repeat_missing_children_without_case!, m.episodes_over_24h!), label).toBeGreaterThan(0);
      }
    }
  });

  it('applies the boundaries: 89 days is repeat, 90 is not; an episode counts where it starts', async () => {
    const q1 = await missingChildren(db, periodOf(PERIODS[0]), DEFAULT_THRESHOLDS);
    expect(q1.find((c) => c.child_id === 'B89')).toMatchObject({ repeat_missing: true, case_open: true, risk_level: 'high' });
    expect(q1.find((c) => c.child_id === 'B90')).toMatchObject({ repeat_missing: false, case_open: false, risk_level: null });
    expect(q1.find((c) => c.child_id === 'BX')).toMatchObject({ episodes: 1, longest_hours: 1 });
    const q2 = await missingChildren(db, periodOf(PERIODS[2]), DEFAULT_THRESHOLDS);
    expect(q2.find((c) => c.child_id === 'BX')).toBeUndefined();
    const wide = await missingChildren(db, periodOf(PERIODS[0]), { ...DEFAULT_THRESHOLDS, repeat_days: 91 });
    expect(wide.find((c) => c.child_id === 'B90')?.repeat_missing).toBe(true);
  });
});
