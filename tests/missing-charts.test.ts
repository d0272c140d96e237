// The missing page's charts render in jsdom: every heatmap cell labelled with
// its count ([c] on hatching when suppressed), the Pareto chart's bars,
// cumulative line and top-group rule, and the multi-line key.
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { heatmapChart, type HeatCell } from '../client/src/charts/heatmap.ts';
import { paretoChart } from '../client/src/charts/pareto.ts';
import { multiLineChart } from '../client/src/charts/multi-line.ts';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((t) => t.textContent);

describe('heatmapChart', () => {
  const days = ['Mon', 'Tue'];
  const hours = ['00', '01', '02'];
  const cells: HeatCell[] = [
    { day: 'Mon', hour: '00', count: 10 }, { day: 'Mon', hour: '01', count: 0 }, { day: 'Mon', hour: '02', count: 3 },
    { day: 'Tue', hour: '00', count: null, suppressed: true }, { day: 'Tue', hour: '01', count: 20 }, { day: 'Tue', hour: '02', count: 1 },
  ];
  const svg = heatmapChart(cells, { document, ariaLabel: 'Starts by day and hour', days, hours, xLabel: 'Hour', yLabel: 'Day' });

  test('labels every cell with its count, [c] when suppressed, on hatching', () => {
    expect(svg.getAttribute('role')).toBe('img');
    expect(texts(svg, 'g[aria-label="text"] text')).toEqual(['10', '0', '3', '[c]', '20', '1']);
    expect(svg.querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(6);
    const hatched = svg.querySelector('g[aria-label="cell"][fill^="url(#not-recorded-hatch-"]')!;
    expect(hatched.querySelectorAll('rect')).toHaveLength(1);
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toEqual(days);
  });

  test('dark cells carry white text', () => {
    const fills = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.getAttribute('fill'));
    expect(fills[4]).toBe('white');
    expect(fills[2]).toBe('black');
  });
});

describe('paretoChart', () => {
  const svg = paretoChart([6, 3, 1], { document, ariaLabel: 'Pareto', top: 1, topLabel: 'Top 10%: 60.0% of episodes', xLabel: 'Children', yLabel: 'Episodes', cumulativeLabel: 'Cumulative %' });

  test('one bar per item, the cumulative line, and the labelled top rule', () => {
    const heights = [...svg.querySelectorAll('g[aria-label="rect"] rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights).toHaveLength(3);
    expect(heights[1] / heights[0]).toBeCloseTo(0.5, 5);
    expect(texts(svg, 'g[aria-label="dot"] title')).toEqual([
      'Child ranked 1: 6; 60.0% of the total up to here',
      'Child ranked 2: 3; 90.0% of the total up to here',
      'Child ranked 3: 1; 100.0% of the total up to here',
    ]);
    expect(texts(svg, 'g[aria-label="text"] text')).toContain('Top 10%: 60.0% of episodes');
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toContain('100%');
  });
});

describe('multiLineChart', () => {
  const svg = multiLineChart([
    { label: 'Episodes', points: [{ period: '2024-04', value: 5 }, { period: '2024-05', value: 7 }] },
    { label: 'Children', points: [{ period: '2024-04', value: 3 }, { period: '2024-05', value: null }] },
  ], { document, ariaLabel: 'By month', yLabel: 'Number', unit: 'count' });

  test('names each series in a key and leaves gaps for missing values', () => {
    expect(texts(svg, 'g[aria-label="text"] text')).toEqual(['Episodes', 'Children']);
    expect(texts(svg, 'g[aria-label="dot"] title')).toEqual(['Episodes, Apr 2024: 5', 'Episodes, May 2024: 7', 'Children, Apr 2024: 3']);
  });
});
