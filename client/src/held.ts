// What the data held says around every page's figures (GET /api/context):
// where the data held ends, extract by extract; which sources are held and
// which are not ("no offender data held" rather than zeros or errors); and the
// figures a held source cannot give ("not in this source" rather than a number).
import type { ContextAnswer } from '../../server/routes/context.ts';
import { h } from './components/dom.ts';
import { formatDate } from './format.ts';
import { heldContext } from './context.ts';
import type { Period } from './period.ts';

/** What each table holds, as a noun: "no offender data held". */
const NOUNS: Record<string, string> = {
  cases: 'case',
  missing_episodes: 'missing-episode',
  offenders: 'offender',
  case_offender_links: 'offender–child link',
  locations: 'location',
  location_reports: 'location report',
  disruptions: 'disruption',
  population: 'population',
  boundaries: 'ward boundary',
  context_crimes: 'police.uk crime',
};

/** Each table's name in the data-held line. */
const PLURALS: Record<string, string> = {
  cases: 'cases',
  missing_episodes: 'missing episodes',
  offenders: 'offenders',
  location_reports: 'location reports',
  disruptions: 'disruptions',
};

/** The source a layout belongs to (sql/sources/*.json), by its prefix. */
const SOURCE_NAMES: [string, string][] = [
  ['ssda903', 'SSDA903'],
  ['cin', 'CIN census'],
  ['ssd', 'SSD'],
  ['ons', 'ONS estimates'],
  ['police_uk', 'police.uk'],
  ['extract', 'our extract format'],
];

const noun = (extract: string) => NOUNS[extract] ?? extract.replace(/_/g, ' ');
const sourceName = (layout: string) => SOURCE_NAMES.find(([p]) => layout === p || layout.startsWith(`${p}_`))?.[1] ?? layout;

/** 'No offender data held.' */
export function noDataHeldText(extract: string): string {
  return `No ${noun(extract)} data held.`;
}

/** Whether the database holds the table at all. */
export function isHeld(extract: string, c: ContextAnswer = heldContext()): boolean {
  return !c.held.notHeld.includes(extract);
}

/** The note shown instead of a figure that the held sources cannot give, or null when the figure is held. */
export function notInSourceNote(figure: string, c: ContextAnswer = heldContext()): string | null {
  const n = c.held.notInSource.find((x) => x.figure === figure);
  return n ? n.note : null;
}

/** What to show instead of a measure's value: its table not held ('No offender data held.') or not in the sources held; null when it is held. */
export function measureNote(measure: string, c: ContextAnswer = heldContext()): string | null {
  const missing = c.held.measuresNotHeld.find((m) => m.measure === measure);
  return missing ? noDataHeldText(missing.extract) : notInSourceNote(measure, c);
}

/** 'Data held to 31/03/2026 (cases), 30/06/2026 (missing episodes)', or null when nothing is held. */
export function dataHeldText(c: ContextAnswer = heldContext()): string | null {
  if (!c.dataHeldTo.length) return null;
  return `Data held to ${c.dataHeldTo.map((d) => `${formatDate(d.held_to)} (${PLURALS[d.extract] ?? d.extract.replace(/_/g, ' ')})`).join(', ')}.`;
}

/** The latest date held (ISO) of the given extracts (all when none given), or null. */
export function heldTo(extracts: readonly string[] = [], c: ContextAnswer = heldContext()): string | null {
  return c.dataHeldTo
    .filter((d) => extracts.length === 0 || extracts.includes(d.extract))
    .reduce<string | null>((m, d) => (m === null || d.held_to > m ? d.held_to : m), null);
}

/** 'Sources held: cases (our extract format), missing episodes (SSDA903). No offender data held. …' */
export function sourcesHeldText(c: ContextAnswer = heldContext()): string {
  const held = c.held.tables.map((t) => `${noun(t.extract)} (${[...new Set(t.layouts.map(sourceName))].join(', ')})`);
  const none = c.held.notHeld.map((e) => noDataHeldText(e));
  return [held.length ? `Sources held: ${held.join('; ')}.` : 'No data held: nothing has been imported yet.', ...none].join(' ');
}

/**
 * The data-held lines every page shows once, under the period bar; a period
 * that runs past the data held of the page's extracts (all when none given) says so.
 */
export function heldLines(period: Period | null, extracts: readonly string[] = [], c: ContextAnswer = heldContext()): HTMLElement[] {
  const out: HTMLElement[] = [];
  const to = dataHeldText(c);
  if (to) out.push(h('p', { class: 'data-held' }, to));
  out.push(h('p', { class: 'sources-held' }, sourcesHeldText(c)));
  const end = heldTo(extracts, c);
  if (period && end && period.to > end) out.push(h('p', { class: 'warning past-data-held' }, `This period runs past the data held, which ends on ${formatDate(end)}.`));
  return out;
}

/** In place of a page or section whose extract is not held: 'No offender data held.' with what to import. */
export function noDataHeld(extract: string): HTMLElement {
  return h('p', { class: 'warning no-data-held' }, `${noDataHeldText(extract)} Figures appear here once a batch holding ${noun(extract)} data is imported.`);
}
