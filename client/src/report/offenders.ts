// 4 Offenders: offenders identified, who they are, lone or in groups, and
// their relationship to the children, against the previous period.
import { codeLabel } from '../labels.ts';
import { measuresTables, compareFigure, para, reportSection, type SectionContext } from './kit.ts';

const MEASURES = ['offenders_identified', 'offenders_multi_victim', 'groups_active', 'pct_offenders_in_group'];
/** The relationship and age-gap breakdowns count links between an offender and a child, not offenders. */
const PER_LINK = new Set(['relationships', 'age_gap']);
const AGE_GAP: Record<string, string> = { '<0': 'Offender younger', '0-4': '0 to 4 years', '5-9': '5 to 9 years', '10-19': '10 to 19 years', '20+': '20 years or more' };

export function offendersSection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  return reportSection('offenders', number, 'Offenders',
    para(`Offenders first identified in ${report.period.label}, from police records. Offenders linked to two or more children counts every link made up to the end of the period. The relationship and age gap are counted per link between an offender and a child made in the period.`),
    ...measuresTables(ctx, MEASURES, 'Offenders'),
    ...report.breakdowns.offenders.map((b) => {
      const perLink = PER_LINK.has(b.dimension);
      return compareFigure(ctx, b, {
        caption: `${perLink ? 'Links between offenders and children' : 'Offenders identified'} by ${b.label.toLowerCase()}`,
        categoryLabel: b.label,
        countLabel: perLink ? 'Links' : 'Offenders',
        label: b.dimension === 'age_gap' ? (k) => AGE_GAP[k] ?? codeLabel(k) : undefined,
      });
    }));
}
