// The missing page's views and lists against an independent computation over
// the acceptance CSVs (tests/reference/missing-reference.ts), for every period of
// expected.json (they include the boundary cases: 89 vs 90 days, exactly 24
// hours, episodes across a period boundary), with default and other thresholds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { computeMeasures } from '../server/measures/run.ts';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../server/measures/params.ts';
import { concentration, missingBreakdown, monthlySeries, referredMissing, startHeatmap } from '../server/missing/views.ts';
import { missingChildren, missingList } from '../server/missing/children.ts';
import type { Period } from '../server/period.ts';
import * as ref from './reference/missing-reference.ts';
import { fixturePath, acceptanceExpected } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const expected = acceptanceExpected();
const spans: ref.Span[] = expected.map((e) => ({ from: e.from, to: e.to }));
const periodOf = (s: ref.Span): Period => ({ period: `${s.from}/${s.to}`, date_from: s.from, date_to: s.to });
const data = ref.readMissing(`${ACCEPTANCE}extracts`);
const T = (t: Partial<Thresholds> = {}): Thresholds => ({ ...DEFAULT_THRESHOLDS, ...t });
const asRecord = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
  const result = await importFolder(db, `${ACCEPTANCE}extracts`, { source: 'cli' });
  expect(result.ok).toBe(true);
}, 60_000);
afterAll(() => db.close());

describe('missing views', () => {
  it('counts episodes by type, and where children were found by location type and ward', async () => {
    for (const s of spans) {
      expect(asRecord(await missingBreakdown(db, 'episode_type', periodOf(s), T())), `${s.from} type`).toEqual(ref.episodeTypes(data.episodes, s));
      expect(asRecord(await missingBreakdown(db, 'found_location_type', periodOf(s), T())), `${s.from} found type`).toEqual(ref.foundTypes(data.episodes, s));
      expect(asRecord(await missingBreakdown(db, 'found_ward', periodOf(s), T())), `${s.from} found ward`).toEqual(ref.foundWards(data.episodes, s));
    }
    // Every episode has one type (missing by default), so the types add up to missing_episodes of expected.json.
    for (const e of expected) {
      const types = await missingBreakdown(db, 'episode_type', periodOf(e), T());
      expect(types.reduce((n, r) => n + r.count, 0), `${e.from} types`).toBe(e.measures.missing_episodes);
      expect(types.every((r) => r.key === 'missing' || r.key === 'away')).toBe(true);
    }
  });

  it('puts every episode start in its day-of-week × hour cell', async () => {
    for (const s of spans) {
      const cells = await startHeatmap(db, periodOf(s), T());
      expect(cells).toHaveLength(168);
      expect(cells[0]).toMatchObject({ day: 'Mon', hour: '00' });
      const want = ref.heatmap(data.episodes, s);
      for (const c of cells) expect(c.count, `${s.from} ${c.day} ${c.hour}`).toBe(want[`${c.day}|${c.hour}`] ?? 0);
      expect(cells.reduce((n, c) => n + c.count, 0)).toBe(expected[spans.indexOf(s)].measures.missing_episodes);
    }
  });

  it('gives the share of episodes from the most frequently missing 10% of children', async () => {
    for (const s of spans) {
      const got = await concentration(db, periodOf(s), T());
      const want = ref.concentration(data.episodes, s);
      expect(got.children).toEqual({ total: want.children, count: want.top });
      expect(got.episodes.total).toBe(want.episodes);
      expect(got.episodes.count).toBe(want.topEpisodes);
      expect(got.episodes.pct_top).toBeCloseTo((100 * want.topEpisodes) / want.episodes, 9);
      expect(got.distribution.reduce((n, r) => n + r.count, 0)).toBe(want.children);
      expect(got.distribution.reduce((n, r) => n + Number(r.key) * r.count, 0)).toBe(want.episodes);
    }
    // The totals are measures of expected.json; the top tenth is rounded up (ceil), at least one child.
    for (const e of expected) {
      const got = await concentration(db, periodOf(e), T());
      expect([got.children.total, got.episodes.total], e.from).toEqual([e.measures.children_missing, e.measures.missing_episodes]);
      expect(got.children.count).toBe(Math.ceil((e.measures.children_missing as number) / 10));
    }
  });

  it('gives the counts behind pct_referred_children_missing', async () => {
    for (const e of expected) {
      const r = await referredMissing(db, periodOf(e), T());
      expect(r.total).toBe(e.measures.children_referred);
      if (e.measures.pct_referred_children_missing === null) expect(r.pct_missing).toBeNull();
      else expect(r.pct_missing).toBeCloseTo(e.measures.pct_referred_children_missing, 9);
    }
  });

  it('follows the measures month by month, long episodes with long_hours', async () => {
    const fy = periodOf(spans[0]);
    for (const [hours, want] of [[24, expected[0].measures.episodes_over_24h], [48, expected[0].variants.episodes_over_48h]] as const) {
      const series = await monthlySeries(db, fy, T({ long_hours: hours }));
      const sum = (id: string) => series.find((s) => s.measure === id)!.points.reduce((n, p) => n + (p.value ?? 0), 0);
      expect(series.find((s) => s.measure === 'missing_episodes')!.points.map((p) => p.period)).toHaveLength(12);
      expect(sum('missing_episodes')).toBe(expected[0].measures.missing_episodes);
      expect(sum('episodes_over_24h')).toBe(want);
      expect(sum('episodes_over_24h')).toBe(ref.longEpisodes(data.episodes, spans[0], hours));
      const rhi = series.find((s) => s.measure === 'pct_rhi_within_72h')!.points;
      expect(rhi.every((p) => typeof p.denominator === 'number')).toBe(true);
      expect(rhi.reduce((n, p) => n + (p.denominator ?? 0), 0)).toBe(expected[0].measures.episodes_returned);
    }
  });
});

