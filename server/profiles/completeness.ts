// Recording gaps of a page's fields (sql/profiles/*#completeness).
import type { Row } from '../db.ts';

export interface CompletenessRow {
  /** The breakdown dimension (or profile field) the gap concerns. */
  field: string;
  /** What is counted: 'cases_referred', 'offenders_identified' or 'links_in_period'. */
  denominator: string;
  total: number;
  not_recorded: number;
  /** 0–100, unrounded; null when total is 0. */
  pct_not_recorded: number | null;
}

export function toCompleteness(r: Row): CompletenessRow {
  return {
    field: String(r.field),
    denominator: String(r.denominator),
    total: Number(r.total),
    not_recorded: Number(r.not_recorded),
    pct_not_recorded: r.pct_not_recorded === null ? null : Number(r.pct_not_recorded),
  };
}
