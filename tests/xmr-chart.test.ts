// @vitest-environment jsdom
// The XmR chart, variation icons, legend and trend tables in jsdom; the page's
// series window and labels against the server's periods.
import { describe, expect, test } from 'vitest';
import { xmrChart, periodLabel, type XmrPoint } from '../client/src/charts/xmr.ts';
import { latestVariation, variationIcon, xmrLegend } from '../client/src/charts/xmr-icons.ts';
import { MDC } from '../client/src/charts/xmr-style.ts';
import { summaryTable, xmrTable, yearOnYearTable, type TrendSeries } from '../client/src/components/trend-tables.ts';
import { changeOf, pctChangeOf } from '../client/src/components/card.ts';
import { seriesLabels, seriesWindow } from '../client/src/pages/trends.ts';
import { seriesPeriods } from '../server/period.ts';
import { xmr } from '../server/trends/xmr.ts';

const periods = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10'];
const values = [10, 12, 11, 13, 12, 11, 12, null, 13, 40];
const points: XmrPoint[] = xmr(values, { unit: 'count', direction: 'lower', baselineN: 7 }).map((p, i) => ({ period: periods[i], ...p }));
const texts = (el: Element, sel: string) => [...el.querySelectorAll(sel)].map((t) => t.textContent);

describe('xmrChart', () => {
  const svg = xmrChart(points, { ariaLabel: 'XmR chart of missing episodes', unit: 'count', baselineN: 7 });

  test('is an accessible svg with one point per value, coloured and shaped by signal', () => {
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('XmR chart of missing episodes');
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] path')];
    expect(dots).toHaveLength(9); // the null month has no point
    const last = dots[8];
    expect(last.getAttribute('fill')).toBe(MDC.concern); // 40 beyond ucl, lower is better
    expect(dots[0].getAttribute('fill')).toBe(MDC.common);
    expect(last.getAttribute('d')).not.toBe(dots[0].getAttribute('d')); // a square, not a circle
    expect(last.querySelector('title')?.textContent).toBe('Oct 2024: 40\nSpecial cause: concern (beyond a process limit)');
  });

  test('draws the mean in black and both limits dashed, as steps, and marks the end of the baseline', () => {
    const lines = [...svg.querySelectorAll('g[aria-label="line"]')];
    expect(lines.map((l) => [l.getAttribute('stroke'), l.getAttribute('stroke-dasharray')])).toEqual([
      [MDC.limit, '5,3'], [MDC.limit, '5,3'], [MDC.mean, null], [MDC.common, null],
    ]);
    expect(svg.querySelector('g[aria-label="rule"] + g[aria-label="line"]')).not.toBeNull();
    expect(texts(svg, 'g[aria-label="text"] text')).toEqual(['end of baseline']);
  });

  test('labels quarters Qn YYYY', () => {
    const q = xmrChart([{ ...points[0], period: '2024-Q2' }, { ...points[1], period: '2024-Q3' }], { ariaLabel: 'q', unit: 'count' });
    expect(texts(q, 'g[aria-label="x-axis tick label"] text')).toEqual(['Q2 2024', 'Q3 2024']);
    expect(periodLabel('2025-Q1')).toBe('Q1 2025');
    expect(periodLabel('2025-03')).toBe('Mar 2025');
  });
});

