// How the report's sentences write figures: UK thousands separators, one
// decimal place for percentages (rounded half away from zero, as measures.md
// asks), financial years as 2024/25, other periods as DD/MM/YYYY to DD/MM/YYYY.
import { financialYearOf } from '../period.ts';

const counts = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Rounds half away from zero, immune to binary float error (12.35 → 12.4). */
export function roundHalfAway(x: number, places = 1): number {
  const factor = 10 ** places;
  const rounded = Math.round(Number((Math.abs(x) * factor).toPrecision(12))) / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

export const count = (n: number): string => counts.format(n);
export const percent = (p: number): string => `${oneDecimal.format(roundHalfAway(p, 1))}%`;

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** '2024/25' for a whole financial year, else '01/04/2024 to 30/06/2024'. */
export function periodLabel(from: string, to: string): string {
  const fy = financialYearOf(from);
  return fy.from === from && fy.to === to ? fy.label : `${dmy(from)} to ${dmy(to)}`;
}
