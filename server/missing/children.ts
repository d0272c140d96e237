// The analyst's lists of children (pseudonymous ids only), all from the one
// query sql/missing/children.sql, so that each list is exactly the children a
// measure counts: repeat missing (repeat_missing_children), repeat missing
// with no CSE case open (repeat_missing_children_without_case), and children
// with a case open who went missing from care.
import type { Database } from '../db.ts';
import type { Period } from '../period.ts';
import { runForPeriods } from '../measures/run.ts';
import type { Thresholds } from '../measures/params.ts';

export interface MissingChild {
  child_id: string;
  episodes: number;
  /** 'YYYY-MM-DD HH:MM' */
  first_start: string;
  last_start: string;
  /** Longest ended episode starting in the period, in hours; null when none has ended. */
  longest_hours: number | null;
  ongoing: number;
  episodes_from_care: number;
  repeat_missing: boolean;
  case_open: boolean;
  /** Of the most recent case open in the period; null without a case. */
  risk_level: string | null;
}

export async function missingChildren(db: Database, period: Period, t: Thresholds): Promise<MissingChild[]> {
  const rows = await runForPeriods(db, 'missing/children#missing_children', [period], t);
  return rows.map((r) => ({
    child_id: String(r.child_id),
    episodes: Number(r.episodes),
    first_start: String(r.first_start),
    last_start: String(r.last_start),
    longest_hours: r.longest_hours === null ? null : Number(r.longest_hours),
    ongoing: Number(r.ongoing),
    episodes_from_care: Number(r.episodes_from_care),
    repeat_missing: r.repeat_missing === true,
    case_open: r.case_open === true,
    risk_level: r.risk_level === null ? null : String(r.risk_level),
  }));
}

export const MISSING_LISTS = {
  /** Children missing repeatedly in the period (as repeat_missing_children). */
  repeat: (c: MissingChild) => c.repeat_missing,
  /** … of them, those with no CSE case open in the period (as repeat_missing_children_without_case). */
  'repeat-without-case': (c: MissingChild) => c.repeat_missing && !c.case_open,
  /** Children with a case open in the period (as children_open) and an episode from care starting in it. */
  'from-care': (c: MissingChild) => c.case_open && c.episodes_from_care > 0,
} as const;
export type MissingList = keyof typeof MISSING_LISTS;

export async function missingList(db: Database, name: MissingList, period: Period, t: Thresholds): Promise<MissingChild[]> {
  return (await missingChildren(db, period, t)).filter(MISSING_LISTS[name]);
}
