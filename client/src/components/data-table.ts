// Accessible data tables: <caption>, scoped headers, numbers right-aligned,
// '[c]' for suppressed counts, '–' (no denominator) for null percentages,
// every column sortable (a button in its header, aria-sort, sorting every row,
// not just the page shown), an optional filter-as-you-type over record lists,
// and "Download CSV" / "Download XLSX" buttons with every row of the current
// order and filter, each download carrying its context (title, period,
// filters, marking, suppression, sources). Long tables show a page of rows at
// a time (see pager.ts); only shown rows become DOM.
import { displayCount, displayPercent, formatCount, formatDate, formatOneDecimal, formatPercent, formatRate, roundHalfAway, DASH, SUPPRESSED_DISPLAY, type Display } from '../format.ts';
import { csvText } from './csv.ts';
import { contextLines, downloadName } from './download-context.ts';
import { h } from './dom.ts';
import { downloadBlob } from './download.ts';
import { PAGE_SIZE, pager } from './pager.ts';
import { errorBox } from './status.ts';
import { xlsxBlob } from './xlsx.ts';

export type Cell = string | number | null | undefined;
export type Row = { suppressed?: boolean } & Record<string, Cell | boolean>;

export interface Column {
  key: string;
  label: string;
  /**
   * text (default), count, percent (0–100 unrounded), rate (per 10,000), date (ISO),
   * change (signed difference; percentage points when the row's `unit` is 'percent'),
   * pct_change (signed relative change in per cent), number (one decimal place; a
   * percentage when the row's `unit` is 'percent', e.g. an XmR mean or limit).
   */
  kind?: 'text' | 'count' | 'percent' | 'rate' | 'date' | 'change' | 'pct_change' | 'number';
  /** Display text of a text cell, e.g. a code's label. */
  format?: (value: string, row: Row) => string;
  /** Download text of a text cell when it differs from `format` (e.g. an ISO period). */
  csv?: (value: string, row: Row) => string;
  /** The cell holds a code: downloads give its label (format) and the code in a column of its own. */
  code?: boolean;
  /** The header cell of each row (th scope="row"); the first column by default. */
  rowHeader?: boolean;
  /** What the column sorts by when its text does not sort (e.g. the ISO instant behind 'DD/MM/YYYY HH:MM'). */
  sortValue?: (row: Row) => string | number | null;
  /** A link for the cell (e.g. to a drill-down view); the downloads keep the text. */
  href?: (row: Row) => string | null;
  /** Controls in the cell (e.g. an account's buttons): shown on the page, left out of the downloads. */
  controls?: (row: Row) => Node;
}

export interface TableOptions {
  caption: string;
  id?: string;
  /** File name (without extension) of the download; from the caption, period and filters by default. */
  filename?: string;
  /** Rows shown at a time (100 by default); longer tables get a pager. */
  pageSize?: number;
  /** Filter-as-you-type over these columns' text (record lists: the pseudonymous id first). */
  search?: { label: string; keys: string[] };
}

const NUMERIC = new Set(['count', 'percent', 'rate', 'change', 'pct_change', 'number']);
const MINUS = '−';

/** '+3', '−2', 'no change'; '+2.5 percentage points' when `percentPoints`. */
export function formatChange(d: number, percentPoints = false): string {
  const r = roundHalfAway(d, 1);
  if (r === 0) return 'no change';
  const size = percentPoints ? `${formatOneDecimal(Math.abs(d))} percentage points` : Number.isInteger(d) ? formatCount(Math.abs(d)) : formatOneDecimal(Math.abs(d));
  return `${d > 0 ? '+' : MINUS}${size}`;
}

/** '+16.7%', '−16.7%', '0.0%'. */
export function formatPctChange(p: number): string {
  const r = roundHalfAway(p, 1);
  return `${r > 0 ? '+' : r < 0 ? MINUS : ''}${formatPercent(Math.abs(p))}`;
}

export function cellDisplay(row: Row, col: Column): Display {
  const v = row[col.key];
  switch (col.kind) {
    case 'count':
      return displayCount(typeof v === 'number' ? v : null, row.suppressed === true);
    // A row whose count is withheld has its percentage and rate withheld too: '[c]'; otherwise a missing figure says why.
    case 'percent':
      return typeof v !== 'number' && row.suppressed === true ? SUPPRESSED_DISPLAY : displayPercent(typeof v === 'number' ? v : null);
    case 'rate':
      if (typeof v === 'number') return { text: formatRate(v) };
      return row.suppressed === true ? SUPPRESSED_DISPLAY : { text: 'no population', title: 'no population is held for this row, so no rate' };
    case 'date':
      return { text: typeof v === 'string' ? formatDate(v) : DASH };
    case 'change':
      return typeof v === 'number' ? { text: formatChange(v, row.unit === 'percent') } : { text: DASH, title: 'not comparable' };
    case 'pct_change':
      return typeof v === 'number' ? { text: formatPctChange(v) } : { text: DASH, title: 'no earlier value to compare with' };
    case 'number':
      return typeof v === 'number' ? { text: row.unit === 'percent' ? formatPercent(v) : formatOneDecimal(v) } : { text: DASH };
    default:
      if (v === null || v === undefined || typeof v === 'boolean') return { text: DASH };
      return { text: col.format ? col.format(String(v), row) : String(v) };
  }
}

function headerIndex(columns: Column[]): number {
  const i = columns.findIndex((c) => c.rowHeader);
  return i === -1 ? 0 : i;
}

