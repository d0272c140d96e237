// Locations of concern: one dot per location reported in the period, coloured
// by type, repeat locations (two or more children) ringed in black and listed
// as such in the legend (the density surface is map-density.ts).
import * as Plot from '@observablehq/plot';
import { schemeTableau10 } from 'd3';
import { codeLabel } from '../labels.ts';
import { renderPlot, type ChartBase } from './svg.ts';
import { attributionMark, boxFeature, legendBlock, mapHeight, mapProjection, outlines, scaleBar, wardLabels, type Boundaries, type LegendEntry } from './map-base.ts';

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

export function locationsMap(points: LocationPoint[], options: LocationsMapOptions): SVGSVGElement {
  const types = TYPES.filter((t) => points.some((p) => p.location_type === t));
  const entries: LegendEntry[] = types.map((t) => ({ label: codeLabel(t), fill: typeColour(t), shape: 'circle' }));
  if (points.some((p) => p.repeat)) entries.push({ label: 'Repeat location (2+ children)', fill: 'white', stroke: '#000', shape: 'circle' });
  const tip = (p: LocationPoint) => `${codeLabel(p.location_type)}: ${p.reports} report${p.reports === 1 ? '' : 's'}, ${p.children} ${p.children === 1 ? 'child' : 'children'}`;
  const legend = legendBlock('Location type', entries);
  const domain = domainOf(points, options.boundaries);
  return renderPlot({
    height: mapHeight(options.width) + legend.height,
    marginTop: legend.height,
    projection: mapProjection(domain),
    marks: [
      outlines(options.boundaries),
      wardLabels(options.boundaries, options.width ?? 640),
      Plot.dot(points.filter((p) => p.repeat), { x: 'lon', y: 'lat', r: 8, stroke: '#000', strokeWidth: 2, fill: 'none' }),
      Plot.dot(points, { x: 'lon', y: 'lat', r: 4, fill: (p: LocationPoint) => typeColour(p.location_type), stroke: 'white', strokeWidth: 0.8, title: tip }),
      scaleBar(domain),
      ...legend.marks,
      attributionMark(options.boundaries.attribution),
    ],
  }, options);
}
