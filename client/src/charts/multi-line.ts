// Several monthly series on one chart (x = month 'YYYY-MM'). Each series has
// its own colour, dash pattern and point shape, and is named in a key drawn
// above the plot (top right), so series are told apart without colour.
import * as Plot from '@observablehq/plot';
import { formatCount, formatMonth, formatPercent } from '../format.ts';
import { monthTick, tickStep, type MonthPoint } from './month-charts.ts';
import { ACCENT, PRIMARY, SECONDARY } from './palette.ts';
import { countTick, renderPlot, type ChartBase } from './svg.ts';

export interface LineSeries {
  label: string;
  points: MonthPoint[];
}

export interface MultiLineOptions extends ChartBase {
  yLabel: string;
  unit: 'count' | 'percent';
}

const STYLES = [
  { stroke: PRIMARY, dash: null, symbol: 'circle' },
  { stroke: SECONDARY, dash: '6 3', symbol: 'square' },
  { stroke: ACCENT, dash: '2 3', symbol: 'triangle' },
] as const;

export function multiLineChart(series: LineSeries[], options: MultiLineOptions): SVGSVGElement {
  const months = series[0]?.points.map((p) => p.period) ?? [];
  const step = tickStep(months.length, options.width ?? 640);
  const ticks = months.filter((_, i) => i % step === 0);
  const show = (v: number | null) => (options.unit === 'percent' ? formatPercent(v) : formatCount(v));
  const max = options.unit === 'percent' ? 100 : Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value ?? 0)));
  const keyRows = series.map((s, i) => ({ label: s.label, i }));
  const marks = series.flatMap((s, i) => {
    const st = STYLES[i % STYLES.length];
    const tip = (p: MonthPoint) => `${s.label}, ${formatMonth(p.period)}: ${p.value === null ? 'no value' : show(p.value)}`;
    return [
      Plot.lineY(s.points, { x: 'period', y: 'value', stroke: st.stroke, strokeWidth: 2, strokeDasharray: st.dash ?? undefined }),
      Plot.dot(s.points.filter((p) => p.value !== null), { x: 'period', y: 'value', stroke: st.stroke, fill: st.stroke, symbol: st.symbol, r: 3.5, title: tip }),
    ];
  });
  return renderPlot({
    height: 300 + series.length * 18,
    marginTop: 20 + series.length * 18,
    marginLeft: 56,
    marginBottom: 56,
    x: { type: 'point', padding: 0.5, label: 'Month', labelAnchor: 'center', labelArrow: 'none', domain: months, ticks, tickFormat: (d: string, i: number) => monthTick(d, i, step), tickSize: 0 },
    y: { label: options.yLabel, labelAnchor: 'top', labelArrow: 'none', domain: [0, max], nice: options.unit === 'count', grid: true, tickFormat: options.unit === 'percent' ? (d: number) => `${d}%` : countTick },
    marks: [
      ...marks,
      ...keyRows.flatMap(({ label, i }) => {
        const st = STYLES[i % STYLES.length];
        const dy = -(series.length - i) * 18;
        return [
          Plot.dot([label], { frameAnchor: 'top-right', dx: -6, dy, symbol: st.symbol, fill: st.stroke, stroke: st.stroke, r: 4 }),
          Plot.text([label], { frameAnchor: 'top-right', dx: -16, dy, text: (d: string) => d, textAnchor: 'end', fill: 'currentColor' }),
        ];
      }),
      Plot.ruleY([0]),
    ],
  }, options);
}