describe('missing lists', () => {
  const settings: [string, Partial<Thresholds>, string | null][] = [
    ['defaults', {}, null],
    ['4 in 60 days', { repeat_min: 4, repeat_days: 60 }, 'repeat_4_in_60'],
    ['2 in 30 days', { repeat_min: 2, repeat_days: 30 }, 'repeat_2_in_30'],
  ];
  for (const [name, t, variant] of settings) {
    it(`lists the repeatedly missing children (${name}) with their episodes, case and risk`, async () => {
      const th = T(t);
      for (const e of expected) {
        const s = { from: e.from, to: e.to };
        const want = ref.children(data, s, th.repeat_min, th.repeat_days).filter((c) => c.repeat);
        const got = await missingList(db, 'repeat', periodOf(s), th);
        expect(got.map((c) => [c.child_id, c.episodes]), `${s.from} ${name}`).toEqual(want.map((c) => [c.child_id, c.episodes]));
        expect(got.length).toBe(variant ? e.variants[variant] : e.measures.repeat_missing_children);
        got.forEach((c, i) => {
          const w = want[i];
          expect([c.first_start, c.last_start, c.case_open, c.risk_level]).toEqual([w.first_start, w.last_start, w.case_open, w.risk_level]);
          if (w.longest_hours === null) expect(c.longest_hours).toBeNull();
          else expect(c.longest_hours).toBeCloseTo(w.longest_hours, 6);
        });
        const without = await missingList(db, 'repeat-without-case', periodOf(s), th);
        const measures = (await computeMeasures(db, [periodOf(s)], th)).get(periodOf(s).period)!;
        expect(without.length, `${s.from} ${name} without case`).toBe(measures.repeat_missing_children_without_case);
        expect(without.map((c) => c.child_id)).toEqual(want.filter((c) => !c.case_open).map((c) => c.child_id));
      }
    });
  }

  it('uses the very definition of the measures: list lengths equal the measures for every period', async () => {
    for (const e of expected) {
      expect((await missingList(db, 'repeat-without-case', periodOf(e), T())).length).toBe(e.measures.repeat_missing_children_without_case);
    }
  });

  it('lists children with a case open who went missing from care', async () => {
    for (const s of spans) {
      const want = ref.children(data, s, 3, 90).filter((c) => c.case_open && c.from_care > 0);
      const got = await missingList(db, 'from-care', periodOf(s), T());
      expect(got.map((c) => [c.child_id, c.episodes_from_care, c.risk_level]), s.from).toEqual(want.map((c) => [c.child_id, c.from_care, c.risk_level]));
    }
    const all = await missingChildren(db, periodOf(spans[0]), T());
    expect(all).toHaveLength(expected[0].measures.children_missing as number);
  });
});
