// A day-of-week × hour-of-day heatmap of counts. Every cell is labelled with
// its count (or [c] when suppressed, on grey hatching), so shading is never the
// only carrier of the figure.
import * as Plot from '@observablehq/plot';
import { formatCount, SUPPRESSED } from '../format.ts';
import { NOT_RECORDED_STROKE } from './palette.ts';
import { addHatchPattern, patternId, renderPlot, type ChartBase } from './svg.ts';

export interface HeatCell {
  /** Row, e.g. 'Mon'. */
  day: string;
  /** Column, e.g. '09'. */
  hour: string;
  /** null when suppressed. */
  count: number | null;
  suppressed?: boolean;
}

export interface HeatmapOptions extends ChartBase {
  /** Row order (Mon … Sun). */
  days: string[];
  /** Column order ('00' … '23'). */
  hours: string[];
  xLabel: string;
  yLabel: string;
}

interface Drawn extends HeatCell {
  value: number;
  text: string;
  dark: boolean;
}

/** Sequential blues from near white to dark blue; text turns white on the darker half. */
const SCHEME = ['#f7fbff', '#08306b'];

export function heatmapChart(cells: HeatCell[], options: HeatmapOptions): SVGSVGElement {
  const max = Math.max(1, ...cells.map((c) => c.count ?? 0));
  const drawn: Drawn[] = cells.map((c) => {
    const hidden = c.suppressed === true || c.count === null;
    const value = hidden ? 0 : (c.count as number);
    return { ...c, value, text: hidden ? SUPPRESSED : formatCount(value), dark: !hidden && value / max > 0.5 };
  });
  const shown = drawn.filter((c) => c.count !== null && c.suppressed !== true);
  const hidden = drawn.filter((c) => c.count === null || c.suppressed === true);
  const hatch = patternId();
  const tip = (c: Drawn) => `${c.day} ${c.hour}:00–${c.hour}:59: ${c.text}`;
  const svg = renderPlot({
    height: 70 + options.days.length * 30,
    marginLeft: 48,
    marginBottom: 44,
    padding: 0.04,
    x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', domain: options.hours, tickSize: 0 },
    y: { label: options.yLabel, labelAnchor: 'top', labelArrow: 'none', domain: options.days, tickSize: 0 },
    color: { type: 'linear', domain: [0, max], range: SCHEME, interpolate: 'lab' },
    marks: [
      Plot.cell(shown, { x: 'hour', y: 'day', fill: 'value', title: tip }),
      Plot.cell(hidden, { x: 'hour', y: 'day', fill: `url(#${hatch})`, stroke: NOT_RECORDED_STROKE, title: tip }),
      Plot.text(drawn, { x: 'hour', y: 'day', text: 'text', fontSize: 11, fill: (c: Drawn) => (c.dark ? 'white' : 'black') }),
    ],
  }, options);
  addHatchPattern(svg, hatch);
  return svg;
}
