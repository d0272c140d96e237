// Horizontal bars for a categorical breakdown. "Not recorded" stays in, drawn
// with grey hatching and labelled, so it is visibly distinct without colour.
import * as Plot from '@observablehq/plot';
import { formatCount, SUPPRESSED } from '../format.ts';
import { codeLabel, NOT_RECORDED } from '../labels.ts';
import { PRIMARY, NOT_RECORDED_STROKE } from './palette.ts';
import { addHatchPattern, clipLabel, countTick, fitWidth, labelMargin, patternId, renderPlot, type ChartBase } from './svg.ts';

export interface BarDatum {
  key: string;
  /** null when suppressed (drawn as an empty bar labelled [c]). */
  count: number | null;
  suppressed?: boolean;
}

export interface BarChartOptions extends ChartBase {
  /** Axis label of the counts, e.g. 'Number of cases'. */
  xLabel: string;
  /** Axis label of the categories, e.g. 'Age band'. */
  yLabel: string;
  /** Category label of a key; codeLabel by default. */
  label?: (key: string) => string;
}

interface Bar {
  label: string;
  value: number;
  text: string;
}

export function barChart(rows: BarDatum[], options: BarChartOptions): SVGSVGElement {
  const label = options.label ?? codeLabel;
  const toBar = (r: BarDatum): Bar => {
    const hidden = r.suppressed === true || r.count === null;
    return { label: label(r.key), value: hidden ? 0 : (r.count as number), text: hidden ? SUPPRESSED : formatCount(r.count) };
  };
  // Categories in the order given, not recorded last.
  const recorded = rows.filter((r) => r.key !== NOT_RECORDED).map(toBar);
  const notRecorded = rows.filter((r) => r.key === NOT_RECORDED).map(toBar);
  const all = [...recorded, ...notRecorded];
  const hatch = patternId();
  const max = Math.max(1, ...all.map((b) => b.value));
  const tip = (b: Bar) => `${b.label}: ${b.text}`;
  const width = fitWidth(options.width ?? 640, options.document);
  const marginLeft = labelMargin([...all.map((b) => b.label), options.yLabel], 60, 260, width);
  const svg = renderPlot({
    height: Math.max(120, all.length * 30 + 70),
    marginLeft,
    marginRight: 56,
    marginBottom: 44,
    x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', domain: [0, max], nice: true, grid: true, tickFormat: countTick },
    y: { label: options.yLabel, labelAnchor: 'top', labelArrow: 'none', domain: all.map((b) => b.label), tickSize: 0, padding: 0.25, tickFormat: (l: string) => clipLabel(l, marginLeft) },
    marks: [
      Plot.barX(recorded, { x: 'value', y: 'label', fill: PRIMARY, title: tip }),
      Plot.barX(notRecorded, { x: 'value', y: 'label', fill: `url(#${hatch})`, stroke: NOT_RECORDED_STROKE, title: tip }),
      Plot.text(all, { x: 'value', y: 'label', text: 'text', textAnchor: 'start', dx: 5, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }, { ...options, width });
  addHatchPattern(svg, hatch);
  return svg;
}
