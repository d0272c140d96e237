import { describe, expect, test } from 'vitest';
import {
  displayCount, displayPercent, formatCount, formatDate, formatMonth, formatPercent, formatRate, fyLabel, ratePer10k, roundHalfAway,
} from '../client/src/format.ts';
import {
  asFinancialYear, defaultPeriod, financialYear, fyStartYear, isIsoDate, periodFromParams, periodLabel, previousPeriod,
} from '../client/src/period.ts';
import { codeLabel, setWardNames } from '../client/src/labels.ts';

import { presets } from '../client/src/period-presets.ts';

describe('period presets', () => {
  test('financial and calendar years, financial quarters, rolling 12 months and years to date, from today', () => {
    const groups = presets('2025-11-15');
    const find = (label: string) => groups.flatMap((g) => g.presets).find((p) => p.label === label)?.period;
    expect(groups.map((g) => g.label)).toEqual(['Financial years (April to March)', 'Calendar years', 'Quarters of the financial year', 'Recent months']);
    expect(find('Financial year 2024/25')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(find('Calendar year 2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(groups[2].presets.map((p) => p.label).slice(0, 3)).toEqual([
      'Q2 2025/26 (July to September 2025)', 'Q1 2025/26 (April to June 2025)', 'Q4 2024/25 (January to March 2025)']);
    expect(groups[2].presets[0].period).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(groups[2].presets).toHaveLength(8);
    expect(find('Rolling 12 months (November 2024 to October 2025)')).toEqual({ from: '2024-11-01', to: '2025-10-31' });
    expect(find('Financial year to date (2025/26, April to October 2025)')).toEqual({ from: '2025-04-01', to: '2025-10-31' });
    expect(find('Calendar year to date (January to October 2025)')).toEqual({ from: '2025-01-01', to: '2025-10-31' });
    // Early in a year, a year to date that is a single month or a quarter is offered as such.
    expect(presets('2025-04-10')[3].presets.map((p) => p.label)).toEqual(['Rolling 12 months (April 2024 to March 2025)']);
  });
});

describe('format', () => {
  test('percentages round half away from zero to one decimal place, despite float error', () => {
    expect(roundHalfAway(12.25)).toBe(12.3);
    expect(roundHalfAway(12.35)).toBe(12.4); // 12.35 is 12.3499999… in binary
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-12.25)).toBe(-12.3);
    expect(roundHalfAway(0.04)).toBe(0);
    expect(formatPercent(12.25)).toBe('12.3%');
    expect(formatPercent(12.35)).toBe('12.4%');
    expect(formatPercent(100 / 3)).toBe('33.3%');
    expect(formatPercent(50)).toBe('50.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  test('null percentage shows a dash explained as no denominator', () => {
    expect(formatPercent(null)).toBe('–');
    expect(displayPercent(null)).toEqual({ text: '–', title: 'no denominator' });
    expect(displayPercent(7.45)).toEqual({ text: '7.5%' });
  });

  test('counts use thousands separators; suppressed counts show [c]', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(displayCount(3, true).text).toBe('[c]');
    expect(displayCount(null).text).toBe('[c]');
    expect(displayCount(1204).text).toBe('1,204');
  });

  test('UK dates, months and financial years', () => {
    expect(formatDate('2024-04-01')).toBe('01/04/2024');
    expect(formatDate('2025-03-31 17:45:00')).toBe('31/03/2025');
    expect(formatMonth('2024-11')).toBe('Nov 2024');
    expect(fyLabel(2024)).toBe('2024/25');
    expect(fyLabel(1999)).toBe('1999/00');
    expect(fyLabel(2009)).toBe('2009/10');
  });

  test('rates per 10,000 children', () => {
    expect(ratePer10k(45, 30000)).toBe(15);
    expect(formatRate(ratePer10k(7, 21437))).toBe('3.3');
    expect(ratePer10k(5, null)).toBeNull();
    expect(formatRate(null)).toBe('–');
  });

  test('codes read as plain English', () => {
    expect(codeLabel('not_recorded')).toBe('Not recorded');
    expect(codeLabel('12-13')).toBe('12 to 13');
    expect(codeLabel('over_72h')).toBe('Over 72 hours');
    expect(codeLabel('social_care')).toBe('Social care');
    expect(codeLabel('gifts_money')).toBe('Gifts/money');
    expect(codeLabel('boyfriend_girlfriend')).toBe('Boyfriend/girlfriend');
    setWardNames([{ code: 'E05000650', name: 'Ashby North' }, { code: 'E05000651', name: null }]);
    expect(codeLabel('E05000650')).toBe('Ashby North (E05000650)');
    expect(codeLabel('E05000651')).toBe('E05000651 (no name held)');
    expect(codeLabel('E05000652')).toBe('E05000652 (no name held)');
    setWardNames([]);
  });
});

describe('period', () => {
  test('default period is the last complete financial year before today', () => {
    expect(defaultPeriod('2025-11-22')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(defaultPeriod('2025-04-01')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(defaultPeriod('2025-03-31')).toEqual({ from: '2023-04-01', to: '2024-03-31' });
  });

  test('financial years and labels', () => {
    expect(fyStartYear('2025-03-31')).toBe(2024);
    expect(fyStartYear('2025-04-01')).toBe(2025);
    expect(asFinancialYear(financialYear(2023))).toBe(2023);
    expect(asFinancialYear({ from: '2023-04-01', to: '2024-03-30' })).toBeNull();
    expect(periodLabel(financialYear(2024))).toBe('2024/25');
    expect(periodLabel({ from: '2024-04-01', to: '2024-06-30' })).toBe('01/04/2024 to 30/06/2024');
  });

  test('period from URL parameters is null when missing, invalid or reversed', () => {
    expect(periodFromParams(new URLSearchParams('from=2024-04-01&to=2025-03-31'))).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(periodFromParams(new URLSearchParams('from=2024-04-01'))).toBeNull();
    expect(periodFromParams(new URLSearchParams('from=2024-02-30&to=2025-03-31'))).toBeNull();
    expect(periodFromParams(new URLSearchParams('from=2025-04-01&to=2025-03-31'))).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  test('previous period: previous financial year, same months, or same length before', () => {
    expect(previousPeriod(financialYear(2024))).toEqual({ from: '2023-04-01', to: '2024-03-31' });
    expect(previousPeriod({ from: '2024-04-01', to: '2024-06-30' })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(previousPeriod({ from: '2024-03-10', to: '2024-03-19' })).toEqual({ from: '2024-02-29', to: '2024-03-09' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod({ from: '2023-12-01', to: '2024-02-29' })).toEqual({ from: '2023-09-01', to: '2023-11-30' });
    expect(previousPeriod({ from: '2024-01-15', to: '2024-02-14' })).toEqual({ from: '2023-12-15', to: '2024-01-14' });
    expect(previousPeriod({ from: '2024-05-05', to: '2024-05-05' })).toEqual({ from: '2024-05-04', to: '2024-05-04' });
    // A year to date compares with the same months of the year before (leap years included).
    expect(previousPeriod({ from: '2025-04-01', to: '2025-10-31' })).toEqual({ from: '2024-04-01', to: '2024-10-31' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-02-28' })).toEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(previousPeriod({ from: '2024-04-01', to: '2024-05-31' })).toEqual({ from: '2023-04-01', to: '2023-05-31' });
  });
});
