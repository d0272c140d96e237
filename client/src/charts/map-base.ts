// What every map shares: a projection fitted to the loaded boundaries (no tile
// server: boundaries are drawn from the data), the boundary outlines, the
// attribution line the boundary file needs, and a legend drawn inside the SVG
// (so downloads carry it; each entry is text, not colour alone).
import * as Plot from '@observablehq/plot';
import { geoMercator, type GeoPermissibleObjects } from 'd3';
import { TEXT } from './palette.ts';

export type BoundaryFeature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { area_code: string; area_name: string | null }>;

/** GET /api/hotspots/boundaries: rings wound for d3-geo (exterior clockwise). */
export interface Boundaries extends GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { area_code: string; area_name: string | null }> {
  /** Attribution the boundary file needs (Crown copyright for ONS/OS boundaries), null for the fictional demo area. */
  attribution: string | null;
}

export interface LegendEntry {
  label: string;
  fill: string;
  stroke?: string;
  /** 'square' (areas) or 'circle' (points). */
  shape?: 'square' | 'circle';
}

/** Mercator fitted to the boundaries (or to a box of points when none are loaded). */
const INSET = 12;

export function mapProjection(domain: GeoPermissibleObjects): Plot.ProjectionOptions {
  return { type: 'mercator', domain, inset: INSET };
}

export function outlines(b: Boundaries): Plot.Markish {
  return Plot.geo(b.features, { fill: 'none', stroke: '#6b6b6b', strokeWidth: 0.8 });
}

export function attributionMark(text: string | null): Plot.Markish {
  return text ? Plot.text([text], { frameAnchor: 'bottom-right', dx: -4, dy: -4, fontSize: 10, fill: TEXT, textAnchor: 'end' }) : null;
}

const LEGEND_ROW = 18;

/**
 * A legend above the map, in the plot's top margin (set `marginTop` to its
 * height): one swatch and label per entry, in the SVG so downloads carry it.
 * It never covers the map, and its text stays 13 px at every width because
 * the maps are drawn at the width of their container.
 */
export function legendBlock(title: string, entries: LegendEntry[]): { marks: Plot.Markish[]; height: number } {
  const height = 30 + entries.length * LEGEND_ROW;
  const top = -height + 4;
  const marks: Plot.Markish[] = [Plot.text([title], { frameAnchor: 'top-left', dx: 4, dy: top + 10, fontWeight: 'bold', fill: TEXT, textAnchor: 'start' })];
  entries.forEach((e, k) => {
    const dy = top + 30 + k * LEGEND_ROW;
    marks.push(
      Plot.dot([e], {
        frameAnchor: 'top-left', dx: 11, dy, r: 6, symbol: e.shape === 'circle' ? 'circle' : 'square',
        fill: e.fill, stroke: e.stroke ?? '#4d4d4d', strokeWidth: 0.8,
      }),
      Plot.text([e.label], { frameAnchor: 'top-left', dx: 22, dy, fill: TEXT, textAnchor: 'start' }),
    );
  });
  return { marks, height };
}

/** Ward names at their centroids, with a white halo; smaller on narrow maps, where they would crowd. */
export function wardLabels(b: Boundaries, width: number): Plot.Markish {
  return Plot.text(b.features, Plot.centroid({
    text: (f: BoundaryFeature) => f.properties.area_name ?? f.properties.area_code,
    fontSize: width < 500 ? 9 : 11, fill: TEXT, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke',
  }));
}

const NICE_M = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000];

/** Great-circle distance in metres (haversine, mean Earth radius). */
function metresBetween(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * r) / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(((b[0] - a[0]) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** The longest round length (m) whose bar fits in `maxPx` at `metresPerPx`. */
export function scaleLength(metresPerPx: number, maxPx: number): number {
  return [...NICE_M].reverse().find((m) => m / metresPerPx <= maxPx) ?? NICE_M[0];
}

/**
 * A scale bar in the bottom-left corner, measured where it is drawn on the
 * map's own projection: Mercator fitted to `domain` inside the frame with the
 * inset mapProjection gives Plot (Plot's projection object has no invert).
 */
export function scaleBar(domain: GeoPermissibleObjects): Plot.Markish {
  return (_index: number[], _scales: unknown, _values: unknown, dims: Plot.Dimensions, context: Plot.Context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g') as SVGGElement;
    const fw = dims.width - dims.marginLeft - dims.marginRight, fh = dims.height - dims.marginTop - dims.marginBottom;
    const proj = geoMercator().fitExtent([[INSET, INSET], [fw - INSET, fh - INSET]], domain);
    const x = dims.marginLeft + 12;
    const y = dims.height - dims.marginBottom - 14;
    const a = proj.invert?.([x - dims.marginLeft, y - dims.marginTop]);
    const b = proj.invert?.([x - dims.marginLeft + 100, y - dims.marginTop]);
    if (!a || !b) return g;
    const perPx = metresBetween(a, b) / 100;
    const m = scaleLength(perPx, Math.min(140, (dims.width - x) / 3));
    const px = m / perPx;
    const el = (name: string, attrs: Record<string, string | number>) => {
      const e = doc.createElementNS(ns, name);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      return e;
    };
    const label = el('text', { x, y: y - 6, fill: TEXT, 'font-size': 12, 'paint-order': 'stroke', stroke: 'white', 'stroke-width': 3 });
    label.textContent = m >= 1000 ? `${m / 1000} km` : `${m} m`;
    g.setAttribute('data-mark', 'scale-bar');
    g.append(
      el('path', { d: `M${x},${y - 4}V${y}H${x + px}V${y - 4}`, fill: 'none', stroke: 'white', 'stroke-width': 4 }),
      el('path', { d: `M${x},${y - 4}V${y}H${x + px}V${y - 4}`, fill: 'none', stroke: TEXT, 'stroke-width': 1.5 }),
      label,
    );
    return g;
  };
}

/** The map's height for its width (the map area; legends add their own height above). */
export const mapHeight = (width: number | undefined): number => Math.round((width ?? 640) * 0.8);

/** A closed polygon feature around a box [minLon, minLat, maxLon, maxLat], wound for d3-geo (clockwise). */
export function boxFeature(minLon: number, minLat: number, maxLon: number, maxLat: number): GeoJSON.Feature<GeoJSON.Polygon> {
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[[minLon, minLat], [minLon, maxLat], [maxLon, maxLat], [maxLon, minLat], [minLon, minLat]]] },
  };
}

/** What every area map draws over its data: ward outlines and names, a scale bar, the legend and the boundaries' attribution. */
export function mapOverlay(b: Boundaries, width: number, domain: GeoPermissibleObjects, legendMarks: Plot.Markish[]): Plot.Markish[] {
  return [outlines(b), wardLabels(b, width), scaleBar(domain), ...legendMarks, attributionMark(b.attribution)];
}
