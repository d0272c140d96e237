// 9 Data quality and intelligence gaps: the recording gaps as sentences (from
// the completeness figures), figures that could not be placed on the maps, and
// what the data cannot tell.
import { h } from '../components/dom.ts';
import { measuresTables, para, reportSection, type SectionContext } from './kit.ts';

export function qualitySection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  const unmapped = report.maps.flatMap((m) => m.unmapped.map((u) => `${m.label}: ${u.ward === 'not_recorded' ? 'ward not recorded' : `ward ${u.ward} has no boundary`} (${u.count === null ? '[c]' : u.count})`));
  return reportSection('quality', number, 'Data quality and intelligence gaps',
    para(`Fields not recorded for 10% or more of their records in ${report.period.label}, largest gap first. A gap weakens every breakdown by that field: its "not recorded" category may hide a pattern.`),
    report.gaps.length ? h('ul', { class: 'findings' }, ...report.gaps.map((g) => h('li', {}, g))) : para('No completeness figures for this period.'),
    ...measuresTables(ctx, ['pct_cases_ethnicity_recorded'], 'Recording of ethnicity'),
    unmapped.length ? h('div', {}, para('Counts that could not be placed on the ward maps:'), h('ul', {}, ...unmapped.map((u) => h('li', {}, u)))) : null,
    h('h3', {}, 'What these figures cannot show'),
    h('ul', {},
      h('li', {}, 'Only exploitation that partners identified and recorded is counted: a rise in referrals may reflect better identification rather than more abuse.'),
      h('li', {}, 'Offenders are counted when first identified; offenders known before the period are counted only through their links to children.'),
      h('li', {}, 'Missing episodes are those reported to the police; episodes not reported are not counted.'),
      report.suppression.applied ? h('li', {}, `Small numbers (1 to ${report.suppression.threshold}) are withheld in this copy ([c]), so some patterns in small groups cannot be shown.`) : null));
}
