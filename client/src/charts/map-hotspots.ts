// Gi* hotspot map: grid cells hot or cold at 99/95/90 % confidence (after FDR
// correction) drawn over the ward outlines and names, with a scale bar; cells
// not significant are left blank. Colours are ColorBrewer RdBu (safe for
// colour-blind readers); cold cells are also hatched, so hot and cold stay
// apart in a greyscale print. police.uk street crime can be drawn beneath as
// grey dots, labelled as snapped, anonymised locations.
import * as Plot from '@observablehq/plot';
import { renderPlot, type ChartBase } from './svg.ts';
import { boxFeature, legendBlock, mapHeight, mapProjection, mapOverlay, type Boundaries, type LegendEntry } from './map-base.ts';

export type HotspotClass = 'hot_99' | 'hot_95' | 'hot_90' | 'cold_99' | 'cold_95' | 'cold_90' | 'not_significant';

export interface HotspotCell {
  i: number;
  j: number;
  lon: number;
  lat: number;
  class: HotspotClass;
}

export interface HotspotGrid {
  cell_m: number;
  bbox: { min_lon: number; min_lat: number; max_lon: number; max_lat: number } | null;
  cells: HotspotCell[];
}

/** police.uk snap points with the number of crimes at each. */
export interface ContextPoint {
  lon: number;
  lat: number;
  crimes: number;
}

export interface HotspotMapOptions extends ChartBase {
  boundaries: Boundaries;
  /** police.uk street-level crime drawn beneath the cells, when loaded and chosen. */
  context?: ContextPoint[];
}

/** Hot and cold classes: ColorBrewer RdBu, with their labels; cold ones hatched. */
export const CLASS_STYLE: Record<Exclude<HotspotClass, 'not_significant'>, { fill: string; label: string }> = {
  hot_99: { fill: '#b2182b', label: 'Hot spot, 99% confidence' },
  hot_95: { fill: '#ef8a62', label: 'Hot spot, 95% confidence' },
  hot_90: { fill: '#fddbc7', label: 'Hot spot, 90% confidence' },
  cold_90: { fill: '#d1e5f0', label: 'Cold spot, 90% confidence' },
  cold_95: { fill: '#67a9cf', label: 'Cold spot, 95% confidence' },
  cold_99: { fill: '#2166ac', label: 'Cold spot, 99% confidence' },
};

export const CONTEXT_LABEL = 'police.uk crime (snapped, anonymised locations)';
const CONTEXT_FILL = '#8c8c8c';

const R = 6_371_008.8;
const DEG = 180 / Math.PI;

/** The square of a cell around its centre, on the grid's local equirectangular projection. */
export function cellSquare(grid: Pick<HotspotGrid, 'cell_m' | 'bbox'>, c: { lon: number; lat: number }): GeoJSON.Feature<GeoJSON.Polygon> {
  const b = grid.bbox!;
  const phi0 = ((b.min_lat + b.max_lat) / 2) / DEG;
  const dLon = (grid.cell_m / 2 / (R * Math.cos(phi0))) * DEG;
  const dLat = (grid.cell_m / 2 / R) * DEG;
  return boxFeature(c.lon - dLon, c.lat - dLat, c.lon + dLon, c.lat + dLat);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
let seq = 0;

/** A diagonal white hatch over a fill colour, for cells that must read apart in greyscale. */
export function addHatch(svg: SVGSVGElement, fill: string): string {
  seq += 1;
  const id = `cell-hatch-${seq}`;
  const doc = svg.ownerDocument;
  const el = (name: string, attrs: Record<string, string>) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  let defs: Element | null = svg.querySelector('defs');
  if (!defs) {
    defs = el('defs', {});
    svg.insertBefore(defs, svg.querySelector('title')?.nextSibling ?? svg.firstChild);
  }
  const pattern = el('pattern', { id, patternUnits: 'userSpaceOnUse', width: '4', height: '4', patternTransform: 'rotate(45)' });
  pattern.append(el('rect', { width: '4', height: '4', fill }), el('line', { x1: '0', y1: '0', x2: '0', y2: '4', stroke: 'white', 'stroke-width': '1.2' }));
  defs.append(pattern);
  return id;
}

/** A grid-cell map: cells with a style key each, styles (fill, label, hatched) in legend order. */
export function cellMap<K extends string>(
  grid: Pick<HotspotGrid, 'cell_m' | 'bbox'>,
  cells: (HotspotCell | (Omit<HotspotCell, 'class'> & { class: string }))[],
  styles: Record<K, { fill: string; label: string; hatched?: boolean }>,
  title: string,
  emptyTitle: string,
  tip: (c: { i: number; j: number; class: string }) => string,
  options: HotspotMapOptions,
): SVGSVGElement {
  const b = grid.bbox;
  const width = options.width ?? 640;
  const domain = options.boundaries.features.length || !b ? options.boundaries : boxFeature(b.min_lon, b.min_lat, b.max_lon, b.max_lat);
  const keys = (Object.keys(styles) as K[]).filter((k) => cells.some((c) => c.class === k));
  const entries: LegendEntry[] = keys.map((k) => ({ label: styles[k].label, fill: styles[k].fill }));
  const context = options.context ?? [];
  if (context.length) entries.push({ label: CONTEXT_LABEL, fill: CONTEXT_FILL, shape: 'circle' });
  const legend = legendBlock(keys.length ? title : emptyTitle, entries);
  const squares = b ? cells.filter((c) => c.class in styles).map((c) => ({ ...cellSquare(grid, c), properties: c })) : [];
  const svg = renderPlot({
    height: mapHeight(width) + legend.height,
    marginTop: legend.height,
    projection: mapProjection(domain),
    marks: [
      Plot.dot(context, { x: 'lon', y: 'lat', r: 1.8, fill: CONTEXT_FILL, fillOpacity: 0.6 }),
      Plot.geo(squares, {
        fill: (f: { properties: { class: string } }) => styles[f.properties.class as K].fill,
        title: (f: { properties: { i: number; j: number; class: string } }) => tip(f.properties),
      }),
      ...mapOverlay(options.boundaries, width, domain, legend.marks),
    ],
  }, options);
  // Hatched styles: patterns over their fill, on the cells and on their legend swatches.
  for (const k of keys) {
    if (!styles[k].hatched) continue;
    const painted = [...svg.querySelectorAll(`[fill="${styles[k].fill}"]`)];
    const url = `url(#${addHatch(svg, styles[k].fill)})`;
    for (const el of painted) el.setAttribute('fill', url);
  }
  return svg;
}

export function hotspotMap(grid: HotspotGrid, options: HotspotMapOptions): SVGSVGElement {
  const styles = Object.fromEntries(Object.entries(CLASS_STYLE).map(([k, v]) => [k, { ...v, hatched: k.startsWith('cold') }])) as Record<keyof typeof CLASS_STYLE, { fill: string; label: string; hatched: boolean }>;
  return cellMap(grid, grid.cells, styles, 'Getis-Ord Gi*', 'No significant hot or cold spots',
    (c) => `Cell ${c.i}, ${c.j}: ${CLASS_STYLE[c.class as keyof typeof CLASS_STYLE].label}`, options);
}
