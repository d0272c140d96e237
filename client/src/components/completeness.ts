// Completeness of a breakdown: how much of it is "not recorded", and a warning
// when most of it is (> 50%), so a chart is never read without that caveat.
import { formatPercent } from '../format.ts';
import { NOT_RECORDED } from '../labels.ts';
import { h } from './dom.ts';

export interface CountRow {
  key: string;
  count: number | null;
}

/** Share (0–100) of the rows' total that is not recorded; null when there is nothing or counts are suppressed. */
export function notRecordedShare(rows: CountRow[]): number | null {
  let total = 0;
  let missing = 0;
  for (const r of rows) {
    if (r.count === null) return null;
    total += r.count;
    if (r.key === NOT_RECORDED) missing += r.count;
  }
  return total === 0 ? null : (missing / total) * 100;
}

/** 'x% not recorded' note, with a warning when the breakdown rests mostly on not-recorded values. */
export function completenessNote(rows: CountRow[]): HTMLElement | null {
  const share = notRecordedShare(rows);
  if (share === null) return null;
  const text = `${formatPercent(share)} not recorded.`;
  if (share > 50) {
    return h('p', { class: 'warning' },
      h('strong', {}, 'Warning: '),
      `${text} Most of this breakdown rests on values that were not recorded; read the other categories with care.`);
  }
  return h('p', { class: 'note' }, text);
}
