// Who reads a page decides what it offers. Viewers and partners see figures on
// the publication grid only (server/suppression/publication.ts answers 400 to
// anything else): whole financial years, the whole area, the published
// definitions and grid size. So the pages offer them only that, say why in one
// line, bring an address off the grid back onto it with a notice, and leave
// out the sections their role does not cover (rather than show the 403).
import { currentSession, mayUse, type SessionInfo } from './api.ts';
import { h } from './components/dom.ts';
import { financialYear, fyStartYear, asFinancialYear, type Period } from './period.ts';

let role: SessionInfo['role'] | null = null;

/** Reads the session's role (once per page load; api.ts caches the session). */
export async function loadRole(): Promise<SessionInfo['role'] | null> {
  role = (await currentSession())?.role ?? null;
  return role;
}

/** Whether the reader sees the publication grid only (viewer, partner). */
export function onPublicationGrid(): boolean {
  return role === 'viewer' || role === 'partner';
}

/** Whether the reader's role may read routes of this access (server/auth/roles.ts enforces it). */
export function mayRead(access: string): boolean {
  return role !== null && mayUse(role, access);
}

export const PUBLICATION_REASON = 'Figures shared beyond the analysts are for whole financial years and the whole area, so that no small number can be worked out by subtraction.';

/** The one line that says why a viewer or partner has no filters, thresholds or cell sizes. */
export function publicationNote(): HTMLElement {
  return h('p', { class: 'note publication-note' }, PUBLICATION_REASON);
}

/** A note in place of a section the reader's role does not cover (e.g. 'The list of groups is for the analyst role.'). */
export function notForRole(sentence: string): HTMLElement {
  return h('p', { class: 'note not-for-role' }, sentence);
}

export interface GridFix {
  /** The URL parameters to change (null deletes). */
  patch: Record<string, string | null>;
  /** What was changed, in words, for the notice. */
  notice: string | null;
}

/**
 * The URL brought onto the publication grid: a period that is not one whole
 * financial year becomes the financial year it starts in; the page's off-grid
 * parameters (filters, definitions, grid size) are dropped.
 */
export function toPublicationGrid(period: Period, params: URLSearchParams, offGrid: readonly string[]): GridFix {
  const patch: Record<string, string | null> = {};
  const changed: string[] = [];
  if (asFinancialYear(period) === null) {
    const fy = financialYear(fyStartYear(period.from));
    patch.from = fy.from;
    patch.to = fy.to;
    changed.push('the period is shown as the whole financial year it starts in');
  }
  const dropped = offGrid.filter((k) => (params.get(k) ?? '') !== '');
  for (const k of dropped) patch[k] = null;
  if (dropped.length) changed.push(`${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} left out`);
  return { patch, notice: changed.length ? `This address asked for figures viewers and partners do not see: ${changed.join('; ')}.` : null };
}
