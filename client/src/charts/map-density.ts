// Kernel density of location reports with the bandwidth in metres on the
// ground, so the surface depends on the data and the chosen bandwidth, never
// on the window: a Gaussian kernel (σ = the bandwidth) summed on a grid of
// metres (local equirectangular plane around the points), each location
// weighted by its reports, in reports per km²; contoured at eight levels and
// drawn through the map's projection like the boundaries.
import * as Plot from '@observablehq/plot';
import { contours, schemeYlOrRd, ticks } from 'd3';
import { formatCount, formatRate } from '../format.ts';
import { renderPlot, type ChartBase } from './svg.ts';
import { boxFeature, legendBlock, mapProjection, mapOverlay, type Boundaries } from './map-base.ts';

export interface DensityPoint {
  lon: number;
  lat: number;
  reports: number;
}

export interface DensityOptions extends ChartBase {
  boundaries: Boundaries;
  /** Kernel bandwidth (the Gaussian's σ) in metres. */
  bandwidthM: number;
}

const R = 6_371_008.8;
const RAD = Math.PI / 180;
/** Most grid nodes per side: the surface is smooth at a quarter bandwidth, and bounded for wide areas. */
const MAX_SIDE = 160;

export interface DensitySurface {
  /** Density in reports per km² at each node, index j · nx + i, j from the south. */
  values: Float64Array;
  nx: number;
  ny: number;
  /** Node spacing in metres and the south-west node's lon/lat. */
  stepM: number;
  toLonLat: (x: number, y: number) => [number, number];
  max: number;
}

/** The Gaussian kernel density surface of the points (bandwidth in metres). */
export function densitySurface(points: DensityPoint[], bandwidthM: number): DensitySurface | null {
  if (points.length === 0 || !(bandwidthM > 0)) return null;
  const lat0 = points.reduce((a, p) => a + p.lat, 0) / points.length;
  const kx = R * Math.cos(lat0 * RAD) * RAD, ky = R * RAD;
  const xs = points.map((p) => p.lon * kx), ys = points.map((p) => p.lat * ky);
  const pad = 3 * bandwidthM;
  const x0 = Math.min(...xs) - pad, y0 = Math.min(...ys) - pad;
  const w = Math.max(...xs) + pad - x0, hgt = Math.max(...ys) + pad - y0;
  const stepM = Math.max(bandwidthM / 4, w / MAX_SIDE, hgt / MAX_SIDE);
  const nx = Math.ceil(w / stepM) + 1, ny = Math.ceil(hgt / stepM) + 1;
  const values = new Float64Array(nx * ny);
  const norm = 1e6 / (2 * Math.PI * bandwidthM * bandwidthM); // per m² → per km²
  const reach = Math.ceil(pad / stepM);
  points.forEach((p, k) => {
    const ci = Math.round((xs[k] - x0) / stepM), cj = Math.round((ys[k] - y0) / stepM);
    for (let j = Math.max(0, cj - reach); j <= Math.min(ny - 1, cj + reach); j++) {
      for (let i = Math.max(0, ci - reach); i <= Math.min(nx - 1, ci + reach); i++) {
        const dx = x0 + i * stepM - xs[k], dy = y0 + j * stepM - ys[k];
        values[j * nx + i] += p.reports * norm * Math.exp(-(dx * dx + dy * dy) / (2 * bandwidthM * bandwidthM));
      }
    }
  });
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return { values, nx, ny, stepM, max, toLonLat: (x, y) => [(x0 + x * stepM) / kx, (y0 + y * stepM) / ky] };
}

type Ring = [number, number][];
const area2 = (r: Ring) => r.reduce((a, p, k) => (k + 1 < r.length ? a + p[0] * r[k + 1][1] - r[k + 1][0] * p[1] : a), 0);
/** d3-geo winding: exteriors clockwise, holes counter-clockwise (as the boundaries). */
const wind = (r: Ring, exterior: boolean): Ring => ((area2(r) < 0) === exterior ? r : [...r].reverse());

export function densityMap(points: DensityPoint[], options: DensityOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const s = densitySurface(points, options.bandwidthM);
  const levels = s && s.max > 0 ? ticks(0, s.max, 8).filter((t) => t > 0) : [];
  const colours = schemeYlOrRd[Math.max(3, Math.min(9, levels.length))] ?? schemeYlOrRd[9];
  const bands = s
    ? contours().size([s.nx, s.ny]).thresholds(levels)([...s.values]).map((c, k) => ({
        type: 'Feature' as const,
        properties: { level: c.value, fill: colours[Math.min(k, colours.length - 1)] },
        geometry: {
          type: 'MultiPolygon' as const,
          // Contour coordinates are in node units (x east, y north from the south-west node), offset by half a node.
          coordinates: c.coordinates.map((poly) => poly.map((ring, r) => wind(ring.map(([x, y]) => s.toLonLat(x - 0.5, y - 0.5)), r === 0))),
        },
      }))
    : [];
  const domain = options.boundaries.features.length || points.length === 0
    ? options.boundaries
    : boxFeature(Math.min(...points.map((p) => p.lon)) - 0.01, Math.min(...points.map((p) => p.lat)) - 0.01, Math.max(...points.map((p) => p.lon)) + 0.01, Math.max(...points.map((p) => p.lat)) + 0.01);
  const legend = legendBlock(`Reports per km² (bandwidth ${formatCount(options.bandwidthM)} m)`,
    bands.map((b, k) => ({ label: k + 1 < bands.length ? `${formatRate(b.properties.level)} to ${formatRate(bands[k + 1].properties.level)}` : `${formatRate(b.properties.level)} or more`, fill: b.properties.fill })));
  return renderPlot({
    height: Math.round(width * 0.8) + legend.height,
    marginTop: legend.height,
    projection: mapProjection(domain),
    marks: [
      Plot.geo(bands, { fill: (f: { properties: { fill: string } }) => f.properties.fill, fillOpacity: 0.8, stroke: 'none' }),
      ...mapOverlay(options.boundaries, width, domain, legend.marks),
    ],
  }, options);
}
