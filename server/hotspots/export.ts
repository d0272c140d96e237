// Shared hotspot exports: aggregated only (wards or grid cells, never points or
// ids), small counts withheld (server/hotspots/suppress.ts), as an RFC 7946
// GeoJSON FeatureCollection (exterior rings counter-clockwise) or as CSV, each
// with its metadata. Gi* z-scores and p-values are left out of the grid export:
// with the shown counts they would let withheld counts be worked out; the class
// (hot/cold at 90/95/99 %) and whether Gi* could speak (gi_status) are kept
// where the count is shown. A ward map's set is its wards with the unmapped
// ones (their total is the measure's), as in the API. Every cell is a place:
// its centre in WGS84 and British National Grid, its OS grid reference and the
// ward holding the centre.
import { createHash } from 'node:crypto';
import { cellRing } from './grid.ts';
import { suppressionMask } from './suppress.ts';
import { toRfc7946, type AreaGeometry } from './winding.ts';
import { neighbourhoodOf, type Boundary, type CellPlace, type GridResult } from './service.ts';
import type { WardCounts } from './wards.ts';
import { EMERGING_CATEGORIES } from './emerging.ts';
import type { EmergingResult } from './emerging-service.ts';
import { csvDocument, type CsvValue } from '../text/csv.ts';

export const CLASSIFICATION = 'OFFICIAL-SENSITIVE' as const;

export interface ExportMeta {
  title: string;
  classification: typeof CLASSIFICATION;
  period: { from: string; to: string };
  level: 'ward' | 'grid' | 'emerging';
  method: string;
  cell_m: number | null;
  location_type: string | null;
  suppression_threshold: number;
  suppression: string;
  attribution: string | null;
  generated_at: string;
}

type Props = Record<string, string | number | boolean | null>;

export interface ExportTable {
  meta: ExportMeta;
  columns: string[];
  features: { properties: Props; geometry: AreaGeometry }[];
}

export function suppressionNote(threshold: number): string {
  return `Counts from 1 to ${threshold} are withheld (count null, suppressed true), and rates with them; when only one count is withheld, the next smallest is withheld too.`;
}

/** The columns that place a cell: grid position, centre (WGS84, 6 decimals ≈ 0.1 m), National Grid, OS grid reference, ward. */
export const PLACE_COLUMNS = ['i', 'j', 'lon', 'lat', 'easting', 'northing', 'grid_ref', 'ward_code', 'ward_name'] as const;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function placeProps(c: CellPlace): Props {
  return {
    i: c.i, j: c.j, lon: round6(c.lon), lat: round6(c.lat), easting: c.easting, northing: c.northing,
    grid_ref: c.grid_ref, ward_code: c.ward_code, ward_name: c.ward_name,
  };
}

/** The grid's method, parameters and limits, in words (exports and the methodology appendix). */
export function gridMethod(cellM: number, extent: string | null, guard: { minNeighbourhood: number; minTotal: number }): string {
  const n = neighbourhoodOf(cellM);
  return (
    `Location reports in the period (each report once) counted in ${cellM} m square cells of a local equirectangular grid ` +
    `(origin the south-west corner of the ${extent ?? 'area'} bounding box). Getis-Ord Gi* (Getis & Ord 1995, cell included) with ` +
    `binary weights over the cell and its up-to-8 neighbours: a ${n.side_m} m square, centres up to ${n.max_centre_distance_m} m apart. ` +
    `Gi* is not shown ("too few reports") for a cell whose neighbourhood holds fewer than ${guard.minNeighbourhood} reports, nor anywhere when ` +
    `the grid holds fewer than ${guard.minTotal}. Classes hot/cold at 99/95/90 % confidence after Benjamini–Hochberg ` +
    `false discovery rate correction over every cell of the grid at 0.01/0.05/0.10 (the 90 % class is not significant at FDR 0.05). ` +
    `A cell's centre is given in WGS84 and on the British National Grid (OSGB36 by the OS Helmert transformation, good to about 5 m); ` +
    `its ward is the boundary holding the centre.`
  );
}

export function gridExport(
  grid: GridResult,
  threshold: number,
  meta: Omit<ExportMeta, 'level' | 'method' | 'cell_m'>,
  forced?: boolean[],
): ExportTable {
  const g = grid.grid;
  // Suppression over the cells listed: zeros are never withheld, so listing only reported cells withholds the same as the whole grid.
  const mask = suppressionMask(grid.cells.map((c) => c.count), threshold, [], forced);
  const features = g
    ? grid.cells.map((c, k) => ({
        properties: { ...placeProps(c), count: mask[k] ? null : c.count, suppressed: mask[k], gi_status: mask[k] ? null : c.gi_status, class: mask[k] ? null : c.class } as Props,
        geometry: { type: 'Polygon', coordinates: [cellRing(g, c.i, c.j)] } as AreaGeometry,
      }))
    : [];
  const method = gridMethod(grid.cell_m, grid.extent, { minNeighbourhood: grid.min_neighbourhood_reports, minTotal: grid.min_total_reports });
  return {
    meta: { ...meta, level: 'grid', method, cell_m: grid.cell_m },
    columns: [...PLACE_COLUMNS, 'count', 'suppressed', 'gi_status', 'class'],
    features,
  };
}

