// What a downloaded table says about itself, so that it stands alone when opened
// later: title, period, filters, marking, suppression note, source extracts and
// their import date, when it was downloaded. The router sets the page's facts
// (period and URL filters) before a page renders; tables read them on download.
import { heldContext } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { codeLabel } from '../labels.ts';
import { describePeriod, type Period } from '../period.ts';
import { slug } from './download.ts';
import { MARKING } from './shell.ts';

export interface PageFacts {
  /** The page's title, e.g. 'Victims'. */
  page: string;
  /** null on pages that do not depend on the period. */
  period: Period | null;
  periodLabel: string;
  /** URL parameters other than the period, as [name, value code]. */
  filters: [string, string][];
}

let facts: PageFacts = { page: '', period: null, periodLabel: '', filters: [] };
/** The page's own suppression note when its figures are not the reader's (the report's board copy read by the analyst). */
let pageSuppression: string | null = null;

/** URL parameters that choose a view rather than filter the records. */
const NOT_FILTERS = new Set(['from', 'to', 'next', 'node']);

export function setPageFacts(page: string, period: Period | null, periodLabel: string, params: URLSearchParams): void {
  facts = { page, period, periodLabel, filters: [...params].filter(([k, v]) => !NOT_FILTERS.has(k) && v !== '') };
  pageSuppression = null;
}

/** Says how this page's figures are suppressed, when that is not as for the reader (until the next page). */
export function setPageSuppression(note: string): void {
  pageSuppression = note;
}

const paramLabel = (name: string) => codeLabel(name.toLowerCase());

/** 'Home ward: Ashby North (E05990009); Risk level: High', or 'None'. */
export function filtersText(f: PageFacts = facts): string {
  return f.filters.length ? f.filters.map(([k, v]) => `${paramLabel(k)}: ${codeLabel(v)}`).join('; ') : 'None (every record of the period)';
}

/** The lines above a downloaded table's header: [label, text]. */
export function contextLines(title: string, now = new Date()): [string, string][] {
  const held = heldContext();
  const sources = held.extracts.length
    ? held.extracts.map((e) => `${e.extract} (imported ${formatDateTime(e.imported_at)})`).join('; ')
    : 'No extract has been imported';
  return [
    ['Title', title],
    ['Period', facts.period ? describePeriod(facts.period) : 'Not limited to a period'],
    ['Filters', filtersText()],
    ['Marking', MARKING],
    ['Suppression', pageSuppression ?? (held.suppression || 'See the methodology')],
    ['Source extracts', sources],
    ['Downloaded', `${formatDateTime(now.toISOString())} from the ${facts.page || 'Problem Profiler'} page`],
  ];
}

/** A file name that says what, for when and for which filters: 'cases-by-sex-2024-25-risk-level-high'. */
export function downloadName(caption: string): string {
  const parts = [slug(caption)];
  const period = slug(facts.periodLabel);
  if (facts.periodLabel && !parts[0].includes(period)) parts.push(period);
  for (const [k, v] of facts.filters) parts.push(slug(`${k}-${v}`));
  return parts.join('-').slice(0, 150).replace(/-$/, '');
}
