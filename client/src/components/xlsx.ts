// XLSX for the "Download XLSX" buttons (write-excel-file, browser build, loaded
// only when a download is asked for): header row bold, counts and percentages
// as numbers (percentages and rates to one decimal place, as displayed), '[c]'
// as text for withheld counts, other cells as the CSV has them.
import type { Cell as XCell, SheetData } from 'write-excel-file/browser';
import { roundHalfAway } from '../format.ts';
import { csvCell } from './csv.ts';
import type { Column, Row } from './data-table.ts';

export function xlsxCell(row: Row, col: Column): XCell {
  const v = row[col.key];
  const numeric = col.kind === 'count' || col.kind === 'percent' || col.kind === 'rate';
  if (numeric && typeof v === 'number' && !(col.kind === 'count' && row.suppressed === true)) {
    return { value: col.kind === 'count' ? v : roundHalfAway(v, 1), type: Number };
  }
  const text = csvCell(row, col);
  const unquoted = /^".*"$/s.test(text) ? text.slice(1, -1).replace(/""/g, '"') : text;
  return unquoted === '' ? null : { value: unquoted, type: String };
}

export function xlsxSheet(rows: Row[], columns: Column[]): SheetData {
  const header: XCell[] = columns.map((c) => ({ value: c.label, type: String, fontWeight: 'bold' }));
  return [header, ...rows.map((row) => columns.map((c) => xlsxCell(row, c)))];
}

export async function xlsxBlob(rows: Row[], columns: Column[], sheet: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = sheet.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Table';
  return writeXlsxFile(xlsxSheet(rows, columns), { sheet: name }).toBlob();
}
