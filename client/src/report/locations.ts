// 5 Locations and hotspots: places reported as of concern, by type, and maps of
// cases and location reports by ward (drawn from the loaded boundaries only),
// each map with its table of this period and the previous one.
import { choroplethMap } from '../charts/map-choropleth.ts';
import type { Row } from '../components/data-table.ts';
import { dataTable } from '../components/data-table.ts';
import { figure } from '../components/figure.ts';
import { codeLabel } from '../labels.ts';
import { CHART_WIDTH, REPORT_ROWS, measuresTables, compareFigure, para, reportSection, type SectionContext } from './kit.ts';
import type { ReportMap } from './types.ts';

const VALUE_LABEL: Record<string, string> = { cases_home: 'Cases', location_reports: 'Location reports' };

function mapFigure(ctx: SectionContext, m: ReportMap): HTMLElement {
  const { report } = ctx;
  const caption = `${m.label}, ${report.period.label}`;
  const number = ctx.n.figure();
  const valueLabel = VALUE_LABEL[m.measure] ?? 'Count';
  const chart = choroplethMap(
    m.current.map((r) => ({ area_code: r.area_code, area_name: r.area_name, value: r.count, suppressed: r.suppressed })),
    { ariaLabel: `Map: ${caption}`, boundaries: ctx.boundaries!, valueLabel, kind: 'count', width: CHART_WIDTH },
  );
  const previous = new Map(m.previous.map((r) => [r.area_code, r]));
  const rows: Row[] = [...m.current]
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || (a.area_name ?? a.area_code).localeCompare(b.area_name ?? b.area_code))
    .map((r) => ({ ward: r.area_name ?? 'No name held', code: r.area_code, current: r.count, previous: previous.get(r.area_code)?.count ?? null, rate: r.rate }));
  const table = dataTable(rows, [
    { key: 'ward', label: 'Ward' },
    { key: 'code', label: 'Code' },
    { key: 'current', label: `${valueLabel}, ${report.period.label}`, kind: 'count' },
    { key: 'previous', label: `${valueLabel}, ${report.previous.label}`, kind: 'count' },
    { key: 'rate', label: `Per 10,000 children, ${report.period.label}`, kind: 'rate' },
  ], { caption: ctx.n.table(`${m.label}, ${report.period.label} and ${report.previous.label}`), pageSize: REPORT_ROWS });
  const unmapped = m.unmapped.length
    ? para(`Not on the map: ${m.unmapped.map((u) => `${u.ward === 'not_recorded' ? 'ward not recorded' : codeLabel(u.ward)} (${u.count === null ? '[c]' : u.count})`).join(', ')}.`)
    : null;
  return figure(chart, table, { caption, number, notes: [unmapped] });
}

export function locationsSection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  const maps = ctx.boundaries ? report.maps.map((m) => mapFigure(ctx, m)) : [];
  return reportSection('locations', number, 'Locations and hotspots',
    para(`Places reported as of concern in ${report.period.label} (hotels, takeaways, parks, addresses…), and where the children referred live. A repeat location is one whose reports in the period involve two or more children.`),
    ...measuresTables(ctx, ['locations_reported', 'repeat_locations'], 'Locations'),
    ...(maps.length ? maps : [para('No ward boundaries are loaded, so the figures by ward are given as tables and charts only.')]),
    ...report.breakdowns.locations.map((b) => compareFigure(ctx, b, {
      caption: b.subject === 'victims' ? 'Cases referred by home ward' : 'Locations reported by type',
      categoryLabel: b.label,
      countLabel: b.subject === 'victims' ? 'Cases' : 'Locations',
    })));
}
