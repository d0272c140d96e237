// Maps a partner can read (issue 17, items 3 and 5): classes by quantiles and
// natural breaks (checked against an exhaustive search), a density surface in
// metres that integrates to the reports and does not depend on the screen,
// the Scott's-rule default bandwidth recomputed apart, ward names, a scale bar
// that measures the map, legends above the map at 13 px, the emerging map and
// the police.uk context layer labelled as snapped, anonymised locations.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { geoMercator } from 'd3';
import { TRAFFORD, toD3 } from './hotspots-fixtures.ts';
import type { AreaGeometry } from '../server/hotspots/winding.ts';
import type { Boundaries } from '../client/src/charts/map-base.ts';
import { jenksBreaks, quantileBreaks } from '../client/src/charts/map-classes.ts';
import { choroplethMap } from '../client/src/charts/map-choropleth.ts';
import { densityMap, densitySurface } from '../client/src/charts/map-density.ts';
import { hotspotMap, CONTEXT_LABEL } from '../client/src/charts/map-hotspots.ts';
import { emergingMap } from '../client/src/charts/map-emerging.ts';
import { scottBandwidthM } from '../server/hotspots/density.ts';
import { toBritishNationalGrid } from '../server/hotspots/bng.ts';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const raw = JSON.parse(readFileSync(TRAFFORD, 'utf8')) as { features: { properties: Record<string, string>; geometry: AreaGeometry }[] };
const boundaries = {
  type: 'FeatureCollection',
  attribution: null,
  features: raw.features.map((f) => ({ type: 'Feature', properties: { area_code: f.properties.area_code, area_name: f.properties.area_name }, geometry: toD3(f.geometry) })),
} as Boundaries;
const texts = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

/** Jenks by exhaustive search: every way to cut the sorted values into k runs; the least total squared deviation. */
function jenksBrute(values: number[], k: number): number[] {
  const v = [...values].sort((a, b) => a - b);
  const ssd = (run: number[]) => { const m = run.reduce((a, b) => a + b, 0) / run.length; return run.reduce((a, b) => a + (b - m) ** 2, 0); };
  let best = Infinity, uppers: number[] = [];
  const walk = (start: number, left: number, cuts: number[]) => {
    if (left === 1) {
      const all = [...cuts, v.length];
      let cost = 0, from = 0;
      for (const c of all) { cost += ssd(v.slice(from, c)); from = c; }
      if (cost < best - 1e-9) { best = cost; uppers = all.map((c) => v[c - 1]); }
      return;
    }
    for (let c = start + 1; c <= v.length - left + 1; c++) walk(c, left - 1, [...cuts, c]);
  };
  walk(0, k, []);
  return uppers;
}

describe('map classes', () => {
  it('natural breaks match an exhaustive search', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 6; trial++) {
      const values = Array.from({ length: 12 }, () => Math.floor(rand() * rand() * 60));
      expect(jenksBreaks(values)).toEqual(jenksBrute(values, Math.min(5, new Set(values).size)));
    }
    expect(jenksBreaks([1, 1, 1, 9, 9, 10, 30, 31, 32, 80], 3)).toEqual([10, 32, 80]);
  });

  it('quantiles put about as many wards in each class', () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([2, 4, 6, 8, 10]);
    // ranks 2, 4, 6, 8, 10 of the sorted values: 0, 0, 0, 5, 12.
    expect(quantileBreaks([0, 0, 0, 0, 0, 0, 3, 5, 9, 12])).toEqual([0, 5, 12]);
  });

  it('draws a choropleth by natural breaks with its ranges in the legend, above the map', () => {
    const rows = boundaries.features.map((f, k) => ({ area_code: f.properties.area_code, area_name: f.properties.area_name, value: [1, 1, 2, 9, 10, 11, 30, 31, 60][k % 9] }));
    const svg = choroplethMap(rows, { document, boundaries, kind: 'count', classes: 'jenks', valueLabel: 'Count', width: 390, ariaLabel: 'Map' });
    const breaks = jenksBreaks(rows.map((r) => r.value));
    expect(texts(svg)).toContain(`${breaks[0] + 1} to ${breaks[1]}`);
    // Ward names on the map, and a scale bar.
    expect(texts(svg)).toEqual(expect.arrayContaining(['Altrincham', 'Stretford & Humphrey Park']));
    expect(svg.querySelector('g[data-mark="scale-bar"] text')?.textContent).toMatch(/^\d+(\.\d+)? k?m$/);
    // Drawn at 390 px: the legend's text is 13 px in a 390-wide SVG, above every ward.
    expect(svg.getAttribute('width')).toBe('390');
    expect(svg.getAttribute('font-size')).toBe('13');
  });
});

