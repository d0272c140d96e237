// The annual CSE problem profile (/report?from&to[&audience]), laid out as
// published profiles are: 1 Summary of key findings … 9 Data quality and
// intelligence gaps, Appendix: methodology. Every figure comes from one answer
// of GET /api/report (sections compared with the previous period; tables
// numbered; every chart captioned, with its table). Printing gives A4 pages
// (report/print.css); `npm run report` prints this page to PDF and waits for
// document.body.dataset.reportReady ('true', or 'error').
import '../report/print.css';
import type { Boundaries } from '../charts/map-base.ts';
import { currentSession, mayUse } from '../api.ts';
import { h } from '../components/dom.ts';
import { setPageSuppression } from '../components/download-context.ts';
import { errorBox } from '../components/status.ts';
import { onPublicationGrid } from '../audience.ts';
import type { PageContext } from '../page.ts';
import { describePeriod } from '../period.ts';
import { Numbering, type SectionContext } from '../report/kit.ts';
import type { Audience, Report, SectionId } from '../report/types.ts';
import { summarySection } from '../report/summary.ts';
import { sourcesSection } from '../report/sources.ts';
import { victimsSection } from '../report/victims.ts';
import { offendersSection } from '../report/offenders.ts';
import { locationsSection } from '../report/locations.ts';
import { missingSection } from '../report/missing.ts';
import { disruptionSection } from '../report/disruption.ts';
import { trendsSection } from '../report/trends.ts';
import { qualitySection } from '../report/quality.ts';
import { methodologySection } from '../report/methodology.ts';
import { commentaryBlock, type CommentaryState } from '../report/commentary.ts';
import type { Commentary } from '../../../server/report/commentary.ts';

const SECTIONS: Record<SectionId, { title: string; render: (ctx: SectionContext, number: string) => HTMLElement }> = {
  summary: { title: 'Summary of key findings', render: summarySection },
  sources: { title: 'Data sources and definitions', render: sourcesSection },
  victims: { title: 'Victims', render: victimsSection },
  offenders: { title: 'Offenders', render: offendersSection },
  locations: { title: 'Locations and hotspots', render: locationsSection },
  missing: { title: 'Missing episodes and the cross-reference', render: missingSection },
  disruption: { title: 'Disruption', render: disruptionSection },
  trends: { title: 'Trends', render: trendsSection },
  quality: { title: 'Data quality and intelligence gaps', render: qualitySection },
  methodology: { title: 'Methodology', render: methodologySection },
};

const AUDIENCES: [Audience, string][] = [
  ['board', 'Board (small numbers withheld)'],
  ['partner', 'Partners (aggregate sections, small numbers withheld)'],
  ['analyst', 'Analyst (every figure; not for sharing)'],
];

function audienceOf(params: URLSearchParams): Audience {
  const a = params.get('audience');
  if (a === 'analyst' && onPublicationGrid()) return 'board';
  return a === 'analyst' || a === 'partner' ? a : 'board';
}

/** The analyst's recommendations and intelligence requirements: a section of their own, before the Appendix. */
type Part = SectionId | 'recommendations';
const RECOMMENDATIONS_TITLE = 'Recommendations and intelligence requirements';

/** Section numbers: 1, 2, … in order; the methodology is the Appendix. */
function numbered(sections: Part[]): [Part, string][] {
  let i = 0;
  return sections.map((s) => [s, s === 'methodology' ? 'Appendix:' : `${(i += 1)}`]);
}

/** The report's sections with the recommendations section before the methodology (when written, or for the analyst to write). */
function withRecommendations(sections: SectionId[], state: CommentaryState): Part[] {
  const written = state.commentary.recommendations || state.commentary.intelligence_requirements;
  if (!written && !state.editable) return sections;
  const at = sections.indexOf('methodology');
  return at === -1 ? [...sections, 'recommendations'] : [...sections.slice(0, at), 'recommendations', ...sections.slice(at)];
}

/** A section with the analyst's words added: key findings first in the summary, a commentary at the end of each. */
function withCommentary(section: HTMLElement, id: SectionId, title: string, state: CommentaryState): HTMLElement {
  if (id === 'summary') {
    const findings = commentaryBlock(state, 'key_findings', 'The analyst’s key findings', 'The findings you draw from this profile: what matters most, and why.');
    if (findings) section.querySelector('h2')!.after(findings);
  }
  const note = id === 'methodology' ? null : commentaryBlock(state, `section:${id}`, `Analyst’s commentary: ${title.toLowerCase()}`, 'What these figures mean, in context.');
  if (note) section.append(note);
  return section;
}

