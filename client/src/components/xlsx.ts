// XLSX for the "Download XLSX" buttons (write-excel-file, browser build, loaded
// only when a download is asked for): the context lines the CSV has, then the
// header row in bold and the same cells as the CSV (csv.ts exportCells), typed:
// numbers as numbers with a number format (percentages and rates 0.0), '[c]'
// and labels as text. No formula guard: typed cells are never formulas.
import type { Cell as XCell, SheetData } from 'write-excel-file/browser';
import { exportCells } from './csv.ts';
import type { Column, Row } from './data-table.ts';

export function xlsxSheet(rows: Row[], columns: Column[], context: [string, string][] = []): SheetData {
  const { header, body, formats } = exportCells(rows, columns);
  const lead: XCell[][] = context.map(([k, v]) => [{ value: k, type: String, fontWeight: 'bold' }, { value: v, type: String }]);
  const cell = (v: string | number | null, i: number): XCell => {
    if (v === null || v === '') return null;
    if (typeof v === 'number') return formats[i] ? { value: v, type: Number, format: formats[i] } : { value: v, type: Number };
    return { value: v, type: String };
  };
  return [
    ...lead,
    ...(lead.length ? [[null]] : []),
    header.map((text) => ({ value: text, type: String, fontWeight: 'bold' as const })),
    ...body.map((r) => r.map(cell)),
  ];
}

export async function xlsxBlob(rows: Row[], columns: Column[], sheet: string, context: [string, string][] = []): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = sheet.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Table';
  return writeXlsxFile(xlsxSheet(rows, columns, context), { sheet: name }).toBlob();
}
