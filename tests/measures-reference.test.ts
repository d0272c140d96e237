// Every measure and breakdown of measures.md, over generated quirky extract
// sets (tests/reference/quirky-data.ts; one of them as XLSX workbooks with
// typed date and number cells) imported through the real import, read
// over the real API and compared with an independent TypeScript computation
// (tests/reference/measures-reference.ts): counts exactly, percentages to 1e-9,
// for several seeds, periods and thresholds. The reference itself is checked
// against the acceptance data's independently computed expected.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFolder } from '../server/import/index.ts';
import { BREAKDOWNS, MEASURES } from '../server/measures/definitions.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { parseExtracts, readExtractFolder, type RefData } from './reference/extracts-reference.ts';
import { REF_DEFAULTS, referenceBreakdowns, referenceMeasures, type RefThresholds } from './reference/measures-reference.ts';
import { QUIRKY_PERIODS, quirkyExtracts } from './reference/quirky-data.ts';
import { quirkyWorkbooks } from './reference/quirky-xlsx.ts';
import { dayOfIso } from './reference/values-reference.ts';
import { fixturePath, acceptanceExpected } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/');
const SETS: [number, 'csv' | 'xlsx'][] = [[11, 'csv'], [23, 'csv'], [47, 'xlsx']];
/** Financial years, a quarter, a single day, mid-month to mid-month, five years, and a period with no data. */
const PERIODS: [string, string][] = [...QUIRKY_PERIODS, ['2010-01-01', '2010-12-31']];
const THRESHOLDS: Partial<RefThresholds>[] = [
  {}, { repeat_min: 4, repeat_days: 60 }, { repeat_min: 2, repeat_days: 30 }, { long_hours: 48 }, { long_hours: 6 },
  { repeat_min: 2, repeat_days: 1, long_hours: 72 },
];

type Figure = number | null | undefined;
/** Counts differ by at least 1, so one tolerance checks counts exactly and percentages to 1e-9. */
const same = (got: Figure, want: Figure) =>
  got === want || (typeof got === 'number' && typeof want === 'number' && Math.abs(got - want) < 1e-9);

/** Every figure that differs, as `label: got … want …`. */
function differences(label: string, got: Record<string, Figure>, want: Record<string, Figure>): string[] {
  const keys = [...new Set([...Object.keys(got), ...Object.keys(want)])].sort();
  return keys.filter((k) => !same(got[k], want[k])).map((k) => `${label} ${k}: got ${got[k]} want ${want[k]}`);
}

describe.each(SETS)('quirky extracts, seed %i as %s', (seed, format) => {
  let folder: string;
  let server: TestServer;
  let ref: RefData;

  beforeAll(async () => {
    const files = quirkyExtracts(seed);
    folder = mkdtempSync(join(tmpdir(), 'quirky-extracts-'));
    const contents: Record<string, string | Buffer> = format === 'csv' ? files : await quirkyWorkbooks(seed, files);
    for (const [name, data] of Object.entries(contents)) writeFileSync(join(folder, `${name}.${format}`), data);
    ref = parseExtracts(files);
    const db = await Database.open(':memory:');
    const result = await importFolder(db, folder, { source: 'cli' });
    expect(result.ok ? [] : result.report).toEqual([]);
    server = await startTestServer({ db });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    server?.db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('imports every row', () => {
    expect(ref.cases.length).toBe(300);
    expect(ref.episodes.length).toBeGreaterThanOrEqual(1500);
  });

  it('answers every measure as the reference does, for every period and threshold', async () => {
    const diffs: string[] = [];
    for (const [from, to] of PERIODS) {
      const answers = await Promise.all(THRESHOLDS.map((t) => {
        const query = new URLSearchParams({ from, to, ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, String(v)])) });
        return server.get(`/api/measures?${query}`);
      }));
      answers.forEach((res, i) => {
        const t = THRESHOLDS[i];
        expect(res.status).toBe(200);
        expect(Object.keys(res.body.measures).sort()).toEqual(MEASURES.map((m) => m.id).sort());
        const want = referenceMeasures(ref, dayOfIso(from), dayOfIso(to), { ...REF_DEFAULTS, ...t });
        diffs.push(...differences(`${from}–${to} ${JSON.stringify(t)}`, res.body.measures, want));
      });
    }
    expect(diffs).toEqual([]);
  }, 30_000);

  it('answers every breakdown as the reference does, for every period', async () => {
    const diffs: string[] = [];
    for (const [from, to] of PERIODS) {
      const want = referenceBreakdowns(ref, dayOfIso(from), dayOfIso(to));
      expect(BREAKDOWNS.map((b) => `${b.subject}/${b.dimension}`).sort()).toEqual(Object.keys(want).sort());
      const answers = await Promise.all(
        BREAKDOWNS.map((b) => server.get(`/api/breakdowns/${b.subject}/${b.dimension}?from=${from}&to=${to}`)),
      );
      answers.forEach((res, i) => {
        const key = `${BREAKDOWNS[i].subject}/${BREAKDOWNS[i].dimension}`;
        expect(res.status).toBe(200);
        const rows: { key: string; count: number }[] = res.body.rows;
        expect(rows.every((r) => r.count > 0), key).toBe(true);
        expect(new Set(rows.map((r) => r.key)).size, key).toBe(rows.length);
        diffs.push(...differences(`${from}–${to} ${key}`, Object.fromEntries(rows.map((r) => [r.key, r.count])), want[key]));
      });
    }
    expect(diffs).toEqual([]);
  }, 30_000);
});

describe('the reference computation', () => {
  const VARIANTS: Record<string, [Partial<RefThresholds>, string]> = {
    repeat_4_in_60: [{ repeat_min: 4, repeat_days: 60 }, 'repeat_missing_children'],
    repeat_2_in_30: [{ repeat_min: 2, repeat_days: 30 }, 'repeat_missing_children'],
    episodes_over_48h: [{ long_hours: 48 }, 'episodes_over_24h'],
  };

  it('reproduces the acceptance expected.json (every measure, breakdown and variant)', () => {
    const data = readExtractFolder(`${ACCEPTANCE}extracts`);
    const expected = acceptanceExpected();
    const diffs: string[] = [];
    for (const e of expected) {
      const [from, to] = [dayOfIso(e.from), dayOfIso(e.to)];
      diffs.push(...differences(`${e.from}–${e.to}`, referenceMeasures(data, from, to), e.measures));
      const breakdowns = referenceBreakdowns(data, from, to);
      for (const [key, want] of Object.entries(e.breakdowns)) diffs.push(...differences(`${e.from}–${e.to} ${key}`, breakdowns[key], want));
      for (const [name, want] of Object.entries(e.variants)) {
        const [t, id] = VARIANTS[name];
        diffs.push(...differences(`${e.from}–${e.to} ${name}`, { [id]: referenceMeasures(data, from, to, { ...REF_DEFAULTS, ...t })[id] }, { [id]: want }));
      }
    }
    expect(diffs).toEqual([]);
    expect(expected.length).toBe(5);
  });
});
