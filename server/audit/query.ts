// Reading the audit trail: filters from a query string, and CSV.
import type { Database } from '../db.ts';
import { badRequest } from '../errors.ts';
import { addDays, isIsoDate } from '../period.ts';
import type { AuditRow } from './chain.ts';
import { csvDocument, type CsvValue } from '../text/csv.ts';

export interface AuditFilter {
  username: string | null;
  event: string | null;
  route: string | null;
  from: string | null;
  to: string | null;
  limit: number;
}

function text(q: Record<string, unknown>, name: string): string | null {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string' || v.length > 200) throw badRequest(`Parameter '${name}' must be given once`, name);
  return v;
}

/** A day that exists (2024-02-30 does not), as YYYY-MM-DD. */
function date(q: Record<string, unknown>, name: string): string | null {
  const v = text(q, name);
  if (v !== null && !isIsoDate(v)) throw badRequest(`Parameter '${name}' (${v}) must be a real date YYYY-MM-DD`, name);
  return v;
}

/** The last day a YYYY-MM-DD can name: no entry is after it, so `to` on it needs no bound. */
const LAST_DAY = '9999-12-31';

export function auditFilterFromQuery(q: Record<string, unknown>): AuditFilter {
  const from = date(q, 'from');
  const to = date(q, 'to');
  if (from !== null && to !== null && from > to) throw badRequest(`Parameter 'from' (${from}) is after 'to' (${to})`, 'from');
  const limitText = text(q, 'limit');
  const limit = limitText === null ? 1000 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw badRequest("Parameter 'limit' must be a whole number from 1 to 100000", 'limit');
  return {
    username: text(q, 'username')?.toLowerCase() ?? null,
    event: text(q, 'event'),
    route: text(q, 'route'),
    from,
    // `to` is inclusive: entries before the next day.
    to: to === null || to === LAST_DAY ? null : addDays(to, 1),
    limit,
  };
}

export async function searchAudit(db: Database, f: AuditFilter): Promise<AuditRow[]> {
  return (await db.named('audit#search', { ...f })) as unknown as AuditRow[];
}

const COLUMNS: (keyof AuditRow)[] = [
  'seq', 'logged_at', 'username', 'role', 'address', 'event', 'method', 'route', 'params', 'status', 'rows_returned', 'file_hash', 'details', 'prev_hash', 'hash',
];


export function auditCsv(rows: AuditRow[]): string {
  return csvDocument([COLUMNS, ...rows.map((r) => COLUMNS.map((c) => r[c] as CsvValue))]);
}
