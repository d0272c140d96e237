// Reads the generator's CSV output with the test references' one CSV reader
// (tests/reference/csv-reference.ts), keeping each row's width to check against the header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../reference/csv-reference.ts';

export interface Csv {
  header: string[];
  rows: Record<string, string>[];
  widths: number[]; // cells per data row, to check against the header
}

export function readCsv(dir: string, file: string): Csv {
  const [header, ...cells] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  return {
    header,
    rows: cells.map((c) => Object.fromEntries(header.map((h, i) => [h, c[i]]))),
    widths: cells.map((c) => c.length),
  };
}

/** Financial year of an ISO date or datetime: 2021 = 2021/22. */
export function financialYear(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return (100 * items.filter(test).length) / items.length;
}
