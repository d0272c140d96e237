// Emerging hot spot map: each cell with reports in the span coloured by its
// category (ArcGIS Pro's Emerging Hot Spot Analysis). Hot categories in
// ColorBrewer Reds and cold ones in Blues, darkest for the strongest pattern,
// so that they read by lightness alone (colour-blind readers, greyscale print);
// cold categories are hatched as on the Gi* map. Cells with no pattern are blank.
import { cellMap, type HotspotMapOptions } from './map-hotspots.ts';

export type EmergingCategory =
  | 'new_hot' | 'consecutive_hot' | 'intensifying_hot' | 'persistent_hot' | 'diminishing_hot' | 'sporadic_hot' | 'oscillating_hot' | 'historical_hot'
  | 'new_cold' | 'consecutive_cold' | 'intensifying_cold' | 'persistent_cold' | 'diminishing_cold' | 'sporadic_cold' | 'oscillating_cold' | 'historical_cold'
  | 'no_pattern';

export interface EmergingMapCell {
  i: number;
  j: number;
  lon: number;
  lat: number;
  category: EmergingCategory;
}

export interface EmergingGrid {
  cell_m: number;
  bbox: { min_lon: number; min_lat: number; max_lon: number; max_lat: number } | null;
  categories: Record<EmergingCategory, string>;
  cells: EmergingMapCell[];
}

const HOT = ['#67000d', '#a50f15', '#cb181d', '#ef3b2c', '#fb6a4a', '#fc9272', '#fcbba1', '#fee0d2'];
const COLD = ['#08306b', '#08519c', '#2171b5', '#4292c6', '#6baed6', '#9ecae1', '#c6dbef', '#deebf7'];
/** Legend order: strongest first. */
const ORDER = ['intensifying', 'persistent', 'consecutive', 'new', 'diminishing', 'oscillating', 'sporadic', 'historical'];

export function emergingStyles(labels: Record<string, string>): Record<string, { fill: string; label: string; hatched: boolean }> {
  const out: Record<string, { fill: string; label: string; hatched: boolean }> = {};
  ORDER.forEach((k, n) => (out[`${k}_hot`] = { fill: HOT[n], label: labels[`${k}_hot`] ?? k, hatched: false }));
  ORDER.forEach((k, n) => (out[`${k}_cold`] = { fill: COLD[n], label: labels[`${k}_cold`] ?? k, hatched: true }));
  return out;
}

export function emergingMap(grid: EmergingGrid, options: HotspotMapOptions): SVGSVGElement {
  const styles = emergingStyles(grid.categories);
  const cells = grid.cells.map((c) => ({ i: c.i, j: c.j, lon: c.lon, lat: c.lat, class: c.category as string }));
  return cellMap(grid, cells, styles, 'Emerging hot spots', 'No emerging hot or cold spots',
    (c) => `Cell ${c.i}, ${c.j}: ${grid.categories[c.class as EmergingCategory]}`, options);
}
