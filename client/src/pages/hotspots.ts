// Hotspots (/hotspots): ward choropleths (counts and rates per 10,000
// children), the Getis-Ord Gi* grid of location reports, locations of concern
// as points and as a kernel density, and the shared exports (aggregated,
// small counts withheld, logged). Maps are drawn from the loaded boundaries:
// nothing is fetched from outside this server.
import type { Boundaries } from '../charts/map-base.ts';
import { choroplethMap } from '../charts/map-choropleth.ts';
import { CLASS_STYLE, hotspotMap, type HotspotCell, type HotspotClass } from '../charts/map-hotspots.ts';
import { densityMap, locationsMap, type LocationPoint } from '../charts/map-locations.ts';
import { apiUrl } from '../api.ts';
import { dataTable, type Column, type Row } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { downloadPng, downloadSvg, slug } from '../components/download.ts';
import { figure } from '../components/figure.ts';
import { errorBox, loadInto } from '../components/status.ts';
import { formatCount } from '../format.ts';
import { codeLabel } from '../labels.ts';
import type { PageContext } from '../page.ts';

interface WardAnswer {
  measures: Record<string, string>;
  measure: string;
  label: string;
  rows: { area_code: string; area_name: string | null; count: number; population: number | null; rate: number | null }[];
  unmapped: { ward: string; count: number }[];
}

interface GridAnswer {
  cell_m: number;
  neighbourhood: { cells: number; side_m: number; max_centre_distance_m: number };
  min_neighbourhood_reports: number;
  min_total_reports: number;
  bbox: { min_lon: number; min_lat: number; max_lon: number; max_lat: number } | null;
  extent: string | null;
  ncol: number;
  nrow: number;
  counted: number;
  outside: number;
  no_coordinates: number;
  cells: GridCell[];
}

interface ExportCollection {
  features: { properties: Record<string, unknown> & { suppressed: boolean }; geometry: { coordinates: number[][][] } }[];
}

const MEASURES: [string, string][] = [
  ['location_reports', 'Location reports (ward of the location)'],
  ['cases_home', 'Cases (home ward)'],
  ['missing_home', 'Missing episodes (home ward)'],
  ['missing_found', 'Missing episodes (ward where found)'],
  ['offenders_home', 'Offenders (home ward)'],
];
const TYPES = ['hotel', 'takeaway', 'licensed_premises', 'park', 'shopping_centre', 'transport_hub', 'taxi_private_hire', 'school', 'private_address', 'online', 'other'];
const CELLS = ['100', '250', '500', '1000'];

