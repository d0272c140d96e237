// The periods the picker offers, from today's date: financial years (the current
// one to date), calendar years, quarters of the financial year, the rolling 12
// months and the financial and calendar years to date (compared with the same
// months of the year before), ending with the last complete month. Pure: tests give `today`.
import { fyLabel } from './format.ts';
import { addDays, addMonths, financialYear, fyStartYear, isYearToDate, type Period } from './period.ts';

export interface Preset {
  label: string;
  period: Period;
  /** The picker's option value: the start year of a financial year (as links and tests know it), else 'from/to'. */
  value: string;
}

export interface PresetGroup {
  label: string;
  presets: Preset[];
}

const YEARS_SHOWN = 10;
const QUARTERS_SHOWN = 8;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (iso: string) => `${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;

const preset = (label: string, period: Period): Preset => ({ label, period, value: `${period.from}/${period.to}` });

export function presets(today: string): PresetGroup[] {
  const thisFy = fyStartYear(today);
  const thisYear = +today.slice(0, 4);
  // The last complete month: the day before the first of this month.
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = addDays(monthStart, -1);
  const rolling: Period = { from: addMonths(monthStart, -12), to: lastMonthEnd };
  // A year to date of one month or of a quarter is offered as that month or quarter (compared with the one before).
  const toDate: Preset[] = [
    preset(`Financial year to date (${fyLabel(thisFy)}, April to ${monthName(lastMonthEnd)})`, { from: `${thisFy}-04-01`, to: lastMonthEnd }),
    preset(`Calendar year to date (January to ${monthName(lastMonthEnd)})`, { from: `${thisYear}-01-01`, to: lastMonthEnd }),
  ].filter((p) => isYearToDate(p.period));

  const quarters: Preset[] = [];
  // Financial quarters: Q1 April–June … Q4 January–March, the latest complete first.
  let qStart = addMonths(monthStart, -(((+today.slice(5, 7) - 4 + 12) % 12) % 3) - 3);
  while (quarters.length < QUARTERS_SHOWN) {
    const fy = fyStartYear(qStart);
    const q = Math.floor(((+qStart.slice(5, 7) - 4 + 12) % 12) / 3) + 1;
    const end = addDays(addMonths(qStart, 3), -1);
    quarters.push(preset(`Q${q} ${fyLabel(fy)} (${MONTHS[+qStart.slice(5, 7) - 1]} to ${monthName(end)})`, { from: qStart, to: end }));
    qStart = addMonths(qStart, -3);
  }

  return [
    {
      label: 'Financial years (April to March)',
      presets: Array.from({ length: YEARS_SHOWN }, (_, i) => thisFy - i).map((y) => ({
        label: y === thisFy ? `${fyLabel(y)} (year to date)` : `Financial year ${fyLabel(y)}`,
        period: financialYear(y),
        value: String(y),
      })),
    },
    {
      label: 'Calendar years',
      presets: Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - 1 - i).map((y) => preset(`Calendar year ${y}`, { from: `${y}-01-01`, to: `${y}-12-31` })),
    },
    { label: 'Quarters of the financial year', presets: quarters },
    {
      label: 'Recent months',
      presets: [preset(`Rolling 12 months (${monthName(rolling.from)} to ${monthName(rolling.to)})`, rolling), ...toDate],
    },
  ];
}
