// 6 Missing episodes and the cross-reference with CSE: episodes and children,
// how long and from where, repeat missing, children referred who had been
// missing, and how concentrated episodes are, against the previous period.
import type { Row } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { measuresTables, compareFigure, numberedTable, para, reportSection, type SectionContext } from './kit.ts';
import type { Referred } from './types.ts';

const MEASURES = [
  'missing_episodes', 'children_missing', 'episodes_from_care', 'episodes_over_24h', 'repeat_missing_children', 'episodes_returned',
  'pct_rhi_offered', 'pct_rhi_within_72h',
];
const LINKING = ['repeat_missing_children_without_case', 'pct_referred_children_missing'];
const COUNT_LABEL: Record<string, string> = { missing_from: 'Missing from', police_risk: 'Police risk grading', duration_band: 'Length of episode' };

export function missingSection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  const t = report.thresholds;
  const ref = report.missing.referred;
  const conc = report.missing.concentration;
  const referredRows = (key: keyof Referred & ('total' | 'count'), label: string): Row => ({
    what: label,
    current: ref.current[key],
    previous: ref.previous[key],
  });
  const concRows: Row[] = [
    { what: 'Children reported missing', current: conc.current.children.total, previous: conc.previous.children.total },
    { what: 'The most frequently missing 10% of them', current: conc.current.children.count, previous: conc.previous.children.count },
    { what: 'Missing episodes', current: conc.current.episodes.total, previous: conc.previous.episodes.total },
    { what: 'Episodes of the most frequently missing 10%', current: conc.current.episodes.count, previous: conc.previous.episodes.count },
  ];
  return reportSection('missing', number, 'Missing episodes and the cross-reference',
    para(`Missing episodes reported to the police that started in ${report.period.label}. A child is missing repeatedly with ${t.repeat_min} or more episodes, the last of them starting fewer than ${t.repeat_days} days after the first; a long episode lasts more than ${t.long_hours} hours.`),
    ...measuresTables(ctx, MEASURES, 'Missing episodes'),
    ...report.breakdowns.missing.map((b) => compareFigure(ctx, b, {
      caption: `Missing episodes by ${b.label.toLowerCase()}`,
      categoryLabel: COUNT_LABEL[b.dimension] ?? b.label,
      countLabel: 'Episodes',
    })),
    h('h3', {}, 'Cross-reference with CSE'),
    para('Children referred for CSE concerns who had been reported missing in the 365 days before their earliest referral in the period, or since; and children missing repeatedly who had no CSE case open in the period.'),
    numberedTable(ctx, `Children referred who had been missing, ${report.period.label} and ${report.previous.label}`,
      [referredRows('total', 'Children referred'), referredRows('count', 'Of whom had been reported missing')], [
        { key: 'what', label: 'Children' },
        { key: 'current', label: report.period.label, kind: 'count' },
        { key: 'previous', label: report.previous.label, kind: 'count' },
      ]),
    ...measuresTables(ctx, LINKING, 'Missing and CSE'),
    h('h3', {}, 'How concentrated episodes are'),
    numberedTable(ctx, `Episodes of the most frequently missing children, ${report.period.label} and ${report.previous.label}`, concRows, [
      { key: 'what', label: 'Measure' },
      { key: 'current', label: report.period.label, kind: 'count' },
      { key: 'previous', label: report.previous.label, kind: 'count' },
    ]));
}
