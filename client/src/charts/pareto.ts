// A Pareto chart of concentration: one bar per child (most episodes first)
// for that child's count on the left axis, the cumulative share of the total
// as a line with points on the right axis (0–100 %), and a labelled rule after
// the top group (e.g. the top 10 % of children), so the reading does not
// depend on colour.
import * as Plot from '@observablehq/plot';
import { formatCount, formatPercent } from '../format.ts';
import { PRIMARY, SECONDARY } from './palette.ts';
import { countTick, renderPlot, type ChartBase } from './svg.ts';

export interface ParetoOptions extends ChartBase {
  /** How many of the first bars make the top group, marked by a rule. */
  top: number;
  /** Label of the rule, e.g. 'Top 10%: 37.4% of episodes'. */
  topLabel: string;
  xLabel: string;
  /** Left axis (the counts), e.g. 'Episodes'. */
  yLabel: string;
  /** Right axis (the cumulative share), e.g. 'Cumulative % of episodes'. */
  cumulativeLabel: string;
}

interface Bar {
  rank: number;
  value: number;
  cumulative: number;
  /** The cumulative share drawn in the units of the left axis. */
  y: number;
  top: boolean;
}

/** `values`: each item's count (e.g. episodes per child), largest first. */
export function paretoChart(values: number[], options: ParetoOptions): SVGSVGElement {
  const total = values.reduce((s, v) => s + v, 0);
  const max = Math.max(1, ...values);
  let running = 0;
  const bars: Bar[] = values.map((v, i) => {
    running += v;
    const cumulative = total ? (100 * running) / total : 0;
    return { rank: i + 1, value: v, cumulative, y: (cumulative * max) / 100, top: i < options.top };
  });
  const tip = (b: Bar) => `Child ranked ${b.rank}: ${formatCount(b.value)}; ${formatPercent(b.cumulative)} of the total up to here`;
  const pctTicks = [0, 20, 40, 60, 80, 100];
  return renderPlot({
    height: 320,
    marginLeft: 56,
    marginRight: 56,
    marginBottom: 48,
    x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', domain: [0.5, Math.max(1, values.length) + 0.5] },
    y: { domain: [0, max] },
    marks: [
      Plot.axisX({ ticks: 8, tickFormat: (d: number) => (Number.isInteger(d) && d > 0 ? String(d) : ''), label: options.xLabel, labelAnchor: 'center', labelArrow: 'none' }),
      Plot.axisY({ anchor: 'left', label: options.yLabel, labelAnchor: 'top', labelArrow: 'none', tickFormat: countTick }),
      Plot.axisY(pctTicks.map((p) => (p * max) / 100), {
        anchor: 'right', label: options.cumulativeLabel, labelAnchor: 'top', labelArrow: 'none',
        tickFormat: (_d: number, i: number) => `${pctTicks[i]}%`,
      }),
      Plot.gridY(pctTicks.map((p) => (p * max) / 100), { strokeOpacity: 0.1 }),
      Plot.rectY(bars, { x1: (b: Bar) => b.rank - 0.45, x2: (b: Bar) => b.rank + 0.45, y: 'value', fill: (b: Bar) => (b.top ? PRIMARY : '#7fb2d6'), title: tip }),
      Plot.line(bars, { x: 'rank', y: 'y', stroke: SECONDARY, strokeWidth: 2 }),
      Plot.dot(bars, { x: 'rank', y: 'y', fill: SECONDARY, r: values.length > 60 ? 1.5 : 3, title: tip }),
      Plot.ruleX([options.top + 0.5], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.text([options.topLabel], { x: options.top + 0.5, y: max * 0.5, text: (d: string) => d, textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  }, options);
}
