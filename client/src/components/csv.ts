// What a table's downloads hold, and its CSV text. Every downloaded cell comes
// from exportCells: numbers as numbers (percentages and rates to one decimal
// place, as displayed; changes signed), '[c]' for withheld counts, a code's
// label with the code in a column of its own. The CSV is written by the one
// writer of server and browser (server/text/csv.ts: RFC 4180, formula guard),
// with a UTF-8 BOM so Excel reads it; the lines above the header say what the
// table is (download-context.ts).
import { csvDocument, type CsvValue } from '../../../server/text/csv.ts';
import { roundHalfAway, SUPPRESSED } from '../format.ts';
import type { Column, Row } from './data-table.ts';

/** One column of a download: its header, and a cell's value (number, text or empty). */
export interface ExportColumn {
  header: string;
  /** How a number is shown in XLSX ('0', '0.0'). */
  numberFormat?: string;
  value: (row: Row) => string | number | null;
}

const ONE_DECIMAL = new Set(['percent', 'rate', 'pct_change', 'number']);

function numberOf(row: Row, col: Column): number | null {
  const v = row[col.key];
  if (typeof v !== 'number') return null;
  return ONE_DECIMAL.has(col.kind ?? '') || (col.kind === 'change' && row.unit === 'percent') ? roundHalfAway(v, 1) : v;
}

function textOf(row: Row, col: Column): string | null {
  const v = row[col.key];
  if (v === null || v === undefined || typeof v === 'boolean') return null;
  const s = String(v);
  return col.csv ? col.csv(s, row) : col.format ? col.format(s, row) : s;
}

/** The columns of a download: a code column gets its label, then the code beside it. */
export function exportColumns(columns: Column[]): ExportColumn[] {
  return columns.flatMap((col): ExportColumn[] => {
    if (col.controls) return [];
    switch (col.kind) {
      case 'count':
        return [{ header: col.label, numberFormat: '#,##0', value: (r) => (r.suppressed === true || r[col.key] === null ? SUPPRESSED : numberOf(r, col)) }];
      case 'percent':
      case 'rate':
      case 'pct_change':
      case 'number':
        return [{ header: col.label, numberFormat: '0.0', value: (r) => numberOf(r, col) }];
      case 'change':
        return [{ header: col.label, numberFormat: '+#,##0.#;-#,##0.#;0', value: (r) => numberOf(r, col) }];
      case 'date':
        return [{ header: col.label, value: (r) => (typeof r[col.key] === 'string' ? String(r[col.key]) : null) }];
      default:
        if (!col.code) return [{ header: col.label, value: (r) => textOf(r, col) }];
        return [
          { header: col.label, value: (r) => textOf(r, col) },
          { header: `${col.label} (code)`, value: (r) => (typeof r[col.key] === 'string' ? String(r[col.key]) : null) },
        ];
    }
  });
}

/** Header row and data rows of a download, as values. */
export function exportCells(rows: Row[], columns: Column[]): { header: string[]; body: (string | number | null)[][]; formats: (string | undefined)[] } {
  const cols = exportColumns(columns);
  return { header: cols.map((c) => c.header), body: rows.map((r) => cols.map((c) => c.value(r))), formats: cols.map((c) => c.numberFormat) };
}

/** CSV text: the context lines (if any), a blank line, the header, every row. */
export function csvText(rows: Row[], columns: Column[], context: [string, string][] = []): string {
  const { header, body } = exportCells(rows, columns);
  const lead: CsvValue[][] = context.length ? [...context, []] : [];
  return csvDocument([...lead, header, ...body], { bom: true });
}
