// The period picker every page shares: financial years (April–March) or a
// custom range of two dates. It only reports a choice; the URL holds the period.
import { fyLabel } from '../format.ts';
import { asFinancialYear, describePeriod, financialYear, fyStartYear, isIsoDate, todayIso, type Period } from '../period.ts';
import { h, replaceChildren } from './dom.ts';

const CUSTOM = 'custom';
const YEARS_SHOWN = 10;

export interface PeriodPicker {
  element: HTMLElement;
  /** Shows `period` as the current choice (from the URL). */
  update(period: Period, previous: Period): void;
}

/** Validates a custom range; returns the error message or null. */
export function customRangeError(from: string, to: string): string | null {
  if (!isIsoDate(from)) return 'Enter a valid start date.';
  if (!isIsoDate(to)) return 'Enter a valid end date.';
  if (from > to) return 'The start date must be on or before the end date.';
  return null;
}

export function createPeriodPicker(onChoose: (p: Period) => void, today = todayIso()): PeriodPicker {
  const thisYear = fyStartYear(today);
  const select = h('select', { id: 'period-year', name: 'year' });
  const fromInput = h('input', { type: 'date', id: 'period-from', name: 'from', required: true });
  const toInput = h('input', { type: 'date', id: 'period-to', name: 'to', required: true });
  const rangeError = h('p', { class: 'field-error', id: 'period-error', role: 'alert' });
  const custom = h('div', { class: 'period-custom', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'period-from' }, 'From'), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'period-to' }, 'To'), toInput),
    h('button', { type: 'submit' }, 'Show this period'),
    rangeError);
  const summary = h('p', { class: 'period-summary', 'aria-live': 'polite' });
  const form = h('form', { class: 'period-picker', 'aria-label': 'Period' },
    h('div', { class: 'field' }, h('label', { for: 'period-year' }, 'Period'), select),
    custom,
    summary);

  const fillYears = (extra: number | null) => {
    const years = Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i);
    if (extra !== null && !years.includes(extra)) years.push(extra);
    years.sort((a, b) => b - a);
    replaceChildren(select,
      ...years.map((y) => h('option', { value: y }, y === thisYear ? `${fyLabel(y)} (year to date)` : `Financial year ${fyLabel(y)}`)),
      h('option', { value: CUSTOM }, 'Custom range…'));
  };

  select.addEventListener('change', () => {
    if (select.value === CUSTOM) {
      custom.hidden = false;
      fromInput.focus();
      return;
    }
    custom.hidden = true;
    onChoose(financialYear(Number(select.value)));
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const error = customRangeError(fromInput.value, toInput.value);
    rangeError.textContent = error ?? '';
    if (error === null) onChoose({ from: fromInput.value, to: toInput.value });
  });

  return {
    element: form,
    update(period, previous) {
      const fy = asFinancialYear(period);
      fillYears(fy);
      select.value = fy === null ? CUSTOM : String(fy);
      custom.hidden = fy !== null;
      fromInput.value = period.from;
      toInput.value = period.to;
      rangeError.textContent = '';
      summary.textContent = `Showing ${describePeriod(period)}, compared with ${describePeriod(previous)}.`;
    },
  };
}
