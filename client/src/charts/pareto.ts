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

/** Above this many items, items of equal count in a row are drawn as one bar (the same picture, far fewer elements). */
const RUNS_FROM = 400;

/** Bars of one item each; or, for many items, one per run of equal counts (split at the top group), from rank `rank` to `last`. */
function barsOf(values: number[], top: number, max: number): (Bar & { last: number })[] {
  const total = values.reduce((s, v) => s + v, 0);
  const merge = values.length > RUNS_FROM;
  const out: (Bar & { last: number })[] = [];
  let running = 0;
  values.forEach((v, i) => {
    running += v;
    const cumulative = total ? (100 * running) / total : 0;
    const prev = out[out.length - 1];
    if (merge && prev && prev.value === v && (prev.last < top) === (i < top)) {
      Object.assign(prev, { last: i + 1, cumulative, y: (cumulative * max) / 100 });
    } else {
      out.push({ rank: i + 1, last: i + 1, value: v, cumulative, y: (cumulative * max) / 100, top: i < top });
    }
  });
  return out;
}

/** `values`: each item's count (e.g. episodes per child), largest first. */
export function paretoChart(values: number[], options: ParetoOptions): SVGSVGElement {
  const max = values.reduce((m, v) => Math.max(m, v), 1);
  const bars = barsOf(values, options.top, max);
  // The cumulative line is straight within a run of equal counts: its ends draw it exactly.
  const line = values.length > RUNS_FROM ? [{ last: 0, y: 0 }, ...bars] : bars;
  const tip = (b: Bar & { last: number }) =>
    `${b.last > b.rank ? `Children ranked ${b.rank} to ${b.last}` : `Child ranked ${b.rank}`}: ${formatCount(b.value)}; ${formatPercent(b.cumulative)} of the total up to here`;
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
      Plot.rectY(bars, { x1: (b: Bar) => b.rank - 0.45, x2: (b: Bar & { last: number }) => b.last + 0.45, y: 'value', fill: (b: Bar) => (b.top ? PRIMARY : '#7fb2d6'), title: tip }),
      Plot.line(line, { x: values.length > RUNS_FROM ? (b: { last: number }) => b.last + 0.5 : 'rank', y: 'y', stroke: SECONDARY, strokeWidth: 2 }),
      Plot.dot(bars, { x: values.length > RUNS_FROM ? (b: { last: number }) => b.last + 0.5 : 'rank', y: 'y', fill: SECONDARY, r: values.length > 60 ? 1.5 : 3, title: tip }),
      Plot.ruleX([options.top + 0.5], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.text([options.topLabel], { x: options.top + 0.5, y: max * 0.5, text: (d: string) => d, textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  }, options);
}
