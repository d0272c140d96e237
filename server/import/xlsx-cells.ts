// A typed cell of an XLSX sheet as the text a CSV would hold (dates ISO), so
// that both readers fill staging through the same SQL.
import type { ColumnType } from './spec.ts';

export type Cell = string | number | boolean | Date | null;

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as CSV text; Date cells (UTC wall clock) as ISO dates or datetimes. */
export function cellText(cell: Cell, type: ColumnType | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    // Excel keeps times as fractions of a day: round away the float error (09:29:59.999 → 09:30:00).
    cell = new Date(Math.round(cell.getTime() / 1000) * 1000);
    const d = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const hasTime = cell.getUTCHours() || cell.getUTCMinutes() || cell.getUTCSeconds();
    if (type?.kind !== 'datetime' && !hasTime) return d;
    return `${d} ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
  }
  return String(cell);
}
