// Chart functions render in jsdom through their `document` option.
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { barChart } from '../client/src/charts/bar-chart.ts';
import { columnChart, lineChart, monthTick, tickStep } from '../client/src/charts/month-charts.ts';
import { compareBarChart } from '../client/src/charts/compare-bar-chart.ts';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((t) => t.textContent);

describe('barChart', () => {
  const rows = [
    { key: '14-15', count: 40 },
    { key: 'not_recorded', count: 7 },
    { key: '12-13', count: 25 },
    { key: '0-11', count: null, suppressed: true },
  ];
  const svg = barChart(rows, { document, ariaLabel: 'Cases referred by age band', xLabel: 'Number of cases', yLabel: 'Age band' });

  test('one bar per row; not recorded kept, hatched, labelled and last', () => {
    expect(svg.ownerDocument).toBe(document);
    const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(4);
    expect(texts(svg, 'g[aria-label="bar"] rect title')).toEqual(['14 to 15: 40', '12 to 13: 25', '0 to 11: [c]', 'Not recorded: 7']);
    const hatched = svg.querySelector('g[aria-label="bar"][fill^="url(#not-recorded-hatch-"]')!;
    expect(hatched.querySelectorAll('rect')).toHaveLength(1);
    const id = /url\(#(.+)\)/.exec(hatched.getAttribute('fill')!)![1];
    expect(svg.querySelector(`pattern#${id}`)).not.toBeNull();
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toEqual(['14 to 15', '12 to 13', '0 to 11', 'Not recorded']);
    expect(texts(svg, 'g[aria-label="text"] text')).toEqual(['40', '25', '[c]', '7']);
  });

  test('bar lengths are proportional to counts', () => {
    const widths = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => Number(r.getAttribute('width')));
    expect(widths[1] / widths[0]).toBeCloseTo(25 / 40, 5);
    expect(widths[2]).toBe(0);
  });

  test('accessible name and plain-English axis labels', () => {
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Cases referred by age band');
    expect(svg.querySelector(':scope > title')?.textContent).toBe('Cases referred by age band');
    expect(texts(svg, 'g[aria-label="x-axis label"] text')).toEqual(['Number of cases']);
    expect(texts(svg, 'g[aria-label="y-axis label"] text')).toEqual(['Age band']);
    expect(svg.querySelector('style')).toBeNull(); // Plot's inline <style> would break the CSP
    expect(svg.querySelectorAll('g[aria-label]:not([aria-hidden="true"])')).toHaveLength(0);
  });
});

describe('monthly charts', () => {
  const points = [
    { period: '2024-11', value: 12 },
    { period: '2024-12', value: 8 },
    { period: '2025-01', value: null },
    { period: '2025-02', value: 20 },
  ];

  test('columnChart: one column per month with a value, months on x', () => {
    const svg = columnChart(points, { document, ariaLabel: 'Referrals by month', yLabel: 'Cases referred' });
    expect(svg.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(3);
    expect(texts(svg, 'g[aria-label="bar"] rect title')).toEqual(['Nov 2024: 12', 'Dec 2024: 8', 'Feb 2025: 20']);
    expect(texts(svg, 'g[aria-label="x-axis tick label"] text')).toEqual(['Nov2024', 'Dec', 'Jan2025', 'Feb']);
    expect(texts(svg, 'g[aria-label="x-axis label"] text')).toEqual(['Month']);
    expect(texts(svg, 'g[aria-label="y-axis label"] text')).toEqual(['Cases referred']);
    expect(svg.getAttribute('aria-label')).toBe('Referrals by month');
  });

  test('lineChart: a dot per value and a gap for the missing month', () => {
    const svg = lineChart(points, { document, ariaLabel: 'Missing episodes by month', yLabel: 'Missing episodes' });
    expect(svg.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(3);
    const d = svg.querySelector('g[aria-label="line"] path')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(2); // two segments either side of the null
    expect(monthTick('2025-01', 5)).toBe('Jan\n2025');
    expect(monthTick('2025-02', 5)).toBe('Feb');
  });

  test('narrow charts label every other month so labels do not overlap', () => {
    expect(tickStep(12, 640)).toBe(1);
    expect(tickStep(12, 328)).toBe(2);
    const year = Array.from({ length: 12 }, (_, i) => ({ period: i < 9 ? `2024-${String(i + 4).padStart(2, '0')}` : `2025-0${i - 8}`, value: i }));
    const svg = columnChart(year, { document, ariaLabel: 'Narrow', yLabel: 'Cases referred', width: 328 });
    expect(svg.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(12);
    expect(texts(svg, 'g[aria-label="x-axis tick label"] text')).toEqual(['Apr2024', 'Jun', 'Aug', 'Oct', 'Dec', 'Feb2025']);
  });
});

describe('compareBarChart', () => {
  test('two labelled bars per category, this period then the previous one', () => {
    const svg = compareBarChart([
      { key: 'not_recorded', current: 3, previous: 5 },
      { key: 'F', current: 30, previous: 24 },
    ], { document, ariaLabel: 'Cases by sex, 2024/25 and 2023/24', currentLabel: '2024/25', previousLabel: '2023/24', xLabel: 'Number of cases', yLabel: 'Sex' });
    expect(svg.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(4);
    expect(texts(svg, 'g[aria-label="text"] text')).toEqual(['2024/25: 30', '2023/24: 24', '2024/25: 3', '2023/24: 5']);
    expect(texts(svg, 'g[aria-label="fy-axis tick label"] text')).toEqual(['Female', 'Not recorded']);
    expect(new Set([...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute('fill'))).size).toBe(2);
    expect(svg.getAttribute('aria-label')).toBe('Cases by sex, 2024/25 and 2023/24');
  });
});