export function emergingMethod(r: Pick<EmergingResult, 'cell_m' | 'step' | 'steps' | 'min_neighbourhood_reports' | 'min_total_reports' | 'trend_alpha'>): string {
  return (
    `Emerging hot spots over ${r.steps.length ? `${r.steps.length} ${r.step}s (${r.steps[0].period} to ${r.steps[r.steps.length - 1].period})` : 'a span of months or quarters'}: at every step, Getis-Ord Gi* on the ` +
    `${r.cell_m} m grid as for the single-period map (the cell and its 8 neighbours; "too few reports" under ${r.min_neighbourhood_reports} in the ` +
    `neighbourhood or ${r.min_total_reports} in the grid; Benjamini–Hochberg over every cell), a cell being a hot or cold spot at 90 % confidence or more. ` +
    `The trend of each cell's z-scores is the Mann–Kendall test, significant at p ≤ ${r.trend_alpha}. Categories as ArcGIS Pro's Emerging Hot Spot ` +
    `Analysis (new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical; hot and cold; no pattern), "90 % of the steps" ` +
    `meaning hot (cold) at no fewer than 0.9 × the number of steps. Pattern: one letter per step, H hot, C cold, · neither. Only cells with a report in the span are listed.`
  );
}

/** Emerging hot spots: one feature per cell with reports in the span, its category and pattern; total counts withheld as the grid's. */
export function emergingExport(r: EmergingResult, threshold: number, meta: Omit<ExportMeta, 'level' | 'method' | 'cell_m'>, forced?: boolean[]): ExportTable {
  const g = r.grid;
  const mask = suppressionMask(r.cells.map((c) => c.count), threshold, [], forced);
  const features = g
    ? r.cells.map((c, k) => ({
        properties: {
          ...placeProps(c), count: mask[k] ? null : c.count, suppressed: mask[k],
          ...(mask[k]
            ? { category: null, category_label: null, pattern: null, hot_steps: null, cold_steps: null }
            : { category: c.category, category_label: EMERGING_CATEGORIES[c.category], pattern: c.pattern, hot_steps: c.hot_steps, cold_steps: c.cold_steps }),
        } as Props,
        geometry: { type: 'Polygon', coordinates: [cellRing(g, c.i, c.j)] } as AreaGeometry,
      }))
    : [];
  return {
    meta: { ...meta, level: 'emerging', method: emergingMethod(r), cell_m: r.cell_m },
    columns: [...PLACE_COLUMNS, 'count', 'suppressed', 'category', 'category_label', 'pattern', 'hot_steps', 'cold_steps'],
    features,
  };
}

export function wardExport(
  wards: WardCounts,
  boundaries: Boundary[],
  threshold: number,
  meta: Omit<ExportMeta, 'level' | 'method' | 'cell_m'>,
  forced?: boolean[],
): ExportTable {
  const set = [...wards.rows.map((r) => ({ name: r.area_code, count: r.count })), ...wards.unmapped.map((u) => ({ name: u.ward, count: u.count }))];
  const mask = suppressionMask(set.map((c) => c.count), threshold, set.map((c) => c.name), forced);
  const geometry = new Map(boundaries.map((b) => [b.area_code, b.geometry]));
  const features = wards.rows.map((r, k) => ({
    properties: {
      area_code: r.area_code,
      area_name: r.area_name,
      measure: wards.measure,
      count: mask[k] ? null : r.count,
      suppressed: mask[k],
      children_0_17: r.population,
      rate_per_10000: mask[k] ? null : r.rate,
    } as Props,
    geometry: toRfc7946(geometry.get(r.area_code)!),
  }));
  const method = `${wards.label}, counted per ward for the period; rate per 10,000 children aged 0–17 (population for the year the period ends, or the latest year before it).`;
  return {
    meta: { ...meta, level: 'ward', method, cell_m: null },
    columns: ['area_code', 'area_name', 'measure', 'count', 'suppressed', 'children_0_17', 'rate_per_10000'],
    features,
  };
}

export function toGeoJson(t: ExportTable): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    name: `hotspots_${t.meta.level}`,
    metadata: t.meta,
    features: t.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })),
  });
}

/** CSV: the metadata as leading `# key: value` lines, then a header row and one row per ward or cell (server/text/csv.ts guards formulas). */
export function toCsv(t: ExportTable): string {
  const meta = Object.entries(t.meta).map(([k, v]) => [`# ${k}: ${v === null ? '' : typeof v === 'object' ? `${v.from} to ${v.to}` : v}`]);
  const rows = t.features.map((f) => t.columns.map((c) => f.properties[c] as CsvValue));
  return csvDocument([...meta, t.columns, ...rows]);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
