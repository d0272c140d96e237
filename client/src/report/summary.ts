// 1 Summary of key findings: the sentences the server wrote from the figures
// (never edited here), grouped as the report's sections, and the headline
// figures against the previous period.
import { h } from '../components/dom.ts';
import { measuresTables, para, reportSection, type SectionContext } from './kit.ts';

const GROUPS: [string, string][] = [
  ['victims', 'Children referred'],
  ['missing', 'Missing episodes'],
  ['offenders', 'Offenders'],
  ['locations', 'Locations'],
  ['disruption', 'Disruption'],
];

const HEADLINES = [
  'cases_referred', 'children_referred', 'children_high_risk', 'missing_episodes', 'children_missing',
  'repeat_missing_children', 'offenders_identified', 'groups_active', 'locations_reported', 'disruptions', 'cawns_issued',
  'pct_referred_children_missing', 'pct_rhi_within_72h',
];

export function summarySection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  const lists = GROUPS.map(([id, title]) => {
    const items = report.findings.filter((f) => f.section === id);
    return items.length ? [h('h3', {}, title), h('ul', { class: 'findings' }, ...items.map((f) => h('li', {}, f.text)))] : [];
  }).flat();
  return reportSection('summary', number, 'Summary of key findings',
    para(`This profile describes child sexual exploitation (CSE) in ${report.area} in ${report.period.label}, compared with ${report.previous.label}. Every sentence below is written from the figures of this report.`),
    ...lists,
    ...measuresTables(ctx, HEADLINES, 'Headline figures'));
}
