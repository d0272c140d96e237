// CSV text for the "Download CSV" buttons: UTF-8 with a BOM so Excel reads it,
// RFC 4180 quoting, CRLF lines, '[c]' for suppressed counts.
import { roundHalfAway, SUPPRESSED } from '../format.ts';
import type { Column, Row } from './data-table.ts';

function quote(s: string): string {
  // A text starting with = + - @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvCell(row: Row, col: Column): string {
  const v = row[col.key];
  if (col.kind === 'count' && (v === null || row.suppressed === true)) return SUPPRESSED;
  if (v === null || v === undefined || typeof v === 'boolean') return '';
  if (typeof v === 'number') {
    if (col.kind === 'percent' || col.kind === 'rate') return String(roundHalfAway(v, 1));
    return String(v);
  }
  return quote(col.csv ? col.csv(v, row) : col.format ? col.format(v, row) : v);
}

export function csvText(rows: Row[], columns: Column[]): string {
  const lines = [columns.map((c) => quote(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row, c)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