function recommendationsSection(number: string, state: CommentaryState): HTMLElement {
  return h('section', { class: 'report-section', id: 'report-recommendations', 'aria-labelledby': 'report-recommendations-h' },
    h('h2', { id: 'report-recommendations-h' }, `${number} ${RECOMMENDATIONS_TITLE}`),
    commentaryBlock(state, 'recommendations', 'Recommendations', 'What the board and partners should do, each with who and by when.'),
    commentaryBlock(state, 'intelligence_requirements', 'Intelligence gaps and requirements', 'What is not known, and what should be collected or asked for to close the gap.'));
}

async function commentaryState(ctx: PageContext): Promise<CommentaryState> {
  const [answer, session] = await Promise.all([
    ctx.getJson<{ commentary: Commentary }>('/api/report/commentary', { from: ctx.period.from, to: ctx.period.to }),
    currentSession(),
  ]);
  return { period: ctx.period, commentary: answer.commentary, editable: session !== null && mayUse(session.role, 'records') };
}

function controls(ctx: PageContext, audience: Audience): HTMLElement {
  // Viewers and partners are given the copies with small numbers withheld (the server answers the board copy for 'analyst').
  const offered = onPublicationGrid() ? AUDIENCES.filter(([v]) => v !== 'analyst') : AUDIENCES;
  const sel = h('select', { id: 'report-audience', name: 'audience' },
    ...offered.map(([v, text]) => h('option', { value: v, selected: v === audience }, text)));
  sel.addEventListener('change', () => ctx.setParams({ audience: sel.value === 'board' ? null : sel.value }));
  const print = h('button', { type: 'button', class: 'secondary' }, 'Print or save as PDF');
  print.addEventListener('click', () => window.print());
  return h('form', { class: 'report-controls', 'aria-label': 'Report options' },
    h('div', { class: 'field' }, h('label', { for: 'report-audience' }, 'Copy for'), sel), print);
}

async function boundariesFor(ctx: PageContext, report: Report): Promise<Boundaries | null> {
  if (report.maps.length === 0) return null;
  const b = await ctx.getJson<Boundaries>('/api/hotspots/boundaries');
  return b.features.length ? b : null;
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const body = document.body;
  body.classList.add('report-page');
  body.dataset.reportReady = 'false';
  ctx.signal.addEventListener('abort', () => {
    body.classList.remove('report-page');
    delete body.dataset.reportReady;
  });
  const audience = audienceOf(ctx.params);
  const status = h('p', { class: 'loading', 'aria-busy': 'true' }, 'Loading the report…');
  root.append(h('h1', {}, `Child sexual exploitation problem profile, ${ctx.periodLabel}`), controls(ctx, audience), status);
  try {
    const [report, state] = await Promise.all([
      ctx.getJson<Report>('/api/report', { from: ctx.period.from, to: ctx.period.to, audience }),
      commentaryState(ctx),
    ]);
    const boundaries = await boundariesFor(ctx, report);
    const sctx: SectionContext = { report, n: new Numbering(), boundaries };
    const list = numbered(withRecommendations(report.sections, state));
    setPageSuppression(report.suppression.applied
      ? `Counts from 1 to ${report.suppression.threshold}, and any figure that would reveal one by subtraction, are withheld and shown as [c] (the ${report.audience}'s copy).`
      : 'Not suppressed: the analyst’s copy shows every figure. Not for sharing.');
    const title = (id: Part) => (id === 'recommendations' ? RECOMMENDATIONS_TITLE : SECTIONS[id].title);
    root.querySelector('h1')!.textContent = `Child sexual exploitation problem profile: ${report.area}, ${report.period.label}`;
    status.replaceWith(
      h('div', { class: 'report-masthead' },
        h('strong', { class: 'marking' }, report.marking),
        h('span', {}, `${report.area} · ${describePeriod(ctx.period)} · compared with ${report.previous.label}`),
        h('span', {}, report.suppression.applied ? `Small numbers (1 to ${report.suppression.threshold}) withheld as [c]` : 'Analyst copy: every figure shown')),
      h('nav', { class: 'report-contents', 'aria-label': 'Contents' }, h('h2', {}, 'Contents'),
        h('ul', {}, ...list.map(([id, num]) => h('li', {}, h('a', { href: `#report-${id}` }, `${num} ${title(id)}`))))),
      ...list.map(([id, num]) => (id === 'recommendations'
        ? recommendationsSection(num, state)
        : withCommentary(SECTIONS[id].render(sctx, num), id, SECTIONS[id].title, state))));
    body.dataset.reportReady = 'true';
  } catch (e) {
    if (ctx.signal.aborted) return;
    status.replaceWith(errorBox(e, 'the report'));
    body.dataset.reportReady = 'error';
  }
}
