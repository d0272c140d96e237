// Pages through a long list: "Rows 1 to 100 of 23,456" (announced politely when
// it changes) and Previous / Next / Show all buttons. The caller renders the
// rows of a range; rows outside it never exist as DOM.
import { formatCount } from '../format.ts';
import { h } from './dom.ts';

/** Rows shown at a time unless a table says otherwise. */
export const PAGE_SIZE = 100;

const rangeText = (start: number, end: number, total: number): string =>
  `Rows ${formatCount(start + 1)} to ${formatCount(end)} of ${formatCount(total)}`;

/**
 * A pager over `total` rows, `pageSize` at a time, starting on the first page.
 * `show(start, end)` renders rows start..end-1; `afterShowAll` receives focus
 * once every row is shown (the paging buttons no longer apply).
 */
export function pager(total: number, pageSize: number, label: string, show: (start: number, end: number) => void, afterShowAll: HTMLElement): HTMLElement {
  let start = 0;
  const size = formatCount(pageSize);
  const range = h('p', { class: 'pager-range', role: 'status', 'aria-live': 'polite' }, rangeText(0, Math.min(pageSize, total), total));
  const previous = h('button', { type: 'button', class: 'secondary', disabled: true }, `Previous ${size}`);
  const next = h('button', { type: 'button', class: 'secondary' }, `Next ${size}`);
  const all = h('button', { type: 'button', class: 'secondary' }, 'Show all');

  const go = (to: number, clicked: HTMLButtonElement, other: HTMLButtonElement) => {
    start = to;
    const end = Math.min(start + pageSize, total);
    show(start, end);
    range.textContent = rangeText(start, end, total);
    previous.disabled = start === 0;
    next.disabled = end === total;
    // A button that has just become disabled loses focus: hand it to its partner.
    if (clicked.disabled) other.focus();
  };
  previous.addEventListener('click', () => go(Math.max(0, start - pageSize), previous, next));
  next.addEventListener('click', () => go(start + pageSize, next, previous));
  all.addEventListener('click', () => {
    show(0, total);
    range.textContent = rangeText(0, total, total);
    previous.disabled = next.disabled = all.disabled = true;
    afterShowAll.focus();
  });
  return h('div', { class: 'pager', role: 'group', 'aria-label': `Pages of ${label}` }, range, previous, next, all);
}
