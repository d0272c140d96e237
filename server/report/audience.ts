// Who the annual profile is for, and so which sections it holds and whether
// small numbers are withheld:
// - analyst: every section, every figure (the analyst's own working copy);
// - board (default): every section, counts from 1 to the threshold shown as
//   [c] with secondary suppression, as for any document that leaves the analyst;
// - partner: as board, aggregate sections only: the figures, trends and
//   methodology, without the data holdings (import files, hashes) and the
//   internal assessment of recording gaps.
// A signed-in role whose answers are suppressed (viewer) never gets 'analyst'.
import { badRequest } from '../errors.ts';

export const AUDIENCES = ['analyst', 'board', 'partner'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const DEFAULT_AUDIENCE: Audience = 'board';

export const SECTIONS = [
  'summary', 'sources', 'victims', 'offenders', 'locations', 'missing', 'disruption', 'trends', 'quality', 'methodology',
] as const;
export type SectionId = (typeof SECTIONS)[number];

const PARTNER_OMITS: readonly SectionId[] = ['sources', 'quality'];

export function sectionsFor(audience: Audience): SectionId[] {
  return SECTIONS.filter((s) => audience !== 'partner' || !PARTNER_OMITS.includes(s));
}

export const isSuppressedAudience = (a: Audience): boolean => a !== 'analyst';

/** The audience asked for (?audience=), 'board' by default; a suppressed role is at least 'board'. */
export function audienceFromQuery(q: Record<string, unknown>, roleSuppressed: boolean): Audience {
  const v = q.audience;
  let audience: Audience = DEFAULT_AUDIENCE;
  if (v !== undefined && v !== '') {
    if (typeof v !== 'string' || !(AUDIENCES as readonly string[]).includes(v)) {
      throw badRequest(`Parameter 'audience' must be one of ${AUDIENCES.join(', ')}`, 'audience');
    }
    audience = v as Audience;
  }
  return roleSuppressed && audience === 'analyst' ? 'board' : audience;
}
