// Accessible data tables: <caption>, scoped headers, numbers right-aligned,
// '[c]' for suppressed counts, '–' (no denominator) for null percentages,
// and "Download CSV" / "Download XLSX" buttons with every row. Long tables
// show a page of rows at a time (see pager.ts); only shown rows become DOM.
import { displayCount, displayPercent, formatDate, formatRate, DASH, type Display } from '../format.ts';
import { csvText } from './csv.ts';
import { h } from './dom.ts';
import { downloadBlob, slug } from './download.ts';
import { PAGE_SIZE, pager } from './pager.ts';
import { errorBox } from './status.ts';
import { xlsxBlob } from './xlsx.ts';

export type Cell = string | number | null | undefined;
export type Row = { suppressed?: boolean } & Record<string, Cell | boolean>;

export interface Column {
  key: string;
  label: string;
  /** text (default), count, percent (0–100 unrounded), rate (per 10,000), date (ISO). */
  kind?: 'text' | 'count' | 'percent' | 'rate' | 'date';
  /** Display text of a text cell, e.g. a code's label. */
  format?: (value: string, row: Row) => string;
  /** CSV text of a text cell when it differs from `format` (e.g. keep the code). */
  csv?: (value: string, row: Row) => string;
  /** The header cell of each row (th scope="row"); the first column by default. */
  rowHeader?: boolean;
  /** A link for the cell (e.g. to a drill-down view); the downloads keep the text. */
  href?: (row: Row) => string | null;
}

export interface TableOptions {
  caption: string;
  id?: string;
  /** File name (without .csv) of the download; from the caption by default. */
  filename?: string;
  /** Rows shown at a time (100 by default); longer tables get a pager. */
  pageSize?: number;
}

const NUMERIC = new Set(['count', 'percent', 'rate']);

export function cellDisplay(row: Row, col: Column): Display {
  const v = row[col.key];
  switch (col.kind) {
    case 'count':
      return displayCount(typeof v === 'number' ? v : null, row.suppressed === true);
    case 'percent':
      return displayPercent(typeof v === 'number' ? v : null);
    case 'rate':
      return typeof v === 'number' ? { text: formatRate(v) } : { text: DASH, title: 'no population' };
    case 'date':
      return { text: typeof v === 'string' ? formatDate(v) : DASH };
    default:
      if (v === null || v === undefined || typeof v === 'boolean') return { text: DASH };
      return { text: col.format ? col.format(String(v), row) : String(v) };
  }
}

function headerIndex(columns: Column[]): number {
  const i = columns.findIndex((c) => c.rowHeader);
  return i === -1 ? 0 : i;
}

export function dataTable(rows: Row[], columns: Column[], opts: TableOptions): HTMLElement {
  const rowHeader = headerIndex(columns);
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const numClass = (c: Column) => (NUMERIC.has(c.kind ?? 'text') ? 'num' : null);
  const rowElement = (row: Row) => h('tr', {}, ...columns.map((c, i) => {
    const d = cellDisplay(row, c);
    const attrs = { class: numClass(c), title: d.title };
    const href = c.href?.(row);
    const content = href ? h('a', { href }, d.text) : d.text;
    return i === rowHeader ? h('th', { scope: 'row', ...attrs }, content) : h('td', attrs, content);
  }));
  const tbody = h('tbody');
  const showRows = (start: number, end: number) => {
    const shown = document.createDocumentFragment();
    for (const row of rows.slice(start, end)) shown.append(rowElement(row));
    tbody.replaceChildren(shown);
  };
  showRows(0, pageSize);
  if (rows.length === 0) tbody.append(h('tr', {}, h('td', { colspan: columns.length }, 'No records in this period.')));
  const table = h('table', { class: 'data-table', id: opts.id },
    h('caption', {}, opts.caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: numClass(c) }, c.label)))),
    tbody);
  // The scroll box takes focus so a wide table can be scrolled from the keyboard (WCAG 2.1.1).
  const scroll = h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': opts.caption }, table);
  const paging = rows.length > pageSize ? pager(rows.length, pageSize, opts.caption, showRows, scroll) : null;
  const button = h('button', { type: 'button', class: 'secondary' }, 'Download CSV');
  button.addEventListener('click', () => {
    downloadBlob(new Blob([csvText(rows, columns)], { type: 'text/csv;charset=utf-8' }), `${opts.filename ?? slug(opts.caption)}.csv`);
  });
  const xlsxButton = h('button', { type: 'button', class: 'secondary' }, 'Download XLSX');
  const actions = h('div', { class: 'actions' }, button, xlsxButton);
  xlsxButton.addEventListener('click', () => {
    xlsxBlob(rows, columns, opts.caption).then(
      (blob) => downloadBlob(blob, `${opts.filename ?? slug(opts.caption)}.xlsx`),
      (e: unknown) => actions.after(errorBox(e, 'the XLSX file')));
  });
  return h('div', { class: 'table-block' }, scroll, paging, actions);
}
