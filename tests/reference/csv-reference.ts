// Reference reading of one CSV extract, written from extracts.md alone (no
// DuckDB, no project code): UTF-8 with an optional BOM, RFC 4180 quoting
// (quoted commas, doubled quotes, line breaks inside quotes), CRLF or LF,
// header names matched case-insensitively after trimming, spaces and hyphens
// counting as underscores. The one CSV reader of the test references
// (extracts, missing and profile references all read through it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recorded } from './values-reference.ts';

/** Splits CSV text into rows of fields (RFC 4180); blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      endRow();
      i++;
    } else if (c === '\n' || c === '\r') endRow();
    else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** `Referral Date`, ` referral-date `, `REFERRAL_DATE` → `referral_date`. */
export function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]/g, '_');
}

/** The rows of a CSV extract as records keyed by normalised header. */
export function readCsvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  const names = header.map(normaliseHeader);
  return body.map((fields) => Object.fromEntries(names.map((n, i) => [n, fields[i] ?? ''])));
}

/** The rows of `<name>.csv` in a folder, every cell trimmed and a not-recorded marker as null; no rows when the file is absent. */
export function readExtractRecords(dir: string, name: string): Record<string, string | null>[] {
  const path = join(dir, `${name}.csv`);
  if (!existsSync(path)) return [];
  return readCsvRecords(readFileSync(path, 'utf8')).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, recorded(v)])));
}
