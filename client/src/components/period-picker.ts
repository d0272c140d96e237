// The period picker every page shares: financial years (April–March), calendar
// years, quarters of the financial year, the rolling 12 months and the year to
// date (compared with the same months of the year before, see period.ts), or a
// custom range of two dates. Viewers and partners are offered financial years
// only (the publication grid, audience.ts). It only reports a choice; the URL holds the period.
import { presets, type Preset } from '../period-presets.ts';
import { describePeriod, isIsoDate, todayIso, type Period } from '../period.ts';
import { h, replaceChildren } from './dom.ts';

const CUSTOM = 'custom';

export interface PeriodPicker {
  element: HTMLElement;
  /** Shows `period` as the current choice (from the URL). */
  update(period: Period, previous: Period): void;
  /** true: financial years only, no custom range (viewers and partners). */
  restrict(financialYearsOnly: boolean): void;
}

/** Validates a custom range; returns the error message or null. */
export function customRangeError(from: string, to: string): string | null {
  if (!isIsoDate(from)) return 'Enter a valid start date.';
  if (!isIsoDate(to)) return 'Enter a valid end date.';
  if (from > to) return 'The start date must be on or before the end date.';
  return null;
}

export function createPeriodPicker(onChoose: (p: Period) => void, today = todayIso()): PeriodPicker {
  const groups = presets(today);
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

  const option = (p: Preset) => h('option', { value: p.value }, p.label);
  let restricted: boolean | null = null;
  let all: Preset[] = [];
  const fill = (financialYearsOnly: boolean) => {
    // The financial years are the first group of the presets.
    const shown = financialYearsOnly ? groups.slice(0, 1) : groups;
    replaceChildren(select,
      ...shown.map((g) => h('optgroup', { label: g.label }, ...g.presets.map(option))),
      financialYearsOnly ? null : h('option', { value: CUSTOM }, 'Custom range…'));
    all = shown.flatMap((g) => g.presets);
    restricted = financialYearsOnly;
  };
  fill(false);
  const byValue = new Map(groups.flatMap((g) => g.presets).map((p) => [p.value, p.period] as const));
  // The first preset of a period names it (a rolling 12 months may also be a financial year).
  const valueOf = (period: Period) => all.find((p) => p.period.from === period.from && p.period.to === period.to)?.value ?? null;

  select.addEventListener('change', () => {
    if (select.value === CUSTOM) {
      custom.hidden = false;
      fromInput.focus();
      return;
    }
    custom.hidden = true;
    const chosen = byValue.get(select.value);
    if (chosen) onChoose(chosen);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const error = customRangeError(fromInput.value, toInput.value);
    rangeError.textContent = error ?? '';
    if (error === null) onChoose({ from: fromInput.value, to: toInput.value });
  });

  return {
    element: form,
    restrict(financialYearsOnly) {
      if (financialYearsOnly !== restricted) fill(financialYearsOnly);
    },
    update(period, previous) {
      const value = valueOf(period);
      select.value = value ?? CUSTOM;
      custom.hidden = value !== null || restricted === true;
      fromInput.value = period.from;
      toInput.value = period.to;
      rangeError.textContent = '';
      summary.textContent = `Showing ${describePeriod(period)}, compared with ${describePeriod(previous)}.`;
    },
  };
}
