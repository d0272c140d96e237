// Shared hotspot exports: aggregated only (wards or grid cells, never points or
// ids), small counts withheld (server/hotspots/suppress.ts), as an RFC 7946
// GeoJSON FeatureCollection (exterior rings counter-clockwise) or as CSV, each
// with its metadata. Gi* z-scores and p-values are left out of the grid export:
// with the shown counts they would let withheld counts be worked out; the class
// (hot/cold at 90/95/99 %) is kept where the count is shown. A ward map's set is
// its wards with the unmapped ones (their total is the measure's), as in the API.
import { createHash } from 'node:crypto';
import { cellRing } from './grid.ts';
import { suppressionMask } from './suppress.ts';
import { toRfc7946, type AreaGeometry } from './winding.ts';
import type { Boundary, GridResult } from './service.ts';
import type { WardCounts } from './wards.ts';

export const CLASSIFICATION = 'OFFICIAL-SENSITIVE' as const;

export interface ExportMeta {
  title: string;
  classification: typeof CLASSIFICATION;
  period: { from: string; to: string };
  level: 'ward' | 'grid';
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

export function gridExport(grid: GridResult, threshold: number, meta: Omit<ExportMeta, 'level' | 'method' | 'cell_m'>): ExportTable {
  const g = grid.grid;
  const mask = suppressionMask(grid.cells.map((c) => c.count), threshold);
  const features = g
    ? grid.cells.map((c, k) => ({
        properties: { i: c.i, j: c.j, count: mask[k] ? null : c.count, suppressed: mask[k], class: mask[k] ? null : c.class } as Props,
        geometry: { type: 'Polygon', coordinates: [cellRing(g, c.i, c.j)] } as AreaGeometry,
      }))
    : [];
  const method =
    `Location reports in the period (each report once) counted in ${grid.cell_m} m square cells of a local equirectangular grid ` +
    `(origin the south-west corner of the ${grid.extent ?? 'area'} bounding box); Getis-Ord Gi* (Getis & Ord 1995, cell included) with ` +
    `binary weights over the cell and its up-to-8 neighbours; classes hot/cold at 99/95/90 % confidence after Benjamini–Hochberg ` +
    `false discovery rate correction at 0.01/0.05/0.10 (the 90 % class is not significant at FDR 0.05).`;
  return { meta: { ...meta, level: 'grid', method, cell_m: grid.cell_m }, columns: ['i', 'j', 'count', 'suppressed', 'class'], features };
}

export function wardExport(
  wards: WardCounts,
  boundaries: Boundary[],
  threshold: number,
  meta: Omit<ExportMeta, 'level' | 'method' | 'cell_m'>,
): ExportTable {
  const set = [...wards.rows.map((r) => ({ name: r.area_code, count: r.count })), ...wards.unmapped.map((u) => ({ name: u.ward, count: u.count }))];
  const mask = suppressionMask(set.map((c) => c.count), threshold, set.map((c) => c.name));
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

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV: the metadata as leading `# key: value` lines, then a header row and one row per ward or cell. */
export function toCsv(t: ExportTable): string {
  const lines = Object.entries(t.meta).map(([k, v]) => csvCell(`# ${k}: ${v === null ? '' : typeof v === 'object' ? `${v.from} to ${v.to}` : v}`));
  lines.push(t.columns.join(','));
  for (const f of t.features) lines.push(t.columns.map((c) => csvCell(f.properties[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
