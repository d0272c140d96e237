// The report's sentences (server/report/summary.ts, gaps.ts): written from the
// figures only, with singular/plural, zero and missing previous values, and
// withheld ([c]) figures never stated as numbers.
import { describe, expect, it } from 'vitest';
import { countChange, keyFindings, type SummaryInput } from '../server/report/summary.ts';
import { gapFindings } from '../server/report/gaps.ts';

const input = (current: Record<string, number | null>, previous: Record<string, number | null>, withheld: { current?: string[]; previous?: string[] } = {}): SummaryInput => ({
  current: { label: '2024/25', measures: current, withheld: withheld.current ?? [] },
  previous: { label: '2023/24', measures: previous, withheld: withheld.previous ?? [] },
  ageBands: [],
  thresholds: { repeat_min: 3, repeat_days: 90 },
});
const texts = (i: SummaryInput) => keyFindings(i).map((f) => f.text);

describe('key findings', () => {
  it('states a count with its change against the previous period', () => {
    expect(texts(input({ cases_referred: 98 }, { cases_referred: 92 }))).toEqual([
      '98 cases were referred for CSE concerns in 2024/25, 6.5% more than in 2023/24 (92).',
    ]);
    expect(texts(input({ missing_episodes: 417 }, { missing_episodes: 489 }))).toEqual([
      '417 missing episodes were reported in 2024/25, 14.7% fewer than in 2023/24 (489).',
    ]);
  });

  it('uses the singular for one, "No" for zero, and handles a zero or unknown previous value', () => {
    expect(texts(input({ offenders_identified: 1 }, { offenders_identified: 0 }))).toEqual([
      '1 offender was identified in 2024/25, up from none in 2023/24.',
    ]);
    expect(texts(input({ disruptions: 0 }, { disruptions: 0 }))).toEqual(['No disruption actions were recorded in 2024/25, as in 2023/24.']);
    expect(texts(input({ groups_active: 4 }, { groups_active: null }))).toEqual(['4 groups were active in 2024/25.']);
    expect(texts(input({ cawns_issued: 12 }, { cawns_issued: 12 }))).toEqual([
      '12 child abduction warning notices (CAWNs) were issued in 2024/25, the same as in 2023/24.',
    ]);
  });

  it('never states a withheld number', () => {
    const out = texts(input({ cases_referred: null, children_referred: 40 }, { cases_referred: 30, children_referred: null }, {
      current: ['cases_referred'], previous: ['children_referred'],
    }));
    expect(out).toEqual([
      'The number of cases referred for CSE concerns in 2024/25 is a small number and is withheld ([c]).',
      '40 children were referred in 2024/25; the 2023/24 figure is a small number and is withheld.',
    ]);
    expect(out.join(' ')).not.toMatch(/\b30\b/);
  });

  it('writes percentages with their change in one decimal place, and skips a percentage with no denominator', () => {
    expect(texts(input({ pct_offenders_in_group: 31.5068, pct_rhi_within_72h: null }, { pct_offenders_in_group: 24.59 }))).toEqual([
      '31.5% of offenders identified in 2024/25 belonged to a group, up from 24.6% in 2023/24.',
    ]);
  });

  it('names the largest age group from the age breakdown, unless the cases are withheld', () => {
    const i = input({ cases_referred: 98 }, {});
    i.ageBands = [{ key: '12-13', count: 21 }, { key: '14-15', count: 45 }, { key: 'not_recorded', count: null }];
    expect(texts(i)[1]).toBe('45.9% of cases referred in 2024/25 concerned children aged 14 to 15, the largest age group.');
    const w = input({ cases_referred: null }, {}, { current: ['cases_referred'] });
    w.ageBands = i.ageBands;
    expect(texts(w)).toHaveLength(1);
  });

  it('compares counts exactly', () => {
    expect(countChange(3, { value: 2, withheld: false }, '2023/24')).toBe(', 50.0% more than in 2023/24 (2)');
    expect(countChange(0, { value: 1_200, withheld: false }, '2023/24')).toBe(', 100.0% fewer than in 2023/24 (1,200)');
  });
});

describe('recording gaps', () => {
  it('lists fields not recorded for 10% or more, largest first, with the previous share', () => {
    const current = [
      { field: 'ethnicity_group', denominator: 'cases_referred', pct_not_recorded: 25.51 },
      { field: 'sex', denominator: 'cases_referred', pct_not_recorded: 5.1 },
      { field: 'home_ward', denominator: 'offenders_identified', pct_not_recorded: 34.2466 },
    ];
    const previous = [{ field: 'ethnicity_group', denominator: 'cases_referred', pct_not_recorded: 29.3 }];
    expect(gapFindings(current, previous, { current: '2024/25', previous: '2023/24' })).toEqual([
      'Home ward: not recorded for 34.2% of offenders identified in 2024/25.',
      'Ethnic group: not recorded for 25.5% of cases referred in 2024/25 (29.3% in 2023/24).',
      'The other fields were recorded for more than 90% of records in 2024/25.',
    ]);
  });

  it('says nothing of fields whose share is withheld', () => {
    const out = gapFindings([{ field: 'sex', denominator: 'cases_referred', pct_not_recorded: null }], [], { current: '2024/25', previous: '2023/24' });
    expect(out).toEqual([]);
  });
});
