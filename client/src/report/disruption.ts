// 7 Disruption: actions taken against offenders and places, against the
// previous period.
import { measuresTables, compareFigure, para, reportSection, type SectionContext } from './kit.ts';

export function disruptionSection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  return reportSection('disruption', number, 'Disruption',
    para(`Disruption actions recorded in ${report.period.label} (by the date of the action): warning notices, arrests, charges, orders, licensing action and visits.`),
    ...measuresTables(ctx, ['disruptions', 'cawns_issued'], 'Disruption'),
    ...report.breakdowns.disruption.map((b) => compareFigure(ctx, b, {
      caption: 'Disruption actions by type',
      categoryLabel: b.label,
      countLabel: 'Actions',
    })));
}
