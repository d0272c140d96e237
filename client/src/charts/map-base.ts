// What every map shares: a projection fitted to the loaded boundaries (no tile
// server: boundaries are drawn from the data), the boundary outlines, the
// attribution line the boundary file needs, and a legend drawn inside the SVG
// (so downloads carry it; each entry is text, not colour alone).
import * as Plot from '@observablehq/plot';
import type { GeoPermissibleObjects } from 'd3';
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
export function mapProjection(domain: GeoPermissibleObjects): Plot.ProjectionOptions {
  return { type: 'mercator', domain, inset: 12 };
}

export function outlines(b: Boundaries): Plot.Markish {
  return Plot.geo(b.features, { fill: 'none', stroke: '#6b6b6b', strokeWidth: 0.8 });
}

export function attributionMark(text: string | null): Plot.Markish {
  return text ? Plot.text([text], { frameAnchor: 'bottom-right', dx: -4, dy: -4, fontSize: 10, fill: TEXT, textAnchor: 'end' }) : null;
}

/** A legend in the top-left corner: one swatch and label per entry. */
export function legendMarks(title: string, entries: LegendEntry[]): Plot.Markish[] {
  const marks: Plot.Markish[] = [Plot.text([title], { frameAnchor: 'top-left', dx: 4, dy: 8, fontWeight: 'bold', fill: TEXT, textAnchor: 'start' })];
  entries.forEach((e, k) => {
    const dy = 26 + k * 17;
    marks.push(
      Plot.dot([e], {
        frameAnchor: 'top-left', dx: 11, dy, r: 6, symbol: e.shape === 'circle' ? 'circle' : 'square',
        fill: e.fill, stroke: e.stroke ?? '#4d4d4d', strokeWidth: 0.8,
      }),
      Plot.text([e.label], { frameAnchor: 'top-left', dx: 22, dy, fill: TEXT, textAnchor: 'start' }),
    );
  });
  return marks;
}

/** A closed polygon feature around a box [minLon, minLat, maxLon, maxLat], wound for d3-geo (clockwise). */
export function boxFeature(minLon: number, minLat: number, maxLon: number, maxLat: number): GeoJSON.Feature<GeoJSON.Polygon> {
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[[minLon, minLat], [minLon, maxLat], [maxLon, maxLat], [maxLon, minLat], [minLon, minLat]]] },
  };
}
