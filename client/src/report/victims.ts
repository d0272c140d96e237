// 3 Victims: children referred for CSE concerns, who they are and how they
// were referred, against the previous period.
import { measuresTables, compareFigure, para, reportSection, type SectionContext } from './kit.ts';

const MEASURES = ['cases_referred', 'children_referred', 'children_open', 'children_high_risk', 'pct_cases_looked_after', 'pct_cases_male', 'pct_cases_ethnicity_recorded'];

export function victimsSection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  return reportSection('victims', number, 'Victims',
    para(`Children referred for CSE concerns in ${report.period.label}: the cases referred, the children they concern, and their characteristics at referral. A child referred twice counts once among children and twice among cases; each breakdown counts cases.`),
    ...measuresTables(ctx, MEASURES, 'Victims'),
    ...report.breakdowns.victims.map((b) => compareFigure(ctx, b, {
      caption: `Cases referred by ${b.label.toLowerCase()}`,
      categoryLabel: b.label,
      countLabel: 'Cases',
    })));
}
