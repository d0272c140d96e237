import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { TRAFFORD, toD3 } from './hotspots-fixtures.ts';
import type { AreaGeometry } from '../server/hotspots/winding.ts';
import type { Boundaries } from '../client/src/charts/map-base.ts';
import { choroplethMap, classBreaks } from '../client/src/charts/map-choropleth.ts';
import { hotspotMap, type HotspotCell } from '../client/src/charts/map-hotspots.ts';
import { locationsMap, type LocationPoint } from '../client/src/charts/map-locations.ts';
import { densityMap } from '../client/src/charts/map-density.ts';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const raw = JSON.parse(readFileSync(TRAFFORD, 'utf8')) as { features: { properties: Record<string, string>; geometry: AreaGeometry }[] };
const boundaries = {
  type: 'FeatureCollection',
  attribution: 'Contains National Statistics and OS data © Crown copyright and database right 2023',
  features: raw.features.map((f) => ({
    type: 'Feature',
    properties: { area_code: f.properties.area_code, area_name: f.properties.area_name },
    geometry: toD3(f.geometry),
  })),
} as Boundaries;
const codes = boundaries.features.map((f) => f.properties.area_code);

const texts = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].map((t) => t.textContent);
const titles = (svg: SVGSVGElement) => [...svg.querySelectorAll('title')].map((t) => t.textContent ?? '');

describe('ward choropleth', () => {
  const rows = codes.map((c, k) => ({ area_code: c, area_name: null, value: k === 0 ? null : k * 2, suppressed: k === 0 }));
  const svg = choroplethMap(rows, { document, boundaries, valueLabel: 'Cases', kind: 'count', ariaLabel: 'Map of cases by home ward' });

  it('draws every ward, the withheld one hatched, with legend and attribution', () => {
    expect(svg.getAttribute('role')).toBe('img');
    const wardTitles = titles(svg).filter((t) => t.includes(': '));
    expect(wardTitles.length).toBe(21);
    expect(wardTitles).toContain('Altrincham: [c]');
    expect(wardTitles).toContain('Ashton upon Mersey: 2');
    expect(svg.querySelectorAll('path[fill^="url(#not-recorded-hatch"]').length).toBe(1);
    expect(texts(svg)).toContain('Contains National Statistics and OS data © Crown copyright and database right 2023');
    expect(texts(svg)).toContain('Cases');
    expect(texts(svg)).toContain('0 to 8');
    expect(texts(svg)).toContain('33 to 40');
  });

  it('fits the map to the boundaries (every ward path inside the frame)', () => {
    const d = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '').filter((x) => x.length > 100);
    expect(d.length).toBeGreaterThanOrEqual(21);
    const nums = d.join(' ').match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...nums)).toBeLessThanOrEqual(640);
  });

  it('breaks counts into five whole-number classes', () => {
    expect(classBreaks(40, 'count')).toEqual([8, 16, 24, 32, 40]);
    expect(classBreaks(0, 'count')).toEqual([1, 2, 3, 4, 5]);
    expect(classBreaks(12.5, 'rate')).toEqual([2.5, 5, 7.5, 10, 12.5]);
  });
});

describe('hotspot grid map', () => {
  it('draws hot and cold cells with a text legend', () => {
    const cells: HotspotCell[] = [
      { i: 0, j: 0, lon: -2.30, lat: 53.44, class: 'hot_99' },
      { i: 1, j: 0, lon: -2.296, lat: 53.44, class: 'hot_90' },
      { i: 2, j: 0, lon: -2.292, lat: 53.44, class: 'not_significant' },
      { i: 3, j: 0, lon: -2.35, lat: 53.40, class: 'cold_95' },
    ];
    const svg = hotspotMap({ cell_m: 250, bbox: { min_lon: -2.48, min_lat: 53.36, max_lon: -2.25, max_lat: 53.48 }, cells }, { document, boundaries, ariaLabel: 'Hot spots' });
    expect(titles(svg).filter((t) => t.startsWith('Cell ')).sort()).toEqual([
      'Cell 0, 0: Hot spot, 99% confidence', 'Cell 1, 0: Hot spot, 90% confidence', 'Cell 3, 0: Cold spot, 95% confidence',
    ]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Getis-Ord Gi*', 'Hot spot, 99% confidence', 'Cold spot, 95% confidence']));
    expect(texts(svg)).not.toContain('Hot spot, 95% confidence');
  });
});

describe('locations of concern', () => {
  const points: LocationPoint[] = [
    { location_id: 'L1', location_type: 'hotel', lon: -2.35, lat: 53.39, reports: 3, children: 2, repeat: true },
    { location_id: 'L2', location_type: 'park', lon: -2.30, lat: 53.44, reports: 1, children: 1, repeat: false },
    { location_id: 'L3', location_type: 'park', lon: -2.31, lat: 53.445, reports: 2, children: 1, repeat: false },
  ];

  it('draws points by type with repeat locations ringed', () => {
    const svg = locationsMap(points, { document, boundaries, ariaLabel: 'Locations' });
    expect(titles(svg)).toContain('Hotel: 3 reports, 2 children');
    expect(svg.querySelectorAll('circle[stroke-width="2"], g[stroke-width="2"] circle').length).toBe(1);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Hotel', 'Park', 'Repeat location (2+ children)']));
  });

  it('draws a kernel density surface whose extent follows the bandwidth', () => {
    const narrow = densityMap(points, { document, boundaries, bandwidthM: 300, ariaLabel: 'Density' });
    const wide = densityMap(points, { document, boundaries, bandwidthM: 1500, ariaLabel: 'Density' });
    const contours = (svg: SVGSVGElement) => [...svg.querySelectorAll('g[fill-opacity] path')].map((p) => p.getAttribute('d') ?? '');
    // Horizontal extent (px) of the outermost density contours.
    const spread = (svg: SVGSVGElement) => {
      const xs = contours(svg).join(' ').match(/[ML]-?[\d.]+/g)!.map((m) => Number(m.slice(1)));
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(contours(narrow).length).toBeGreaterThan(0);
    expect(spread(wide)).toBeGreaterThan(spread(narrow) + 50);
    expect(texts(narrow)).toContain('Reports per km² (bandwidth 300 m)');
  });
});