type Direction = 'ascending' | 'descending';
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Rows in a column's order: numbers by value (withheld and empty last), texts as displayed; ties keep their order. */
export function sortRows(rows: Row[], col: Column, direction: Direction): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const numeric = NUMERIC.has(col.kind ?? 'text');
  const keyed = rows.map((row, i) => {
    const v = col.sortValue ? col.sortValue(row) : row[col.key];
    const num = numeric && typeof v === 'number' && !(col.kind === 'count' && row.suppressed === true) ? v : null;
    const text = numeric ? '' : col.kind === 'date' || col.sortValue ? String(v ?? '') : cellDisplay(row, col).text;
    return { row, i, num, text, empty: numeric ? num === null : v === null || v === undefined || v === '' };
  });
  keyed.sort((a, b) => {
    if (a.empty !== b.empty) return a.empty ? 1 : -1;
    const c = numeric ? (a.num ?? 0) - (b.num ?? 0) : collator.compare(a.text, b.text);
    return c === 0 ? a.i - b.i : sign * c;
  });
  return keyed.map((k) => k.row);
}

export function dataTable(rows: Row[], columns: Column[], opts: TableOptions): HTMLElement {
  const rowHeader = headerIndex(columns);
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const numClass = (c: Column) => (NUMERIC.has(c.kind ?? 'text') ? 'num' : null);
  const rowElement = (row: Row) => h('tr', {}, ...columns.map((c, i) => {
    const d = cellDisplay(row, c);
    const attrs = { class: numClass(c), title: d.title };
    const href = c.href?.(row);
    const content = c.controls ? c.controls(row) : href ? h('a', { href }, d.text) : d.text;
    return i === rowHeader ? h('th', { scope: 'row', ...attrs }, content) : h('td', attrs, content);
  }));

  let sorted = rows;
  let view = rows;
  let query = '';
  const tbody = h('tbody');
  const showRows = (start: number, end: number) => {
    const shown = document.createDocumentFragment();
    for (const row of view.slice(start, end)) shown.append(rowElement(row));
    if (view.length === 0) shown.append(h('tr', {}, h('td', { colspan: columns.length }, rows.length ? 'No row matches the search.' : 'No records in this period.')));
    tbody.replaceChildren(shown);
  };

  const headers = columns.map((c) => {
    // A column of controls has nothing to sort by.
    if (c.controls) return h('th', { scope: 'col' }, c.label);
    const button = h('button', { type: 'button', class: 'sort' }, c.label, h('span', { class: 'sort-icon', 'aria-hidden': 'true' }));
    const th = h('th', { scope: 'col', class: numClass(c) }, button);
    button.addEventListener('click', () => {
      const next: Direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', next);
      sorted = sortRows(rows, c, next);
      refresh();
      status.textContent = `Sorted by ${c.label}, ${next}.`;
    });
    return th;
  });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const table = h('table', { class: 'data-table', id: opts.id },
    h('caption', {}, opts.caption),
    h('thead', {}, h('tr', {}, ...headers)),
    tbody);
  // The scroll box takes focus so a wide table can be scrolled from the keyboard (WCAG 2.1.1).
  const scroll = h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': opts.caption }, table);
  let paging: HTMLElement | null = null;

  function refresh(): void {
    const q = query.trim().toLowerCase();
    const searched = opts.search && q
      ? sorted.filter((r) => opts.search!.keys.some((k) => {
        const col = columns.find((c) => c.key === k);
        const text = col ? cellDisplay(r, col).text : String(r[k] ?? '');
        return text.toLowerCase().includes(q) || String(r[k] ?? '').toLowerCase().includes(q);
      }))
      : sorted;
    view = searched;
    showRows(0, pageSize);
    paging?.remove();
    paging = view.length > pageSize ? pager(view.length, pageSize, opts.caption, showRows, scroll) : null;
    if (paging) scroll.after(paging);
  }

  const searchBox = opts.search ? (() => {
    const id = `search-${Math.random().toString(36).slice(2, 9)}`;
    const input = h('input', { type: 'search', id, autocomplete: 'off', spellcheck: 'false' });
    input.addEventListener('input', () => {
      query = input.value;
      refresh();
      status.textContent = `${formatCount(view.length)} of ${formatCount(rows.length)} rows shown.`;
    });
    return h('div', { class: 'field table-search' }, h('label', { for: id }, opts.search!.label), input);
  })() : null;
  const context = () => {
    const lines = contextLines(opts.caption);
    if (query.trim()) lines.splice(3, 0, ['Search', `Rows containing "${query.trim()}" only`]);
    const order = headers.findIndex((th) => th.hasAttribute('aria-sort'));
    if (order !== -1) lines.splice(3, 0, ['Order', `By ${columns[order].label}, ${headers[order].getAttribute('aria-sort')}`]);
    return lines;
  };
  const name = () => opts.filename ?? downloadName(opts.caption);
  const button = h('button', { type: 'button', class: 'secondary' }, 'Download CSV');
  button.addEventListener('click', () => {
    downloadBlob(new Blob([csvText(view, columns, context())], { type: 'text/csv;charset=utf-8' }), `${name()}.csv`);
  });
  const xlsxButton = h('button', { type: 'button', class: 'secondary' }, 'Download XLSX');
  const actions = h('div', { class: 'actions' }, button, xlsxButton, status);
  xlsxButton.addEventListener('click', () => {
    xlsxBlob(view, columns, opts.caption, context()).then(
      (blob) => downloadBlob(blob, `${name()}.xlsx`),
      (e: unknown) => actions.after(errorBox(e, 'the XLSX file')));
  });
  const block = h('div', { class: 'table-block' }, searchBox, scroll, actions);
  refresh();
  return block;
}
