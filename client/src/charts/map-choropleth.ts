// Ward choropleth: a count or a rate per 10,000 children per ward, in five
// equal classes of blue; withheld counts ([c]) and wards with no rate are
// hatched grey and labelled so in the legend.
import * as Plot from '@observablehq/plot';
import { schemeBlues } from 'd3';
import { formatCount, formatRate, SUPPRESSED } from '../format.ts';
import { NOT_RECORDED_STROKE } from './palette.ts';
import { addHatchPattern, patternId, renderPlot, type ChartBase } from './svg.ts';
import { attributionMark, legendMarks, mapProjection, outlines, type Boundaries, type LegendEntry } from './map-base.ts';

export interface WardValue {
  area_code: string;
  area_name: string | null;
  /** The count or rate shown; null when withheld or without a rate. */
  value: number | null;
  suppressed?: boolean;
}

export interface ChoroplethOptions extends ChartBase {
  boundaries: Boundaries;
  /** Legend title, e.g. 'Cases' or 'Cases per 10,000 children'. */
  valueLabel: string;
  kind: 'count' | 'rate';
}

const CLASSES = 5;

/** Upper bounds of five equal classes from 0 to the maximum (whole numbers for counts). */
export function classBreaks(max: number, kind: 'count' | 'rate'): number[] {
  const step = kind === 'count' ? Math.max(1, Math.ceil(max / CLASSES)) : max > 0 ? max / CLASSES : 1;
  return Array.from({ length: CLASSES }, (_, k) => step * (k + 1));
}

export function choroplethMap(rows: WardValue[], options: ChoroplethOptions): SVGSVGElement {
  const byCode = new Map(rows.map((r) => [r.area_code, r]));
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const breaks = classBreaks(max, options.kind);
  const colours = schemeBlues[CLASSES];
  const hatch = patternId();
  const fmt = (v: number) => (options.kind === 'count' ? formatCount(v) : formatRate(v));
  const classOf = (v: number) => Math.max(0, breaks.findIndex((b) => v <= b));
  const fill = (f: Boundaries['features'][number]) => {
    const r = byCode.get(f.properties.area_code);
    return r && r.value !== null ? colours[classOf(r.value)] : `url(#${hatch})`;
  };
  const title = (f: Boundaries['features'][number]) => {
    const r = byCode.get(f.properties.area_code);
    const v = !r || r.value === null ? (r?.suppressed ? SUPPRESSED : 'no rate') : fmt(r.value);
    return `${f.properties.area_name ?? f.properties.area_code}: ${v}`;
  };
  const lower = (k: number) => (k === 0 ? 0 : options.kind === 'count' ? breaks[k - 1] + 1 : breaks[k - 1]);
  const range = (k: number) => (lower(k) === breaks[k] ? fmt(breaks[k]) : `${fmt(lower(k))} to ${fmt(breaks[k])}`);
  const entries: LegendEntry[] = colours.map((c, k) => ({ label: range(k), fill: c }));
  entries.push({ label: options.kind === 'count' ? `${SUPPRESSED} withheld` : 'no rate / withheld', fill: `url(#${hatch})`, stroke: NOT_RECORDED_STROKE });
  const svg = renderPlot({
    height: options.width ? Math.round(options.width * 0.8) : 520,
    projection: mapProjection(options.boundaries),
    marks: [
      Plot.geo(options.boundaries.features, { fill, stroke: 'white', strokeWidth: 0.7, title }),
      outlines(options.boundaries),
      ...legendMarks(options.valueLabel, entries),
      attributionMark(options.boundaries.attribution),
    ],
  }, options);
  addHatchPattern(svg, hatch);
  return svg;
}
