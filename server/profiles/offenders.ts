// The offenders profile beyond measures.md (sql/profiles/offenders.sql).
import type { Database } from '../db.ts';
import type { Period } from '../period.ts';
import type { BreakdownRow } from '../measures/run.ts';
import { runProfileQuery } from './run.ts';
import { toCompleteness, type CompletenessRow } from './completeness.ts';

export interface GroupRow {
  group_id: string;
  size: number;
  children_linked: number;
  children_in_period: number;
  first_activity: string;
  last_activity: string;
}

export interface MultiVictimRow {
  offender_id: string;
  age_band: string;
  sex: string;
  role: string;
  group_id: string | null;
  status: string;
  children: number;
  children_in_period: number;
  first_link: string;
  last_link: string;
}

/** Offender breakdowns of this module (key/count rows, as /api/breakdowns). */
export const OFFENDER_PROFILE_BREAKDOWNS = ['lone_group', 'relationships', 'age_gap'] as const;
export type OffenderProfileBreakdown = (typeof OFFENDER_PROFILE_BREAKDOWNS)[number];

export async function offendersCompleteness(db: Database, period: Period): Promise<CompletenessRow[]> {
  return (await runProfileQuery(db, 'offenders#completeness', period)).map(toCompleteness);
}

export async function offenderBreakdown(db: Database, name: OffenderProfileBreakdown, period: Period): Promise<BreakdownRow[]> {
  const rows = await runProfileQuery(db, `offenders#${name}`, period);
  return rows.map((r) => ({ key: String(r.key), count: Number(r.count) }));
}

export async function offenderGroups(db: Database, period: Period): Promise<GroupRow[]> {
  return (await runProfileQuery(db, 'offenders#groups', period)) as unknown as GroupRow[];
}

export async function multiVictimOffenders(db: Database, period: Period): Promise<MultiVictimRow[]> {
  return (await runProfileQuery(db, 'offenders#multi_victim', period)) as unknown as MultiVictimRow[];
}
