// The annual CSE problem profile (/report?from&to[&audience]), laid out as
// published profiles are: 1 Summary of key findings … 9 Data quality and
// intelligence gaps, Appendix: methodology. Every figure comes from one answer
// of GET /api/report (sections compared with the previous period; tables
// numbered; every chart captioned, with its table). Printing gives A4 pages
// (report/print.css); `npm run report` prints this page to PDF and waits for
// document.body.dataset.reportReady ('true', or 'error').
import '../report/print.css';
import type { Boundaries } from '../charts/map-base.ts';
import { h } from '../components/dom.ts';
import { errorBox } from '../components/status.ts';
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
  return a === 'analyst' || a === 'partner' ? a : 'board';
}

/** Section numbers: 1, 2, … in order; the methodology is the Appendix. */
function numbered(sections: SectionId[]): [SectionId, string][] {
  let i = 0;
  return sections.map((s) => [s, s === 'methodology' ? 'Appendix:' : `${(i += 1)}`]);
}

function controls(ctx: PageContext, audience: Audience): HTMLElement {
  const sel = h('select', { id: 'report-audience', name: 'audience' },
    ...AUDIENCES.map(([v, text]) => h('option', { value: v, selected: v === audience }, text)));
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
    const report = await ctx.getJson<Report>('/api/report', { from: ctx.period.from, to: ctx.period.to, audience });
    const boundaries = await boundariesFor(ctx, report);
    const sctx: SectionContext = { report, n: new Numbering(), boundaries };
    const list = numbered(report.sections);
    root.querySelector('h1')!.textContent = `Child sexual exploitation problem profile: ${report.area}, ${report.period.label}`;
    status.replaceWith(
      h('div', { class: 'report-masthead' },
        h('strong', { class: 'marking' }, report.marking),
        h('span', {}, `${report.area} · ${describePeriod(ctx.period)} · compared with ${report.previous.label}`),
        h('span', {}, report.suppression.applied ? `Small numbers (1 to ${report.suppression.threshold}) withheld as [c]` : 'Analyst copy: every figure shown')),
      h('nav', { class: 'report-contents', 'aria-label': 'Contents' }, h('h2', {}, 'Contents'),
        h('ul', {}, ...list.map(([id, num]) => h('li', {}, h('a', { href: `#report-${id}` }, `${num} ${SECTIONS[id].title}`))))),
      ...list.map(([id, num]) => SECTIONS[id].render(sctx, num)));
    body.dataset.reportReady = 'true';
  } catch (e) {
    if (ctx.signal.aborted) return;
    status.replaceWith(errorBox(e, 'the report'));
    body.dataset.reportReady = 'error';
  }
}
