// Hotspots (/hotspots): ward choropleths (counts and rates per 10,000
// children, in equal, quantile or natural-break classes), the Getis-Ord Gi*
// grid of location reports with each cell as a place, emerging hot spots over
// months or quarters, locations of concern as points and as a kernel density
// (bandwidth in metres), police.uk street crime as an optional context layer,
// and the shared exports (aggregated, small counts withheld, logged). Maps are
// drawn from the loaded boundaries at the width of the page: nothing is
// fetched from outside this server.
import type { Boundaries } from '../charts/map-base.ts';
import { choroplethMap } from '../charts/map-choropleth.ts';
import { CLASS_STYLE, CONTEXT_LABEL, hotspotMap, type ContextPoint, type HotspotCell, type HotspotClass } from '../charts/map-hotspots.ts';
import { locationsMap, type LocationPoint } from '../charts/map-locations.ts';
import { densityMap } from '../charts/map-density.ts';
import { emergingMap, type EmergingCategory } from '../charts/map-emerging.ts';
import { CLASS_METHODS, type ClassMethod } from '../charts/map-classes.ts';
import { apiUrl } from '../api.ts';
import { dataTable, type Column, type Row } from '../components/data-table.ts';
import { append, h } from '../components/dom.ts';
import { downloadPng, downloadSvg, slug } from '../components/download.ts';
import { figure } from '../components/figure.ts';
import { errorBox, loadInto } from '../components/status.ts';
import { formatCount } from '../format.ts';
import { codeLabel } from '../labels.ts';
import type { PageContext } from '../page.ts';
import { mayRead, notForRole, onPublicationGrid, publicationNote } from '../audience.ts';

/** The location type (a filter) and the grid's cell size are off the publication grid (viewers and partners). */
export const offGrid = ['type', 'cell'];
export const extracts = ['location_reports'];

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
const BANDWIDTHS = ['100', '200', '300', '500', '750', '1000', '1500', '2000'];

interface EmergingAnswer {
  step: 'month' | 'quarter';
  steps: { period: string; from: string; to: string }[];
  cell_m: number;
  bbox: GridAnswer['bbox'];
  trend_alpha: number;
  min_neighbourhood_reports: number;
  categories: Record<EmergingCategory, string>;
  cells: (GridCell & { category: EmergingCategory; pattern: string; hot_steps: number; cold_steps: number; trend_z: number | null; trend_p: number | null })[];
}

interface ContextAnswer {
  note: string;
  attribution: string;
  points: (ContextPoint & { location: string | null })[];
}

/** The page's options, all from the URL. */
interface Options {
  measure: string;
  kind: 'count' | 'rate';
  classes: ClassMethod;
  type: string;
  cellM: string;
  /** Density bandwidth in metres; '' = the default from the data (Scott's rule). */
  bandwidth: string;
  step: 'month' | 'quarter';
  context: boolean;
  /** Width to draw the maps at: the page's own, so that text stays 13 px. */
  width: number;
}

