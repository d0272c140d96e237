// A monthly series (x = month 'YYYY-MM'): columns or a line with points.
// Missing values (null) leave a gap rather than a false zero.
import * as Plot from '@observablehq/plot';
import { formatCount, formatMonth } from '../format.ts';
import { PRIMARY } from './palette.ts';
import { countTick, renderPlot, type ChartBase } from './svg.ts';

export interface MonthPoint {
  /** 'YYYY-MM' */
  period: string;
  value: number | null;
}

export interface MonthChartOptions extends ChartBase {
  /** Axis label of the values, e.g. 'Cases referred'. */
  yLabel: string;
  /** Axis label of the months; 'Month' by default. */
  xLabel?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Tick of a month: 'Apr', with the year under the first tick and under the first
 * tick of each year (ticks are every `step` months, so that is a month <= step).
 */
export function monthTick(ym: string, i: number, step = 1): string {
  const m = +ym.slice(5, 7);
  const month = MONTHS[m - 1] ?? ym;
  return i === 0 || m <= step ? `${month}\n${ym.slice(0, 4)}` : month;
}

/** Months between ticks so that labels (about 38px each) do not overlap. */
export function tickStep(months: number, width: number): number {
  return Math.max(1, Math.ceil((months * 38) / Math.max(1, width - 76)));
}

function frame(points: MonthPoint[], options: MonthChartOptions): Plot.PlotOptions {
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const step = tickStep(points.length, options.width ?? 640);
  const ticks = points.filter((_, i) => i % step === 0).map((p) => p.period);
  return {
    height: 300,
    marginLeft: 56,
    marginBottom: 56,
    x: {
      label: options.xLabel ?? 'Month', labelAnchor: 'center', labelArrow: 'none', domain: points.map((p) => p.period),
      ticks, tickFormat: (d: string, i: number) => monthTick(d, i, step), tickSize: 0,
    },
    y: { label: options.yLabel, labelAnchor: 'top', labelArrow: 'none', domain: [0, max], nice: true, grid: true, tickFormat: countTick },
  };
}

const tip = (p: MonthPoint) => `${formatMonth(p.period)}: ${p.value === null ? 'no value' : formatCount(p.value)}`;

export function columnChart(points: MonthPoint[], options: MonthChartOptions): SVGSVGElement {
  const drawn = points.filter((p) => p.value !== null);
  return renderPlot({
    ...frame(points, options),
    marks: [
      Plot.barY(drawn, { x: 'period', y: 'value', fill: PRIMARY, title: tip, inset: 2 }),
      Plot.ruleY([0]),
    ],
  }, options);
}

export function lineChart(points: MonthPoint[], options: MonthChartOptions): SVGSVGElement {
  return renderPlot({
    ...frame(points, options),
    x: { ...frame(points, options).x, type: 'point', padding: 0.5 },
    marks: [
      Plot.lineY(points, { x: 'period', y: 'value', stroke: PRIMARY, strokeWidth: 2 }),
      Plot.dot(points.filter((p) => p.value !== null), { x: 'period', y: 'value', fill: PRIMARY, r: 3.5, title: tip }),
      Plot.ruleY([0]),
    ],
  }, options);
}
