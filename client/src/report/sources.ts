// 2 Data sources and definitions: the extracts held (file, rows, SHA-256,
// when imported), where the data held ends and which sources are held, and how
// completely each field was recorded.
import { formatDate } from '../format.ts';
import { h } from '../components/dom.ts';
import type { Row } from '../components/data-table.ts';
import { fieldLabel } from './labels.ts';
import { heldLines } from '../held.ts';
import { numberedTable, para, reportSection, type SectionContext } from './kit.ts';

export function sourcesSection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  const imports = report.sources?.imports ?? [];
  const fileRows: Row[] = imports.flatMap((i) => i.files.map((f) => ({
    extract: f.extract,
    file: f.file,
    rows: f.rows,
    imported: i.importedAt,
    sha256: f.sha256,
  })));
  // Copies that leave the analyst carry no row counts (counts of records: a 3-row extract is a small number).
  const withRows = fileRows.some((r) => typeof r.rows === 'number');
  const complete = report.completeness;
  const previous = new Map((complete?.previous ?? []).map((r) => [`${r.denominator}/${r.field}`, r.pct_not_recorded]));
  const completeRows: Row[] = (complete?.current ?? []).map((r) => ({
    field: fieldLabel(r.denominator, r.field),
    of: r.denominator.replace(/_/g, ' '),
    current: r.pct_not_recorded,
    previous: previous.get(`${r.denominator}/${r.field}`) ?? null,
  }));
  return reportSection('sources', number, 'Data sources and definitions',
    para('The figures come from the anonymised extracts below, as held when this report was produced. Children and offenders are identified only by pseudonymous ids. Each file is identified by its SHA-256 hash, so the extract a figure came from can be checked.'),
    fileRows.length
      ? numberedTable(ctx, 'Extracts held', fileRows, [
        { key: 'extract', label: 'Extract' },
        { key: 'file', label: 'File' },
        ...(withRows ? [{ key: 'rows', label: 'Rows', kind: 'count' as const }] : []),
        { key: 'imported', label: 'Imported', format: (v) => formatDate(v) },
        { key: 'sha256', label: 'SHA-256' },
      ])
      : para('No extract has been imported.'),
    ...heldLines(ctx.report.period),
    para(`Definitions of every figure, and the SQL query that computes it, are in the Appendix. "Not recorded" is always counted as a category of its own. Completeness, ${report.period.label} and ${report.previous.label}:`),
    numberedTable(ctx, `Share of records with the field not recorded, ${report.period.label} and ${report.previous.label}`, completeRows, [
      { key: 'field', label: 'Field' },
      { key: 'of', label: 'Of' },
      { key: 'current', label: `${report.period.label} (% not recorded)`, kind: 'percent' },
      { key: 'previous', label: `${report.previous.label} (% not recorded)`, kind: 'percent' },
    ]),
    h('p', { class: 'note' }, '– means there were no records to count, or the share is withheld because it rests on a small number.'));
}
