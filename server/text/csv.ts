// The one CSV writer of the server and the browser (imported by both): RFC 4180
// quoting, CRLF lines, and a guard against spreadsheet formulas. A text cell
// that a spreadsheet would read as a formula (starting with = + - @, a tab or a
// carriage return) gets a leading apostrophe; numbers, and texts that are plain
// numbers such as "-5" or "-16.7%", are left as they are (a spreadsheet reads
// them as numbers, not formulas). XLSX cells are typed, so they never need it.

export type CsvValue = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$/;

/** Whether a text cell would start a formula when a spreadsheet opens the file. */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !(PLAIN_NUMBER.test(text) && /\d/.test(text));
}

/** One field: numbers as they are, text guarded against formulas, then quoted if needed. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = String(v);
  const safe = startsFormula(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line (without its line break). */
export function csvRow(cells: CsvValue[]): string {
  return cells.map(csvField).join(',');
}

/** A whole file: CRLF after every line; with `bom`, a UTF-8 byte-order mark so Excel reads UTF-8. */
export function csvDocument(rows: CsvValue[][], opts: { bom?: boolean } = {}): string {
  const body = rows.map((r) => `${csvRow(r)}\r\n`).join('');
  return opts.bom ? `\uFEFF${body}` : body;
}