function select(id: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLElement {
  const sel = h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  sel.addEventListener('change', () => onChange(sel.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

function bandwidthField(value: number, onChange: (v: number) => void): HTMLElement {
  const input = h('input', { id: 'hs-bandwidth', name: 'bandwidth', type: 'range', min: 5, max: 80, step: 5, value });
  input.addEventListener('change', () => onChange(Number(input.value)));
  return h('div', { class: 'field' }, h('label', { for: 'hs-bandwidth' }, `Density bandwidth (${value} px)`), input);
}

function attributionNote(b: Boundaries): Node | null {
  return b.attribution ? h('p', { class: 'note' }, b.attribution) : null;
}

/** What the ward map cannot draw: counts with no ward recorded, or with a ward code no boundary held matches. */
function unmappedNote(w: WardAnswer): Node | null {
  if (w.unmapped.length === 0) return null;
  const codes = w.unmapped.filter((u) => u.ward !== 'not_recorded');
  const none = w.unmapped.find((u) => u.ward === 'not_recorded');
  const parts: string[] = [];
  if (codes.length) parts.push(`${codes.length === 1 ? '1 ward cannot' : `${codes.length} wards cannot`} be drawn, as no boundary held has ${codes.length === 1 ? 'its code' : 'their codes'}: ${codes.map((u) => `${u.ward} (${formatCount(u.count)})`).join(', ')}`);
  if (none) parts.push(`${formatCount(none.count)} with no ward recorded`);
  return h('p', { class: 'warning', role: 'note' }, `Not on the map: ${parts.join('; ')}. They are listed at the foot of the table.`);
}

async function choropleth(ctx: PageContext, b: Boundaries, measure: string, kind: 'count' | 'rate', type: string, n: number): Promise<Node> {
  const typed = measure === 'location_reports' && type;
  const w = await ctx.getJson<WardAnswer>('/api/hotspots/wards', { ...ctx.period, measure, location_type: typed ? type : undefined });
  const caption = `${w.label}${typed ? ` (${codeLabel(type).toLowerCase()})` : ''}${kind === 'rate' ? ', rate per 10,000 children aged 0 to 17' : ''}, ${ctx.periodLabel}`;
  const chart = choroplethMap(w.rows.map((r) => ({ ...r, value: kind === 'rate' ? r.rate : r.count })), {
    boundaries: b, kind, valueLabel: kind === 'rate' ? 'Per 10,000 children' : 'Count', ariaLabel: `Map: ${caption}`,
  });
  const rows: Row[] = [...w.rows.map((r) => ({ ...r, area_name: r.area_name ?? r.area_code })), ...w.unmapped.map((u) => ({ area_code: u.ward, area_name: u.ward === 'not_recorded' ? 'Not recorded' : `${u.ward} (no boundary)`, count: u.count, population: null, rate: null }))];
  const columns: Column[] = [
    { key: 'area_name', label: 'Ward' },
    { key: 'area_code', label: 'Code' },
    { key: 'count', label: 'Count', kind: 'count' },
    { key: 'population', label: 'Children aged 0 to 17', kind: 'count' },
    { key: 'rate', label: 'Rate per 10,000 children', kind: 'rate' },
  ];
  return figure(chart, dataTable(rows, columns, { caption }), { caption, number: n, notes: [unmappedNote(w), attributionNote(b)] });
}

/** A grid cell as the API lists it: a place (centre, National Grid, ward), its count and its statistic. */
type GridCell = HotspotCell & {
  count: number | null;
  easting: number | null;
  northing: number | null;
  grid_ref: string | null;
  ward_code: string | null;
  ward_name: string | null;
  gi_z: number | null;
  gi_p: number | null;
  gi_status: 'tested' | 'too_few_reports' | 'undefined';
};

const CLASS_ORDER: HotspotClass[] = ['hot_99', 'hot_95', 'hot_90', 'cold_99', 'cold_95', 'cold_90', 'not_significant'];

/** The table's rows: every cell with reports or significant, hot spots first, then by reports. */
function cellRows(cells: GridCell[]): Row[] {
  return [...cells]
    .sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || (b.count ?? 0) - (a.count ?? 0))
    .map((c) => ({
      cls: c.class === 'not_significant' ? 'Not significant' : CLASS_STYLE[c.class].label,
      ward: c.ward_name ? `${c.ward_name} (${c.ward_code})` : 'Outside the wards held',
      grid_ref: c.grid_ref ?? '',
      easting: c.easting, northing: c.northing,
      lat: c.lat.toFixed(5), lon: c.lon.toFixed(5),
      count: c.count,
      z: c.gi_status === 'too_few_reports' ? 'too few reports' : c.gi_z === null ? 'not defined' : c.gi_z.toFixed(2),
      p: c.gi_p === null ? '' : c.gi_p < 0.001 ? '< 0.001' : c.gi_p.toFixed(3),
    }));
}

async function hotspots(ctx: PageContext, b: Boundaries, cellM: string, type: string, n: number): Promise<Node> {
  // Only the cells the map draws and the table lists (with reports or significant), not the whole grid.
  const g = await ctx.getJson<GridAnswer>('/api/hotspots/grid', { ...ctx.period, cell_m: cellM, location_type: type || undefined, cells: 'reported' });
  const caption = `Hot and cold spots of location reports${type ? ` (${codeLabel(type).toLowerCase()})` : ''}, ${g.cell_m} m grid, ${ctx.periodLabel}`;
  const chart = hotspotMap(g, { boundaries: b, ariaLabel: `Map: ${caption}` });
  const table = dataTable(cellRows(g.cells), [
    { key: 'cls', label: 'Class' }, { key: 'ward', label: 'Ward (of the cell centre)' }, { key: 'grid_ref', label: 'OS grid reference' },
    { key: 'easting', label: 'Easting (m)' }, { key: 'northing', label: 'Northing (m)' }, { key: 'lat', label: 'Latitude' }, { key: 'lon', label: 'Longitude' },
    { key: 'count', label: 'Reports in cell', kind: 'count' }, { key: 'z', label: 'Gi* z' }, { key: 'p', label: 'p (two-sided)' },
  ], { caption: `Cells with reports or significant: ${caption}` });
  const tooFew = g.cells.filter((c) => c.gi_status === 'too_few_reports').length;
  const note = h('p', { class: 'note' },
    `${formatCount(g.counted)} reports in ${formatCount(g.ncol * g.nrow)} cells (${g.ncol} × ${g.nrow}); ${formatCount(g.outside)} outside the ${g.extent ?? 'mapped'} area and ${formatCount(g.no_coordinates)} without coordinates left out. ` +
    `Getis-Ord Gi* on each ${g.cell_m} m cell and its 8 neighbours (a ${formatCount(g.neighbourhood.side_m)} m square; centres up to ${formatCount(g.neighbourhood.max_centre_distance_m)} m apart); ` +
    `hot/cold at 99/95/90 % confidence after Benjamini–Hochberg false discovery rate correction over every cell (90 % cells are not significant at FDR 0.05). ` +
    `"Too few reports": fewer than ${g.min_neighbourhood_reports} reports in the neighbourhood, or fewer than ${g.min_total_reports} in the grid — no statistic is shown (${formatCount(tooFew)} of the cells listed). ` +
    'Centres on the British National Grid (OSGB36, OS Helmert transformation, good to about 5 m); the ward is the one holding the centre.');
  return figure(chart, table, { caption, number: n, notes: [note, attributionNote(b)] });
}

async function locations(ctx: PageContext, b: Boundaries, type: string, bandwidth: number, n: number): Promise<Node[]> {
  const a = await ctx.getJson<{ rows: LocationPoint[] }>('/api/hotspots/locations', { ...ctx.period, location_type: type || undefined });
  const label = type ? ` (${codeLabel(type).toLowerCase()})` : '';
  const caption = `Locations of concern reported${label}, ${ctx.periodLabel}`;
  const table = dataTable(a.rows.map((p) => ({ ...p, repeat: p.repeat ? 'Yes' : 'No' })), [
    { key: 'location_id', label: 'Location' }, { key: 'location_type', label: 'Type', format: codeLabel },
    { key: 'reports', label: 'Reports', kind: 'count' }, { key: 'children', label: 'Children', kind: 'count' }, { key: 'repeat', label: 'Repeat (2+ children)' },
  ], { caption });
  const dCaption = `Density of location reports${label}, bandwidth ${bandwidth} px, ${ctx.periodLabel}`;
  const byType = TYPES.map((t) => ({ key: t, reports: a.rows.filter((p) => p.location_type === t).reduce((s, p) => s + p.reports, 0) })).filter((r) => r.reports > 0);
  const dTable = dataTable(byType, [{ key: 'key', label: 'Type', format: codeLabel }, { key: 'reports', label: 'Reports', kind: 'count' }], { caption: `Reports by location type${label}, ${ctx.periodLabel}` });
  return [
    figure(locationsMap(a.rows, { boundaries: b, ariaLabel: `Map: ${caption}` }), table, { caption, number: n, notes: [attributionNote(b)] }),
    figure(densityMap(a.rows, { boundaries: b, bandwidth, ariaLabel: `Map: ${dCaption}` }), dTable, { caption: dCaption, number: n + 1, notes: [attributionNote(b)] }),
  ];
}

/** Links to the shared files, and SVG/PNG maps drawn from the same (suppressed, logged) export. */
function sharing(ctx: PageContext, b: Boundaries, measure: string, cellM: string, type: string): Node {
  const params = (level: string) => ({
    ...ctx.period, level, measure: level === 'ward' ? measure : undefined, cell_m: level === 'grid' ? cellM : undefined,
    cells: level === 'grid' ? 'reported' : undefined, location_type: type && (level === 'grid' || measure === 'location_reports') ? type : undefined,
  });
  const out = h('div', {});
  const imageButton = (level: 'ward' | 'grid', format: 'svg' | 'png') => {
    const btn = h('button', { type: 'button', class: 'secondary' }, `${level === 'ward' ? 'Ward' : 'Grid'} map (${format.toUpperCase()})`);
    btn.addEventListener('click', () => {
      void sharedImage(ctx, b, level, params(level), format).catch((e: unknown) => out.append(errorBox(e, 'the shared map')));
    });
    return btn;
  };
  const link = (level: string, ext: string) => h('a', { href: apiUrl(`/api/exports/hotspots.${ext}`, params(level)), download: '' }, `${level === 'ward' ? 'Wards' : 'Grid cells'} (${ext === 'geojson' ? 'GeoJSON' : 'CSV'})`);
  out.append(
    h('p', {}, 'Files for partners (OFFICIAL-SENSITIVE): wards or grid cells only, never locations; counts from 1 to the suppression threshold are withheld; each download is logged.'),
    h('div', { class: 'actions' }, link('ward', 'geojson'), link('ward', 'csv'), link('grid', 'geojson'), link('grid', 'csv')),
    h('div', { class: 'actions' }, imageButton('ward', 'svg'), imageButton('ward', 'png'), imageButton('grid', 'svg'), imageButton('grid', 'png')),
  );
  return out;
}

async function sharedImage(ctx: PageContext, b: Boundaries, level: 'ward' | 'grid', params: Record<string, string | undefined>, format: 'svg' | 'png'): Promise<void> {
  const fc = await ctx.getJson<ExportCollection & { metadata: { title: string; cell_m: number | null } }>('/api/exports/hotspots.geojson', params);
  const title = `${fc.metadata.title}, ${ctx.periodLabel} (OFFICIAL-SENSITIVE, small counts withheld)`;
  let svg: SVGSVGElement;
  if (level === 'ward') {
    const rows = fc.features.map((f) => ({ area_code: String(f.properties.area_code), area_name: null, value: f.properties.count as number | null, suppressed: f.properties.suppressed }));
    svg = choroplethMap(rows, { boundaries: b, kind: 'count', valueLabel: 'Count', ariaLabel: title });
  } else {
    // Cell centres from the exported squares (south-west and north-east corners).
    const cells = fc.features.map((f) => {
      const ring = f.geometry.coordinates[0];
      return { i: Number(f.properties.i), j: Number(f.properties.j), lon: (ring[0][0] + ring[2][0]) / 2, lat: (ring[0][1] + ring[2][1]) / 2, class: f.properties.class as HotspotClass };
    });
    const lons = fc.features.flatMap((f) => f.geometry.coordinates[0].map((p) => p[0]));
    const lats = fc.features.flatMap((f) => f.geometry.coordinates[0].map((p) => p[1]));
    const bbox = { min_lon: Math.min(...lons), min_lat: Math.min(...lats), max_lon: Math.max(...lons), max_lat: Math.max(...lats) };
    svg = hotspotMap({ cell_m: fc.metadata.cell_m ?? 250, bbox, cells }, { boundaries: b, ariaLabel: title });
  }
  if (format === 'svg') downloadSvg(svg, slug(title));
  else await downloadPng(svg, slug(title));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const measure = MEASURES.some(([m]) => m === ctx.params.get('measure')) ? ctx.params.get('measure')! : 'location_reports';
  const kind = ctx.params.get('show') === 'rate' ? 'rate' : 'count';
  const type = TYPES.includes(ctx.params.get('type') ?? '') ? ctx.params.get('type')! : '';
  const cellM = CELLS.includes(ctx.params.get('cell') ?? '') ? ctx.params.get('cell')! : '250';
  const bandwidth = Math.min(80, Math.max(5, Number(ctx.params.get('bandwidth')) || 20));
  const sections = { wards: h('div', {}), grid: h('div', {}), points: h('div', { class: 'figures' }), share: h('div', {}) };
  root.append(
    h('h1', {}, `Hotspots, ${ctx.periodLabel}`),
    h('form', { class: 'trend-options', 'aria-label': 'Map options' },
      select('hs-measure', 'Ward map', MEASURES, measure, (v) => ctx.setParams({ measure: v === 'location_reports' ? null : v })),
      select('hs-show', 'Show', [['count', 'Counts'], ['rate', 'Rate per 10,000 children']], kind, (v) => ctx.setParams({ show: v === 'count' ? null : v })),
      select('hs-type', 'Location type', [['', 'All types'], ...TYPES.map((t): [string, string] => [t, codeLabel(t)])], type, (v) => ctx.setParams({ type: v || null })),
      select('hs-cell', 'Grid cell', CELLS.map((c): [string, string] => [c, `${c} m`]), cellM, (v) => ctx.setParams({ cell: v === '250' ? null : v })),
      bandwidthField(bandwidth, (v) => ctx.setParams({ bandwidth: v === 20 ? null : v }))),
    h('section', { 'aria-labelledby': 'hs-wards' }, h('h2', { id: 'hs-wards' }, 'By ward'), sections.wards),
    h('section', { 'aria-labelledby': 'hs-grid' }, h('h2', { id: 'hs-grid' }, 'Hot spots of location reports'), sections.grid),
    h('section', { 'aria-labelledby': 'hs-points' }, h('h2', { id: 'hs-points' }, 'Locations of concern'), sections.points),
    h('section', { 'aria-labelledby': 'hs-share' }, h('h2', { id: 'hs-share' }, 'Share with partners'), sections.share),
  );
  // Every section waits on the same boundaries request (and shows Loading… meanwhile).
  const boundaries = ctx.getJson<Boundaries>('/api/hotspots/boundaries');
  await Promise.all([
    loadInto(sections.wards, 'the ward map', async () => {
      const b = await boundaries;
      if (b.features.length === 0) return h('p', { class: 'warning' }, 'No boundaries are loaded: import boundaries.geojson to draw ward maps.');
      return choropleth(ctx, b, measure, kind, type, 1);
    }),
    loadInto(sections.grid, 'the hot spot map', async () => hotspots(ctx, await boundaries, cellM, type, 2)),
    loadInto(sections.points, 'the locations of concern', async () => locations(ctx, await boundaries, type, bandwidth, 3)),
    loadInto(sections.share, 'the shared exports', async () => sharing(ctx, await boundaries, measure, cellM, type)),
  ]);
}
