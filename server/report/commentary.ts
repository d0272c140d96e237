// The analyst's words in the annual profile: for a period, key findings, a
// commentary under any section, recommendations, and intelligence gaps and
// requirements, written on the report page, stored per period
// (sql/report/commentary.sql), shown in every audience's copy (the partner's
// copy leaves out the commentary of the sections it does not hold) and printed
// in the PDF. Plain text: paragraphs are separated by blank lines.
import type { Database } from '../db.ts';
import { badRequest } from '../errors.ts';
import { SECTIONS, type SectionId } from './audience.ts';

export const GENERAL_PARTS = ['key_findings', 'recommendations', 'intelligence_requirements'] as const;
export type CommentaryPart = (typeof GENERAL_PARTS)[number] | `section:${SectionId}`;

/** Every part that may be written: the general parts, then one per section. */
export const COMMENTARY_PARTS: readonly string[] = [...GENERAL_PARTS, ...SECTIONS.map((s) => `section:${s}`)];

/** Longest text of one part (characters). */
export const MAX_COMMENTARY = 20_000;

export interface CommentaryEntry {
  text: string;
  /** UTC ISO instant of the last change. */
  updated_at: string;
  updated_by: string;
}

export type Commentary = Partial<Record<CommentaryPart, CommentaryEntry>>;

export function isCommentaryPart(v: unknown): v is CommentaryPart {
  return typeof v === 'string' && COMMENTARY_PARTS.includes(v);
}

export async function commentaryFor(db: Database, from: string, to: string): Promise<Commentary> {
  const rows = await db.named('report/commentary#for_period', { from, to });
  const out: Commentary = {};
  for (const r of rows) {
    if (isCommentaryPart(r.part)) out[r.part] = { text: String(r.body), updated_at: String(r.updated_at), updated_by: String(r.updated_by) };
  }
  return out;
}

/** The part and text of a save request (400 naming what is wrong). */
export function commentaryChange(body: unknown): { part: CommentaryPart; text: string } {
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!isCommentaryPart(b.part)) throw badRequest(`'part' must be one of ${COMMENTARY_PARTS.join(', ')}`, 'part');
  if (typeof b.text !== 'string') throw badRequest("'text' must be the commentary as text (empty to remove it)", 'text');
  const text = b.text.replace(/\r\n?/g, '\n').trim();
  if (text.length > MAX_COMMENTARY) throw badRequest(`'text' is longer than ${MAX_COMMENTARY.toLocaleString('en-GB')} characters`, 'text');
  return { part: b.part, text };
}

/** Stores one part (an empty text removes it); returns the stored entry, or null when removed. */
export async function saveCommentary(db: Database, from: string, to: string, part: CommentaryPart, text: string, user: string): Promise<CommentaryEntry | null> {
  if (text === '') {
    await db.named('report/commentary#remove', { from, to, part });
    return null;
  }
  const updatedAt = new Date().toISOString().slice(0, 19);
  await db.named('report/commentary#save', { from, to, part, body: text, updatedAt, updatedBy: user });
  return { text, updated_at: `${updatedAt}Z`, updated_by: user };
}
