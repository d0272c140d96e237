// The repeat-missing and long-episode thresholds of the missing page, kept in
// the URL (?repeat_min=&repeat_days=&long_hours=, absent = the default of
// measures.md), and the form that changes them.
import { h } from '../components/dom.ts';
import type { PageContext } from '../page.ts';

export interface Thresholds {
  repeat_min: number;
  repeat_days: number;
  long_hours: number;
}
type Name = keyof Thresholds;

export const DEFAULTS: Thresholds = { repeat_min: 3, repeat_days: 90, long_hours: 24 };
const MAX = 100_000;
const FIELDS: { name: Name; label: string; hint: string }[] = [
  { name: 'repeat_min', label: 'Repeat missing: episodes', hint: 'episodes that make a child "missing repeatedly"' },
  { name: 'repeat_days', label: 'Repeat missing: within days', hint: 'the last of them starting fewer than this many days after the first' },
  { name: 'long_hours', label: 'Long episode: over hours', hint: 'an episode is long when it lasts more than this many hours' },
];

const valid = (s: string | null): s is string => s !== null && /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= MAX;

/** The thresholds of the URL (a value that is not a whole number 1–100,000 falls back to the default). */
export function thresholdsOf(ctx: PageContext): Thresholds {
  const get = (n: Name) => {
    const v = ctx.params.get(n);
    return valid(v) ? Number(v) : DEFAULTS[n];
  };
  return { repeat_min: get('repeat_min'), repeat_days: get('repeat_days'), long_hours: get('long_hours') };
}

/** Query parameters for the API: only thresholds that differ from the default. */
export function thresholdQuery(t: Thresholds): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const f of FIELDS) if (t[f.name] !== DEFAULTS[f.name]) out[f.name] = t[f.name];
  return out;
}

/** '3 or more episodes within 90 days'. */
export function repeatText(t: Thresholds): string {
  return `${t.repeat_min} or more episodes within ${t.repeat_days} days`;
}

export function thresholdForm(ctx: PageContext, t: Thresholds): HTMLElement {
  const inputs = FIELDS.map((f) => h('input', {
    id: `threshold-${f.name}`, name: f.name, type: 'number', min: 1, max: MAX, step: 1, required: true,
    value: String(t[f.name]), 'aria-describedby': `threshold-${f.name}-hint`,
  }));
  const error = h('p', { class: 'field-error', role: 'alert' });
  const reset = h('button', { type: 'button', class: 'secondary' }, 'Back to the defaults');
  reset.addEventListener('click', () => ctx.setParams({ repeat_min: null, repeat_days: null, long_hours: null }));
  const form = h('form', { class: 'filters', 'aria-label': 'Thresholds' },
    ...FIELDS.map((f, i) => h('div', { class: 'field' },
      h('label', { for: `threshold-${f.name}` }, f.label), inputs[i],
      h('span', { id: `threshold-${f.name}-hint`, class: 'note' }, f.hint))),
    h('button', { type: 'submit' }, 'Apply'), reset, error,
    h('p', { class: 'note' }, `Defaults (measures.md): ${repeatText(DEFAULTS)}; long episodes over ${DEFAULTS.long_hours} hours.`));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const bad = FIELDS.find((_, i) => !valid(inputs[i].value.trim()));
    if (bad) {
      error.textContent = `${bad.label} must be a whole number from 1 to ${MAX.toLocaleString('en-GB')}.`;
      return;
    }
    ctx.setParams(Object.fromEntries(FIELDS.map((f, i) => {
      const v = Number(inputs[i].value.trim());
      return [f.name, v === DEFAULTS[f.name] ? null : v];
    })));
  });
  return form;
}