function select(id: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLElement {
  const sel = h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  sel.addEventListener('change', () => onChange(sel.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
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

async function choropleth(ctx: PageContext, b: Boundaries, o: Options, n: number): Promise<Node> {
  const { measure, kind, type } = o;
  const typed = measure === 'location_reports' && type;
  const w = await ctx.getJson<WardAnswer>('/api/hotspots/wards', { ...ctx.period, measure, location_type: typed ? type : undefined });
  const caption = `${w.label}${typed ? ` (${codeLabel(type).toLowerCase()})` : ''}${kind === 'rate' ? ', rate per 10,000 children aged 0 to 17' : ''}, ${ctx.periodLabel}`;
  const chart = choroplethMap(w.rows.map((r) => ({ ...r, value: kind === 'rate' ? r.rate : r.count })), {
    boundaries: b, kind, classes: o.classes, width: o.width, valueLabel: `${kind === 'rate' ? 'Per 10,000 children' : 'Count'} (${CLASS_METHODS[o.classes].toLowerCase()})`, ariaLabel: `Map: ${caption}`,
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
type GridCell = Omit<HotspotCell, 'class'> & {
  /** null: withheld, released without its class. */
  class: HotspotClass | null;
  count: number | null;
  easting: number | null;
  northing: number | null;
  grid_ref: string | null;
  ward_code: string | null;
  ward_name: string | null;
  gi_z: number | null;
  gi_p: number | null;
  gi_q: number | null;
  gi_status: 'tested' | 'too_few_reports' | 'undefined';
};

const CLASS_ORDER: HotspotClass[] = ['hot_99', 'hot_95', 'hot_90', 'cold_99', 'cold_95', 'cold_90', 'not_significant'];

/** Withheld cells (no class) last. */
const rank = (c: GridCell) => (c.class === null ? CLASS_ORDER.length : CLASS_ORDER.indexOf(c.class));

/** The table's rows: every cell with reports or significant, hot spots first, then by reports. */
function cellRows(cells: GridCell[]): Row[] {
  return [...cells]
    .sort((a, b) => rank(a) - rank(b) || (b.count ?? 0) - (a.count ?? 0))
    .map((c) => ({
      // A withheld cell is released without its class (the class would hint at its count).
      cls: c.class === null ? 'Withheld' : c.class === 'not_significant' ? 'Not significant' : CLASS_STYLE[c.class].label,
      ward: c.ward_name ? `${c.ward_name} (${c.ward_code})` : 'Outside the wards held',
      grid_ref: c.grid_ref ?? '',
      easting: c.easting, northing: c.northing,
      lat: c.lat.toFixed(5), lon: c.lon.toFixed(5),
      count: c.count,
      z: c.gi_status === 'too_few_reports' ? 'too few reports' : c.gi_z === null ? 'not defined' : c.gi_z.toFixed(2),
      p: c.gi_p === null ? '' : c.gi_p < 0.001 ? '< 0.001' : c.gi_p.toFixed(3),
      q: c.gi_q === null ? '' : c.gi_q < 0.001 ? '< 0.001' : c.gi_q.toFixed(3),
    }));
}

/** police.uk street crime for the period, when chosen and loaded (null otherwise). */
async function contextLayer(ctx: PageContext, o: Options): Promise<ContextAnswer | null> {
  if (!o.context) return null;
  const c = await ctx.getJson<ContextAnswer>('/api/hotspots/context', { ...ctx.period });
  return c.points.length ? c : null;
}

function contextNote(c: ContextAnswer | null): Node | null {
  return c ? h('p', { class: 'note' }, `Grey dots: ${CONTEXT_LABEL}. ${c.note} ${c.attribution}`) : null;
}

async function hotspots(ctx: PageContext, b: Boundaries, o: Options, context: ContextAnswer | null, n: number): Promise<Node> {
  const { cellM, type } = o;
  // Only the cells the map draws and the table lists (with reports or significant), not the whole grid.
  const g = await ctx.getJson<GridAnswer>('/api/hotspots/grid', { ...ctx.period, cell_m: cellM, location_type: type || undefined, cells: 'reported' });
  const caption = `Hot and cold spots of location reports${type ? ` (${codeLabel(type).toLowerCase()})` : ''}, ${g.cell_m} m grid, ${ctx.periodLabel}`;
  // The map shades classes; a withheld cell has none to shade.
  const classed = g.cells.filter((c): c is GridCell & { class: HotspotClass } => c.class !== null);
  const chart = hotspotMap({ ...g, cells: classed }, { boundaries: b, width: o.width, context: context?.points, ariaLabel: `Map: ${caption}` });
  const table = dataTable(cellRows(g.cells), [
    { key: 'cls', label: 'Class' }, { key: 'ward', label: 'Ward (of the cell centre)' }, { key: 'grid_ref', label: 'OS grid reference' },
    { key: 'easting', label: 'Easting (m)' }, { key: 'northing', label: 'Northing (m)' }, { key: 'lat', label: 'Latitude' }, { key: 'lon', label: 'Longitude' },
    { key: 'count', label: 'Reports in cell', kind: 'count' }, { key: 'z', label: 'Gi* z' }, { key: 'p', label: 'p (two-sided)' },
    { key: 'q', label: 'p adjusted for the number of cells (FDR)' },
  ], { caption: `Cells with reports or significant: ${caption}` });
  const tooFew = g.cells.filter((c) => c.gi_status === 'too_few_reports').length;
  const note = h('p', { class: 'note' },
    `${formatCount(g.counted)} reports in ${formatCount(g.ncol * g.nrow)} cells (${g.ncol} × ${g.nrow}); ${formatCount(g.outside)} outside the ${g.extent ?? 'mapped'} area and ${formatCount(g.no_coordinates)} without coordinates left out. ` +
    `Getis-Ord Gi* on each ${g.cell_m} m cell and its 8 neighbours (a ${formatCount(g.neighbourhood.side_m)} m square; centres up to ${formatCount(g.neighbourhood.max_centre_distance_m)} m apart); ` +
    `hot/cold at 99/95/90 % confidence after Benjamini–Hochberg false discovery rate correction over every cell (90 % cells are not significant at FDR 0.05). ` +
    `"Too few reports": fewer than ${g.min_neighbourhood_reports} reports in the neighbourhood, or fewer than ${g.min_total_reports} in the grid — no statistic is shown (${formatCount(tooFew)} of the cells listed). ` +
    'Centres on the British National Grid (OSGB36, OS Helmert transformation, good to about 5 m); the ward is the one holding the centre.');
  return figure(chart, table, { caption, number: n, notes: [note, contextNote(context), attributionNote(b)] });
}

/** Whole months or quarters from..to (as the API counts its steps). */
function stepsIn(from: string, to: string, step: 'month' | 'quarter'): number {
  const m = (iso: string) => +iso.slice(0, 4) * 12 + +iso.slice(5, 7) - 1;
  return step === 'month' ? m(to) - m(from) + 1 : Math.floor(m(to) / 3) - Math.floor(m(from) / 3) + 1;
}

async function emerging(ctx: PageContext, b: Boundaries, o: Options, context: ContextAnswer | null, n: number): Promise<Node> {
  const steps = stepsIn(ctx.period.from, ctx.period.to, o.step);
  if (steps < 6) {
    return h('p', { class: 'note' }, `Emerging hot spots need at least six time steps; ${ctx.periodLabel} holds ${steps} ${o.step === 'month' ? 'months' : 'quarters'}. Choose a longer period${o.step === 'quarter' ? ', or steps of a month' : ''}.`);
  }
  const e = await ctx.getJson<EmergingAnswer>('/api/hotspots/emerging', { ...ctx.period, step: o.step, cell_m: o.cellM, location_type: o.type || undefined });
  const span = `${e.steps.length} ${e.step}s, ${e.steps[0].period} to ${e.steps[e.steps.length - 1].period}`;
  const caption = `Emerging hot spots of location reports${o.type ? ` (${codeLabel(o.type).toLowerCase()})` : ''}, ${e.cell_m} m grid, ${span}`;
  const chart = emergingMap(e, { boundaries: b, width: o.width, context: context?.points, ariaLabel: `Map: ${caption}` });
  const patterned = e.cells.filter((c) => c.category !== 'no_pattern');
  const rows: Row[] = [...e.cells]
    .sort((a, c) => Number(a.category === 'no_pattern') - Number(c.category === 'no_pattern') || (c.count ?? 0) - (a.count ?? 0))
    .map((c) => ({
      category: e.categories[c.category],
      ward: c.ward_name ? `${c.ward_name} (${c.ward_code})` : 'Outside the wards held',
      grid_ref: c.grid_ref ?? '', easting: c.easting, northing: c.northing,
      count: c.count, pattern: c.pattern, hot_steps: c.hot_steps, cold_steps: c.cold_steps,
      trend: c.trend_z === null ? '' : `${c.trend_z > 0 ? 'up' : c.trend_z < 0 ? 'down' : 'flat'} (z ${c.trend_z.toFixed(2)}, p ${c.trend_p! < 0.001 ? '< 0.001' : c.trend_p!.toFixed(3)})`,
    }));
  const table = dataTable(rows, [
    { key: 'category', label: 'Category' }, { key: 'ward', label: 'Ward (of the cell centre)' }, { key: 'grid_ref', label: 'OS grid reference' },
    { key: 'easting', label: 'Easting (m)' }, { key: 'northing', label: 'Northing (m)' }, { key: 'count', label: 'Reports in the span', kind: 'count' },
    { key: 'pattern', label: `By ${e.step} (H hot, C cold)` }, { key: 'hot_steps', label: 'Hot steps', kind: 'count' }, { key: 'cold_steps', label: 'Cold steps', kind: 'count' },
    { key: 'trend', label: 'Trend of Gi* z (Mann–Kendall)' },
  ], { caption: `Cells with reports in the span: ${caption}` });
  const note = h('p', { class: 'note' },
    `${formatCount(patterned.length)} of ${formatCount(e.cells.length)} cells with reports show a pattern. At every ${e.step}, Getis-Ord Gi* as above (too few reports under ${e.min_neighbourhood_reports} in a neighbourhood); ` +
    `a cell is a hot or cold spot at a step when significant at 90 % or more after FDR correction. The trend is the Mann–Kendall test of the cell's z-scores (significant at p ≤ ${e.trend_alpha}). ` +
    'Categories as ArcGIS Pro Emerging Hot Spot Analysis: new (hot at the last step only), consecutive (an unbroken run to the last step), intensifying, persistent or diminishing (hot at 90 % of steps or more, by trend), ' +
    'sporadic (on and off), oscillating (hot now, cold before), historical (hot at 90 % of steps, not at the last); cold spots alike.');
  return figure(chart, table, { caption, number: n, notes: [note, contextNote(context), attributionNote(b)] });
}

async function locations(ctx: PageContext, b: Boundaries, o: Options, n: number): Promise<Node[]> {
  const { type } = o;
  const a = await ctx.getJson<{ rows: LocationPoint[]; bandwidth_m: number | null }>('/api/hotspots/locations', { ...ctx.period, location_type: type || undefined });
  const label = type ? ` (${codeLabel(type).toLowerCase()})` : '';
  const caption = `Locations of concern reported${label}, ${ctx.periodLabel}`;
  const table = dataTable(a.rows.map((p) => ({ ...p, repeat: p.repeat ? 'Yes' : 'No' })), [
    { key: 'location_id', label: 'Location' }, { key: 'location_type', label: 'Type', format: codeLabel },
    { key: 'reports', label: 'Reports', kind: 'count' }, { key: 'children', label: 'Children', kind: 'count' }, { key: 'repeat', label: 'Repeat (2+ children)' },
  ], { caption });
  const bandwidthM = o.bandwidth ? Number(o.bandwidth) : a.bandwidth_m ?? 500;
  const how = o.bandwidth ? 'chosen' : a.bandwidth_m ? "from the reports' spread, Scott's rule" : 'default';
  const dCaption = `Density of location reports${label}, bandwidth ${formatCount(bandwidthM)} m (${how}), ${ctx.periodLabel}`;
  const byType = TYPES.map((t) => ({ key: t, reports: a.rows.filter((p) => p.location_type === t).reduce((s, p) => s + p.reports, 0) })).filter((r) => r.reports > 0);
  const dTable = dataTable(byType, [{ key: 'key', label: 'Type', format: codeLabel }, { key: 'reports', label: 'Reports', kind: 'count' }], { caption: `Reports by location type${label}, ${ctx.periodLabel}` });
  const dNote = h('p', { class: 'note' },
    `Gaussian kernel with a standard deviation of ${formatCount(bandwidthM)} m on the ground, each location weighted by its reports, in reports per km²: the surface is the same at every screen size. ` +
    "The default is Scott's rule, h = σ · N^(−1/6), from the spread σ of the reports' National Grid coordinates and their number N.");
  return [
    figure(locationsMap(a.rows, { boundaries: b, width: o.width, ariaLabel: `Map: ${caption}` }), table, { caption, number: n, notes: [attributionNote(b)] }),
    figure(densityMap(a.rows, { boundaries: b, bandwidthM, width: o.width, ariaLabel: `Map: ${dCaption}` }), dTable, { caption: dCaption, number: n + 1, notes: [dNote, attributionNote(b)] }),
  ];
}

/** Links to the shared files, and SVG/PNG maps drawn from the same (suppressed, logged) export. */
function sharing(ctx: PageContext, b: Boundaries, o: Options): Node {
  const { measure, cellM, type } = o;
  const params = (level: string) => ({
    ...ctx.period, level, measure: level === 'ward' ? measure : undefined, cell_m: level === 'ward' ? undefined : cellM,
    cells: level === 'grid' ? 'reported' : undefined, step: level === 'emerging' ? o.step : undefined,
    location_type: type && (level !== 'ward' || measure === 'location_reports') ? type : undefined,
  });
  const out = h('div', {});
  const imageButton = (level: 'ward' | 'grid', format: 'svg' | 'png') => {
    const btn = h('button', { type: 'button', class: 'secondary' }, `${level === 'ward' ? 'Ward' : 'Grid'} map (${format.toUpperCase()})`);
    btn.addEventListener('click', () => {
      void sharedImage(ctx, b, o, level, params(level), format).catch((e: unknown) => out.append(errorBox(e, 'the shared map')));
    });
    return btn;
  };
  const names: Record<string, string> = { ward: 'Wards', grid: 'Grid cells', emerging: 'Emerging hot spots' };
  const link = (level: string, ext: string) => h('a', { href: apiUrl(`/api/exports/hotspots.${ext}`, params(level)), download: '' }, `${names[level]} (${ext === 'geojson' ? 'GeoJSON' : 'CSV'})`);
  const emergingLinks = stepsIn(ctx.period.from, ctx.period.to, o.step) >= 6 ? [link('emerging', 'geojson'), link('emerging', 'csv')] : [];
  out.append(
    h('p', {}, 'Files for partners (OFFICIAL-SENSITIVE): wards or grid cells only, never locations, each cell with its centre, National Grid reference and ward; counts from 1 to the suppression threshold are withheld; each download is logged.'),
    h('div', { class: 'actions' }, link('ward', 'geojson'), link('ward', 'csv'), link('grid', 'geojson'), link('grid', 'csv'), ...emergingLinks),
    h('div', { class: 'actions' }, imageButton('ward', 'svg'), imageButton('ward', 'png'), imageButton('grid', 'svg'), imageButton('grid', 'png')),
  );
  return out;
}

async function sharedImage(ctx: PageContext, b: Boundaries, o: Options, level: 'ward' | 'grid', params: Record<string, string | undefined>, format: 'svg' | 'png'): Promise<void> {
  const fc = await ctx.getJson<ExportCollection & { metadata: { title: string; cell_m: number | null } }>('/api/exports/hotspots.geojson', params);
  const title = `${fc.metadata.title}, ${ctx.periodLabel} (OFFICIAL-SENSITIVE, small counts withheld)`;
  let svg: SVGSVGElement;
  if (level === 'ward') {
    const rows = fc.features.map((f) => ({ area_code: String(f.properties.area_code), area_name: null, value: f.properties.count as number | null, suppressed: f.properties.suppressed }));
    svg = choroplethMap(rows, { boundaries: b, kind: 'count', classes: o.classes, valueLabel: `Count (${CLASS_METHODS[o.classes].toLowerCase()})`, ariaLabel: title });
  } else {
    // Cell centres from the export (the same centres the API gives).
    const cells = fc.features.map((f) => ({ i: Number(f.properties.i), j: Number(f.properties.j), lon: Number(f.properties.lon), lat: Number(f.properties.lat), class: f.properties.class as HotspotClass }));
    const lons = fc.features.flatMap((f) => f.geometry.coordinates[0].map((p) => p[0]));
    const lats = fc.features.flatMap((f) => f.geometry.coordinates[0].map((p) => p[1]));
    const bbox = { min_lon: Math.min(...lons), min_lat: Math.min(...lats), max_lon: Math.max(...lons), max_lat: Math.max(...lats) };
    svg = hotspotMap({ cell_m: fc.metadata.cell_m ?? 250, bbox, cells }, { boundaries: b, ariaLabel: title });
  }
  if (format === 'svg') downloadSvg(svg, slug(title));
  else await downloadPng(svg, slug(title));
}

function optionsFrom(ctx: PageContext, root: HTMLElement): Options {
  const p = (k: string) => ctx.params.get(k) ?? '';
  return {
    measure: MEASURES.some(([m]) => m === p('measure')) ? p('measure') : 'location_reports',
    kind: p('show') === 'rate' ? 'rate' : 'count',
    classes: p('classes') in CLASS_METHODS ? (p('classes') as ClassMethod) : 'equal',
    type: TYPES.includes(p('type')) ? p('type') : '',
    cellM: CELLS.includes(p('cell')) ? p('cell') : '250',
    bandwidth: BANDWIDTHS.includes(p('bandwidth')) ? p('bandwidth') : '',
    step: p('step') === 'quarter' ? 'quarter' : 'month',
    context: p('context') === 'police_uk',
    width: Math.max(300, Math.min(760, Math.floor(root.clientWidth || 640))),
  };
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const o = optionsFrom(ctx, root);
  const grid = onPublicationGrid();
  // The locations of concern are records (analyst only); their density's bandwidth goes with them.
  const records = mayRead('records');
  const sections = { wards: h('div', {}), grid: h('div', {}), emerging: h('div', {}), points: h('div', { class: 'figures' }), share: h('div', {}) };
  append(root,
    h('h1', {}, `Hotspots, ${ctx.periodLabel}`),
    h('form', { class: 'trend-options', 'aria-label': 'Map options' },
      select('hs-measure', 'Ward map', MEASURES, o.measure, (v) => ctx.setParams({ measure: v === 'location_reports' ? null : v })),
      select('hs-show', 'Show', [['count', 'Counts'], ['rate', 'Rate per 10,000 children']], o.kind, (v) => ctx.setParams({ show: v === 'count' ? null : v })),
      select('hs-classes', 'Classes', Object.entries(CLASS_METHODS), o.classes, (v) => ctx.setParams({ classes: v === 'equal' ? null : v })),
      grid ? null : select('hs-type', 'Location type', [['', 'All types'], ...TYPES.map((t): [string, string] => [t, codeLabel(t)])], o.type, (v) => ctx.setParams({ type: v || null })),
      grid ? null : select('hs-cell', 'Grid cell', CELLS.map((c): [string, string] => [c, `${c} m`]), o.cellM, (v) => ctx.setParams({ cell: v === '250' ? null : v })),
      select('hs-step', 'Emerging: time step', [['month', 'Month'], ['quarter', 'Quarter']], o.step, (v) => ctx.setParams({ step: v === 'month' ? null : v })),
      !records ? null : select('hs-bandwidth', 'Density bandwidth', [['', "Scott's rule"], ...BANDWIDTHS.map((m): [string, string] => [m, `${formatCount(Number(m))} m`])], o.bandwidth, (v) => ctx.setParams({ bandwidth: v || null })),
      select('hs-context', 'Context layer', [['', 'None'], ['police_uk', 'police.uk crime']], o.context ? 'police_uk' : '', (v) => ctx.setParams({ context: v || null }))),
    grid ? publicationNote() : null,
    h('section', { 'aria-labelledby': 'hs-wards' }, h('h2', { id: 'hs-wards' }, 'By ward'), sections.wards),
    h('section', { 'aria-labelledby': 'hs-grid' }, h('h2', { id: 'hs-grid' }, 'Hot spots of location reports'), sections.grid),
    h('section', { 'aria-labelledby': 'hs-emerging' }, h('h2', { id: 'hs-emerging' }, 'Emerging hot spots'), sections.emerging),
    h('section', { 'aria-labelledby': 'hs-points' }, h('h2', { id: 'hs-points' }, 'Locations of concern'), records ? sections.points : notForRole('The locations of concern and their density are for the analyst role; the maps above show them by ward and grid cell.')),
    h('section', { 'aria-labelledby': 'hs-share' }, h('h2', { id: 'hs-share' }, 'Share with partners'), sections.share),
  );
  // Every section waits on the same boundaries request (and shows Loading… meanwhile).
  const boundaries = ctx.getJson<Boundaries>('/api/hotspots/boundaries');
  const context = contextLayer(ctx, o);
  await Promise.all([
    loadInto(sections.wards, 'the ward map', async () => {
      const b = await boundaries;
      if (b.features.length === 0) return h('p', { class: 'warning' }, 'No boundaries are loaded: import boundaries.geojson to draw ward maps.');
      return choropleth(ctx, b, o, 1);
    }),
    loadInto(sections.grid, 'the hot spot map', async () => hotspots(ctx, await boundaries, o, await context, 2)),
    loadInto(sections.emerging, 'the emerging hot spots', async () => emerging(ctx, await boundaries, o, await context, 3)),
    records ? loadInto(sections.points, 'the locations of concern', async () => locations(ctx, await boundaries, o, 4)) : Promise.resolve(),
    loadInto(sections.share, 'the shared exports', async () => sharing(ctx, await boundaries, o)),
  ]);
}