describe('scale bar', () => {
  it('measures the map: its length in pixels × metres per pixel of the projection is its label', () => {
    const width = 640;
    const svg = choroplethMap(boundaries.features.map((f) => ({ area_code: f.properties.area_code, area_name: null, value: 1 })), { document, boundaries, kind: 'count', valueLabel: 'Count', width, ariaLabel: 'Map' });
    const bar = svg.querySelector('g[data-mark="scale-bar"]')!;
    const d = bar.querySelector('path')!.getAttribute('d')!;
    const [x0, x1] = [Number(/^M([\d.]+)/.exec(d)![1]), Number(/H([\d.]+)/.exec(d)![1])];
    const label = bar.querySelector('text')!.textContent!;
    const metres = label.endsWith(' km') ? Number(label.slice(0, -3)) * 1000 : Number(label.slice(0, -2));
    // The same projection, fitted independently: Mercator, the boundaries fitted with Plot's inset of 12 px.
    const height = Number(svg.getAttribute('height'));
    const legendTop = height - Math.round(width * 0.8);
    const proj = geoMercator().fitExtent([[12, legendTop + 12], [width - 12, height - 12]], boundaries as never);
    const y = height - 14;
    const a = proj.invert!([x0, y])!, b = proj.invert!([x1, y])!;
    const dx = (b[0] - a[0]) * (Math.PI / 180) * 6_371_008.8 * Math.cos(a[1] * (Math.PI / 180));
    expect(Math.abs(dx - metres) / metres).toBeLessThan(0.02);
  });
});

describe('density in metres', () => {
  const points = [
    { lon: -2.35, lat: 53.39, reports: 3 },
    { lon: -2.3, lat: 53.44, reports: 1 },
    { lon: -2.31, lat: 53.445, reports: 2 },
  ];

  it('integrates to the number of reports (reports per km² over the surface)', () => {
    const s = densitySurface(points, 400)!;
    const total = s.values.reduce((a, v) => a + v, 0) * (s.stepM / 1000) ** 2;
    expect(Math.abs(total - 6)).toBeLessThan(0.06);
  });

  it('is the same at every screen size: the same levels and bands', () => {
    const narrow = densityMap(points, { document, boundaries, bandwidthM: 400, width: 390, ariaLabel: 'Density' });
    const wide = densityMap(points, { document, boundaries, bandwidthM: 400, width: 1000, ariaLabel: 'Density' });
    const legend = (svg: SVGSVGElement) => texts(svg).filter((t) => / to |or more/.test(t));
    expect(legend(narrow)).toEqual(legend(wide));
    expect(legend(narrow).length).toBeGreaterThan(3);
    expect(texts(narrow)).toContain('Reports per km² (bandwidth 400 m)');
  });

  it("takes its default bandwidth from Scott's rule on National Grid metres", () => {
    const xy = points.map((p) => toBritishNationalGrid(p.lon, p.lat));
    const w = points.map((p) => p.reports);
    const n = 6;
    const mean = (k: 0 | 1) => xy.reduce((a, v, i) => a + w[i] * v[k], 0) / n;
    const varOf = (k: 0 | 1) => xy.reduce((a, v, i) => a + w[i] * (v[k] - mean(k)) ** 2, 0) / n;
    const h = Math.sqrt((varOf(0) + varOf(1)) / 2) * Math.pow(n, -1 / 6);
    expect(scottBandwidthM(points)).toBe(Math.round(h / 10) * 10);
    expect(scottBandwidthM([{ lon: -2.3, lat: 53.4, reports: 1 }])).toBeNull();
  });
});

describe('emerging map and the police.uk layer', () => {
  const bbox = { min_lon: -2.48, min_lat: 53.36, max_lon: -2.25, max_lat: 53.48 };
  it('colours cells by category with a text legend; cold ones hatched', () => {
    const svg = emergingMap({
      cell_m: 500, bbox,
      categories: { new_hot: 'New hot spot', persistent_cold: 'Persistent cold spot', no_pattern: 'No pattern detected' } as never,
      cells: [
        { i: 1, j: 1, lon: -2.3, lat: 53.44, category: 'new_hot' },
        { i: 5, j: 2, lon: -2.35, lat: 53.4, category: 'persistent_cold' },
        { i: 6, j: 2, lon: -2.34, lat: 53.4, category: 'no_pattern' },
      ],
    }, { document, boundaries, ariaLabel: 'Emerging' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['Emerging hot spots', 'New hot spot', 'Persistent cold spot']));
    expect(texts(svg)).not.toContain('No pattern detected');
    expect([...svg.querySelectorAll('title')].map((t) => t.textContent)).toContain('Cell 5, 2: Persistent cold spot');
    expect(svg.querySelectorAll('path[fill^="url(#cell-hatch"]').length).toBeGreaterThanOrEqual(1);
  });

  it('draws police.uk points beneath the cells, labelled as snapped, anonymised locations', () => {
    const svg = hotspotMap({ cell_m: 250, bbox, cells: [{ i: 0, j: 0, lon: -2.3, lat: 53.44, class: 'hot_99' }] }, {
      document, boundaries, ariaLabel: 'Hot spots', context: [{ lon: -2.31, lat: 53.43, crimes: 4 }, { lon: -2.32, lat: 53.42, crimes: 1 }],
    });
    expect(texts(svg)).toContain(CONTEXT_LABEL);
    expect(CONTEXT_LABEL).toMatch(/snapped, anonymised/);
    // Two points and the legend's swatch.
    expect(svg.querySelectorAll('circle[fill="#8c8c8c"], g[fill="#8c8c8c"] circle').length).toBe(3);
  });
});