describe('variation icons', () => {
  test('latest point: outside above ucl is high concern when lower is better', () => {
    expect(latestVariation(points)).toEqual({ signal: 'concern', side: 'high' });
    const icon = variationIcon(latestVariation(points));
    expect(icon.getAttribute('aria-label')).toBe('Special cause: concern, high values');
    expect(icon.querySelector('circle')?.getAttribute('stroke')).toBe(MDC.concern);
    expect(icon.querySelector('text')?.textContent).toBe('H');
  });

  test('common cause when the latest point has no rule; trends read their direction', () => {
    expect(latestVariation(points.slice(0, 7))).toEqual({ signal: 'none', side: null });
    expect(variationIcon({ signal: 'none', side: null }).querySelector('text')).toBeNull();
    const falling = xmr([20, 19, 18, 17, 16, 15, 14], { unit: 'count', direction: 'neither' }).map((p, i) => ({ period: periods[i], ...p }));
    expect(latestVariation(falling)).toEqual({ signal: 'neutral', side: 'low' });
  });

  test('the legend names every signal with its shape', () => {
    const legend = xmrLegend();
    expect(texts(legend, 'li').map((t) => t?.trim())).toEqual([
      'Common cause', 'Special cause: improvement', 'Special cause: concern', 'Special cause: neither better nor worse',
      'Mean', 'Process limits (mean ± 2.66 × mean moving range)',
    ]);
    expect(legend.querySelectorAll('path')).toHaveLength(4);
  });
});

describe('trend tables', () => {
  const series: TrendSeries = { measure: 'missing_episodes', label: 'Missing episodes', unit: 'count', direction: 'lower', points };

  test('the chart table has every point with mean, limits and variation', () => {
    const t = xmrTable(series, 'Missing episodes by month');
    const rows = [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toHaveLength(10);
    // baseline 10,12,11,13,12,11,12: mean 81/7 = 11.571; mR 2,1,2,1,1,1 → 8/6; ucl 11.571 + 3.547 = 15.12
    expect(rows[0]).toEqual(['Jan 2024', '10', '11.6', '8.0', '15.1', 'Common cause']);
    expect(rows[7]).toEqual(['Aug 2024', '[c]', '11.6', '8.0', '15.1', '–']);
    expect(rows[9][5]).toBe('Special cause: concern (beyond a process limit)');
  });

  test('the summary shows the latest value, mean and variation of each chart', () => {
    const t = summaryTable([series], 'Summary');
    expect([...t.querySelectorAll('tbody tr > *')].map((c) => c.textContent)).toEqual([
      'Missing episodes', 'Oct 2024', '40', '11.6', 'Special cause: concern, high values',
    ]);
  });

  test('year on year: values, change and % change', () => {
    const t = yearOnYearTable(
      [{ id: 'cases_referred', label: 'Cases referred', unit: 'count' }, { id: 'pct_rhi_within_72h', label: 'RHI within 72h', unit: 'percent' }],
      { label: '2023/24', values: { cases_referred: 80, pct_rhi_within_72h: 40 } },
      { label: '2024/25', values: { cases_referred: 98, pct_rhi_within_72h: 42.82238442822384 } },
      'Year on year');
    expect(texts(t, 'thead th')).toEqual(['Measure', '2023/24', '2024/25', 'Change', '% change']);
    expect([...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Cases referred', '80', '98', '+18', '+22.5%'],
      ['RHI within 72h', '40.0%', '42.8%', '+2.8 percentage points', '+7.1%'],
    ]);
    expect(changeOf(5, 5)).toBe(0);
    expect(changeOf(3, 5)).toBe(-2);
    expect(changeOf(null, 5)).toBeNull();
    expect(pctChangeOf(3, 0)).toBeNull();
    expect(pctChangeOf(null, 4)).toBeNull();
    expect(pctChangeOf(98, 80)).toBeCloseTo(22.5, 10);
  });
});

describe('trends page series window', () => {
  test('a financial year is extended back to 36 months; a longer period is kept', () => {
    expect(seriesWindow({ from: '2024-04-01', to: '2025-03-31' })).toEqual({ from: '2022-04-01', to: '2025-03-31' });
    expect(seriesWindow({ from: '2020-01-15', to: '2025-03-31' })).toEqual({ from: '2020-01-15', to: '2025-03-31' });
  });

  test('labels agree with the server periods', () => {
    for (const [from, to] of [['2022-04-01', '2025-03-31'], ['2023-02-15', '2024-11-02']]) {
      for (const interval of ['month', 'quarter'] as const) {
        expect(seriesLabels({ from, to }, interval)).toEqual(seriesPeriods(from, to, interval).map((p) => p.period));
      }
    }
  });
});
