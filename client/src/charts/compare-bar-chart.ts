// This period against the previous one, category by category: a pair of bars
// per category, each labelled with its period and value (not colour alone).
import * as Plot from '@observablehq/plot';
import { formatCount, SUPPRESSED } from '../format.ts';
import { codeLabel, NOT_RECORDED } from '../labels.ts';
import { PRIMARY, SECONDARY } from './palette.ts';
import { clipLabel, countTick, fitWidth, labelMargin, renderPlot, type ChartBase } from './svg.ts';

export interface CompareDatum {
  key: string;
  current: number | null;
  previous: number | null;
}

export interface CompareBarChartOptions extends ChartBase {
  /** Labels of the two periods, e.g. '2024/25' and '2023/24'. */
  currentLabel: string;
  previousLabel: string;
  xLabel: string;
  yLabel: string;
  label?: (key: string) => string;
}

interface Bar {
  category: string;
  period: string;
  value: number;
  text: string;
}

export function compareBarChart(rows: CompareDatum[], options: CompareBarChartOptions): SVGSVGElement {
  const label = options.label ?? codeLabel;
  const ordered = [...rows.filter((r) => r.key !== NOT_RECORDED), ...rows.filter((r) => r.key === NOT_RECORDED)];
  const bar = (r: CompareDatum, period: string, v: number | null): Bar => ({
    category: label(r.key),
    period,
    value: v ?? 0,
    text: `${period}: ${v === null ? SUPPRESSED : formatCount(v)}`,
  });
  const bars = ordered.flatMap((r) => [bar(r, options.currentLabel, r.current), bar(r, options.previousLabel, r.previous)]);
  const categories = ordered.map((r) => label(r.key));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = fitWidth(options.width ?? 640, options.document);
  const marginLeft = labelMargin([...categories, options.yLabel], 60, 260, width);
  return renderPlot({
    height: Math.max(140, categories.length * 56 + 70),
    marginLeft,
    // Room for '2024/25: 1,234' after the longest bar.
    marginRight: width < 480 ? 96 : 120,
    marginBottom: 44,
    x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', domain: [0, max], nice: true, grid: true, tickFormat: countTick },
    y: { axis: null, domain: [options.currentLabel, options.previousLabel] },
    fy: { label: options.yLabel, domain: categories, axis: 'left', padding: 0.15, tickFormat: (l: string) => clipLabel(l, marginLeft) },
    color: { domain: [options.currentLabel, options.previousLabel], range: [PRIMARY, SECONDARY] },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'period', fy: 'category', fill: 'period', title: 'text' }),
      Plot.text(bars, { x: 'value', y: 'period', fy: 'category', text: 'text', textAnchor: 'start', dx: 5, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }, { ...options, width });
}
