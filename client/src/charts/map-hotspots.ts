// Gi* hotspot map: grid cells hot or cold at 99/95/90 % confidence (after FDR
// correction) drawn over the ward outlines; cells not significant are left blank.
import * as Plot from '@observablehq/plot';
import { renderPlot, type ChartBase } from './svg.ts';
import { attributionMark, boxFeature, legendMarks, mapProjection, outlines, type Boundaries } from './map-base.ts';

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

export interface HotspotMapOptions extends ChartBase {
  boundaries: Boundaries;
}

/** ArcGIS's hot spot colours (red hot, blue cold), with their labels. */
export const CLASS_STYLE: Record<Exclude<HotspotClass, 'not_significant'>, { fill: string; label: string }> = {
  hot_99: { fill: '#d62f27', label: 'Hot spot, 99% confidence' },
  hot_95: { fill: '#ed7551', label: 'Hot spot, 95% confidence' },
  hot_90: { fill: '#fab984', label: 'Hot spot, 90% confidence' },
  cold_90: { fill: '#c0ccbe', label: 'Cold spot, 90% confidence' },
  cold_95: { fill: '#849eba', label: 'Cold spot, 95% confidence' },
  cold_99: { fill: '#4575b5', label: 'Cold spot, 99% confidence' },
};

const R = 6_371_008.8;
const DEG = 180 / Math.PI;

/** The square of a cell around its centre, on the grid's local equirectangular projection. */
function cellSquare(grid: HotspotGrid, c: HotspotCell): GeoJSON.Feature<GeoJSON.Polygon> {
  const b = grid.bbox!;
  const phi0 = ((b.min_lat + b.max_lat) / 2) / DEG;
  const dLon = (grid.cell_m / 2 / (R * Math.cos(phi0))) * DEG;
  const dLat = (grid.cell_m / 2 / R) * DEG;
  return boxFeature(c.lon - dLon, c.lat - dLat, c.lon + dLon, c.lat + dLat);
}

export function hotspotMap(grid: HotspotGrid, options: HotspotMapOptions): SVGSVGElement {
  const b = grid.bbox;
  const domain = options.boundaries.features.length || !b ? options.boundaries : boxFeature(b.min_lon, b.min_lat, b.max_lon, b.max_lat);
  const significant = grid.cells.filter((c) => c.class !== 'not_significant');
  const present = (Object.keys(CLASS_STYLE) as (keyof typeof CLASS_STYLE)[]).filter((k) => significant.some((c) => c.class === k));
  const cells = b ? significant.map((c) => ({ ...cellSquare(grid, c), properties: c })) : [];
  return renderPlot({
    height: options.width ? Math.round(options.width * 0.8) : 520,
    projection: mapProjection(domain),
    marks: [
      Plot.geo(cells, {
        fill: (f: { properties: HotspotCell }) => CLASS_STYLE[f.properties.class as keyof typeof CLASS_STYLE].fill,
        title: (f: { properties: HotspotCell }) => `Cell ${f.properties.i}, ${f.properties.j}: ${CLASS_STYLE[f.properties.class as keyof typeof CLASS_STYLE].label}`,
      }),
      outlines(options.boundaries),
      ...legendMarks(present.length ? 'Getis-Ord Gi*' : 'No significant hot or cold spots', present.map((k) => CLASS_STYLE[k])),
      attributionMark(options.boundaries.attribution),
    ],
  }, options);
}
