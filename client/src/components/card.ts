// Headline measure cards: the value for the period, the previous period beside
// it, and the change in words (never colour alone).
import { formatCount, formatPercent, roundHalfAway, DASH } from '../format.ts';
import { h } from './dom.ts';

export type Unit = 'count' | 'percent';

function show(v: number | null, unit: Unit): string {
  return unit === 'percent' ? formatPercent(v) : formatCount(v);
}

/** 'up 12 (+8.0%)', 'down 2.5 percentage points', 'no change', or '–' when not comparable. */
export function changeText(value: number | null, previous: number | null, unit: Unit): string {
  if (value === null || previous === null) return DASH;
  const diff = value - previous;
  if (unit === 'percent') {
    const pp = roundHalfAway(Math.abs(diff), 1);
    if (pp === 0) return 'no change';
    return `${diff > 0 ? 'up' : 'down'} ${pp.toFixed(1)} percentage points`;
  }
  if (diff === 0) return 'no change';
  const rel = previous === 0 ? '' : ` (${diff > 0 ? '+' : '−'}${formatPercent(Math.abs(diff / previous) * 100)})`;
  return `${diff > 0 ? 'up' : 'down'} ${formatCount(Math.abs(diff))}${rel}`;
}

/** The difference (percentage points for percentages: the row's unit says which); null when either value is missing. */
export function changeOf(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/** Relative change in per cent; null when the earlier value is 0 or missing. */
export function pctChangeOf(now: number | null, before: number | null): number | null {
  return now === null || before === null || before === 0 ? null : ((now - before) / before) * 100;
}

export interface CardOptions {
  /** Label of the previous period, e.g. '2023/24'. */
  previousLabel: string;
}

export function card(label: string, value: number | null, previous: number | null, unit: Unit, opts: CardOptions): HTMLElement {
  const title = (v: number | null) => (v === null && unit === 'percent' ? 'no denominator' : null);
  const change = changeText(value, previous, unit);
  return h('div', { class: 'card' },
    h('h3', { class: 'card-label' }, label),
    h('p', { class: 'card-value', title: title(value) }, show(value, unit)),
    h('p', { class: 'card-previous' },
      `${opts.previousLabel}: `, h('span', { title: title(previous) }, show(previous, unit))),
    h('p', { class: 'card-change' }, `Change: ${change}`));
}

/** A card for a figure the sources held cannot give: its note ("not in this source: …") instead of a number. */
export function notInSourceCard(label: string, note: string): HTMLElement {
  return h('div', { class: 'card not-in-source' },
    h('h3', { class: 'card-label' }, label),
    h('p', { class: 'card-note' }, note));
}
