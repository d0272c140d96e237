// Locations of concern: one dot per location reported in the period, coloured
// by type, repeat locations (two or more children) ringed in black and listed
// as such in the legend; or, as a kernel density surface, where reports gather.
import * as Plot from '@observablehq/plot';
import { schemeTableau10 } from 'd3';
import { codeLabel } from '../labels.ts';
import { renderPlot, type ChartBase } from './svg.ts';
import { attributionMark, boxFeature, legendMarks, mapProjection, outlines, type Boundaries, type LegendEntry } from './map-base.ts';

export interface LocationPoint {
  location_id: string;
  location_type: string;
  lon: number;
  lat: number;
  reports: number;
  children: number;
  repeat: boolean;
}

export interface LocationsMapOptions extends ChartBase {
  boundaries: Boundaries;
}

export interface DensityMapOptions extends LocationsMapOptions {
  /** Kernel bandwidth in pixels (Plot.density), larger = smoother. */
  bandwidth: number;
}

const TYPE_COLOURS = [...schemeTableau10, '#1b1b1b'];
const TYPES = [
  'hotel', 'takeaway', 'licensed_premises', 'park', 'shopping_centre', 'transport_hub',
  'taxi_private_hire', 'school', 'private_address', 'online', 'other',
];

export function typeColour(type: string): string {
  const k = TYPES.indexOf(type);
  return TYPE_COLOURS[k < 0 ? TYPES.length - 1 : k];
}

function domainOf(points: LocationPoint[], b: Boundaries): Boundaries | GeoJSON.Feature {
  if (b.features.length || points.length === 0) return b;
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const pad = 0.002;
  return boxFeature(Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad);
}

const height = (o: ChartBase) => (o.width ? Math.round(o.width * 0.8) : 520);

export function locationsMap(points: LocationPoint[], options: LocationsMapOptions): SVGSVGElement {
  const types = TYPES.filter((t) => points.some((p) => p.location_type === t));
  const entries: LegendEntry[] = types.map((t) => ({ label: codeLabel(t), fill: typeColour(t), shape: 'circle' }));
  if (points.some((p) => p.repeat)) entries.push({ label: 'Repeat location (2+ children)', fill: 'white', stroke: '#000', shape: 'circle' });
  const tip = (p: LocationPoint) => `${codeLabel(p.location_type)}: ${p.reports} report${p.reports === 1 ? '' : 's'}, ${p.children} ${p.children === 1 ? 'child' : 'children'}`;
  return renderPlot({
    height: height(options),
    projection: mapProjection(domainOf(points, options.boundaries)),
    marks: [
      outlines(options.boundaries),
      Plot.dot(points.filter((p) => p.repeat), { x: 'lon', y: 'lat', r: 8, stroke: '#000', strokeWidth: 2, fill: 'none' }),
      Plot.dot(points, { x: 'lon', y: 'lat', r: 4, fill: (p: LocationPoint) => typeColour(p.location_type), stroke: 'white', strokeWidth: 0.8, title: tip }),
      ...legendMarks('Location type', entries),
      attributionMark(options.boundaries.attribution),
    ],
  }, options);
}

/** Kernel density of location reports (each location weighted by its reports). */
export function densityMap(points: LocationPoint[], options: DensityMapOptions): SVGSVGElement {
  return renderPlot({
    height: height(options),
    projection: mapProjection(domainOf(points, options.boundaries)),
    color: { scheme: 'YlOrRd' },
    marks: [
      Plot.density(points, { x: 'lon', y: 'lat', weight: 'reports', bandwidth: options.bandwidth, fill: 'density', fillOpacity: 0.75, thresholds: 8 }),
      outlines(options.boundaries),
      ...legendMarks('Density of reports', [
        { label: 'Lower', fill: '#fed976' },
        { label: 'Higher', fill: '#bd0026' },
      ]),
      attributionMark(options.boundaries.attribution),
    ],
  }, options);
}
