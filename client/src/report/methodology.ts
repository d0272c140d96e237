// Appendix: methodology. Every figure's definition and the sql/ query that
// computes it (from the server's catalogue: the comments under each named
// query), the other queries the report reads, and the rules applied (periods,
// percentages, thresholds, trends, small numbers).
import { h } from '../components/dom.ts';
import type { Row } from '../components/data-table.ts';
import { numberedTable, para, reportSection, type SectionContext } from './kit.ts';
import type { MethodEntry } from './types.ts';

/** One table per SQL file, so that no table is longer than a page. */
function byFile(entries: MethodEntry[]): [string, MethodEntry[]][] {
  const groups = new Map<string, MethodEntry[]>();
  for (const e of entries) groups.set(e.file, [...(groups.get(e.file) ?? []), e]);
  return [...groups];
}

function entriesTable(ctx: SectionContext, caption: string, entries: MethodEntry[]): HTMLElement {
  const rows: Row[] = entries.map((e) => ({ label: e.label, name: e.name, definition: e.definition, query: `${e.file}#${e.name.split(/[#/]/).pop()}` }));
  return numberedTable(ctx, caption, rows, [
    { key: 'label', label: 'Figure' },
    { key: 'definition', label: 'Definition' },
    { key: 'query', label: 'SQL query' },
  ]);
}

export function methodologySection(ctx: SectionContext, number: string): HTMLElement {
  const m = ctx.report.methodology;
  return reportSection('methodology', number, 'Methodology',
    ...m.notes.map((n) => para(n)),
    h('h3', {}, 'Measures'),
    ...byFile(m.measures).map(([file, list]) => entriesTable(ctx, `Measures defined in ${file}`, list)),
    h('h3', {}, 'Breakdowns'),
    ...byFile(m.breakdowns).map(([file, list]) => entriesTable(ctx, `Breakdowns defined in ${file}`, list)),
    h('h3', {}, 'Other figures'),
    entriesTable(ctx, 'Other queries the report reads', m.queries));
}
