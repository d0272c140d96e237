// The same quirky extract set as XLSX workbooks (extracts.md: first sheet,
// header row), the way spreadsheets hold it: most dates and datetimes as typed
// date cells, ages as numbers, not-recorded values as empty cells or markers,
// everything else as the text of the CSV.
import writeXlsxFile from 'write-excel-file/node';
import { normaliseHeader, parseCsv } from './csv-reference.ts';
import { Rng } from './quirky-csv.ts';
import { parseDate, parseDateTime, recorded } from './values-reference.ts';

const DATES = new Set(['referral_date', 'closed_date', 'rhi_completed_date', 'first_identified', 'linked_on', 'reported_on', 'action_date']);
const DATETIMES = new Set(['start', 'end']);
const INTEGERS = new Set(['age_at_referral', 'age_at_start', 'age_at_identification']);

type SheetCell = { value: string | number | Date | null; type?: DateConstructor | NumberConstructor; format?: string };

function typedCell(r: Rng, column: string, text: string): SheetCell {
  if (recorded(text) === null) return { value: r.chance(0.5) ? null : text };
  if (DATES.has(column) && r.chance(0.7)) return { value: new Date(parseDate(text)! * 86_400_000), type: Date, format: 'dd/mm/yyyy' };
  if (DATETIMES.has(column) && r.chance(0.7)) {
    return { value: new Date(parseDateTime(text)! * 1000), type: Date, format: 'dd/mm/yyyy hh:mm:ss' };
  }
  if (INTEGERS.has(column)) return { value: Number(text.trim()), type: Number };
  return { value: text };
}

/** Each CSV text of an extract set as an XLSX workbook (extract name → file contents). */
export async function quirkyWorkbooks(seed: number, texts: Record<string, string>): Promise<Record<string, Buffer>> {
  const r = new Rng(seed);
  const out: Record<string, Buffer> = {};
  for (const [name, text] of Object.entries(texts)) {
    const [header, ...rows] = parseCsv(text);
    const columns = header.map(normaliseHeader);
    const sheet = [header.map((h) => ({ value: h })), ...rows.map((row) => row.map((v, i) => typedCell(r, columns[i], v)))];
    out[name] = await writeXlsxFile(sheet as never).toBuffer();
  }
  return out;
}
