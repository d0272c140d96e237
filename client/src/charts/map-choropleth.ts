// Ward choropleth: a count or a rate per 10,000 children per ward, in up to
// five classes (equal intervals, quantiles or natural breaks, map-classes.ts)
// of ColorBrewer Blues — one hue getting darker, which reads for colour-blind
// readers and in a greyscale print; withheld counts ([c]) and wards with no
// rate are hatched grey and labelled so in the legend. Ward names and a scale
// bar are drawn on the map.
import * as Plot from '@observablehq/plot';
import { schemeBlues } from 'd3';
import { formatCount, formatRate, SUPPRESSED } from '../format.ts';
import { NOT_RECORDED_STROKE } from './palette.ts';
import { addHatchPattern, patternId, renderPlot, type ChartBase } from './svg.ts';
import { legendBlock, mapHeight, mapProjection, mapOverlay, type Boundaries, type LegendEntry } from './map-base.ts';
import { classBreaksBy, equalBreaks, type ClassMethod } from './map-classes.ts';

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
  /** How values are put in classes (default equal intervals). */
  classes?: ClassMethod;
}

/** Upper bounds of five equal classes from 0 to the maximum (whole numbers for counts). */
export const classBreaks = equalBreaks;

export function choroplethMap(rows: WardValue[], options: ChoroplethOptions): SVGSVGElement {
  const byCode = new Map(rows.map((r) => [r.area_code, r]));
  const shown = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const breaks = classBreaksBy(options.classes ?? 'equal', shown, options.kind);
  const colours = schemeBlues[Math.max(3, breaks.length)].slice(breaks.length < 3 ? 3 - breaks.length : 0);
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
  const lower = (k: number) => (k === 0 ? Math.min(0, ...shown) : options.kind === 'count' ? breaks[k - 1] + 1 : breaks[k - 1]);
  const range = (k: number) => (lower(k) === breaks[k] ? fmt(breaks[k]) : `${fmt(lower(k))} to ${fmt(breaks[k])}`);
  const entries: LegendEntry[] = colours.map((c, k) => ({ label: range(k), fill: c }));
  entries.push({ label: options.kind === 'count' ? `${SUPPRESSED} withheld` : 'no rate / withheld', fill: `url(#${hatch})`, stroke: NOT_RECORDED_STROKE });
  const legend = legendBlock(options.valueLabel, entries);
  const svg = renderPlot({
    height: mapHeight(options.width) + legend.height,
    marginTop: legend.height,
    projection: mapProjection(options.boundaries),
    marks: [
      Plot.geo(options.boundaries.features, { fill, stroke: 'white', strokeWidth: 0.7, title }),
      ...mapOverlay(options.boundaries, options.width ?? 640, options.boundaries, legend.marks),
    ],
  }, options);
  addHatchPattern(svg, hatch);
  return svg;
}
