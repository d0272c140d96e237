// Offenders (/offenders): who the offenders identified in the period are, lone
// or in groups, each active group, offenders linked to two or more children,
// how offenders relate to the children and the age gap between them.
import { BAND_ORDER, type BreakdownRow } from '../components/breakdown.ts';
import { dataTable } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { loadInto } from '../components/status.ts';
import { codeLabel } from '../labels.ts';
import { mayRead, notForRole } from '../audience.ts';
import type { PageContext } from '../page.ts';
import { compareFigure, completenessSection, fetchPair, type CompletenessField, type RowsAnswer } from './profile-figures.ts';

interface Chart { path: string; label: string; countLabel: string; caption: string; order?: string[] }

const CHARTS: Chart[] = [
  { path: '/api/breakdowns/offenders/age_band', label: 'Age at identification', countLabel: 'Number of offenders', caption: 'Offenders identified by age band', order: BAND_ORDER['offenders/age_band'] },
  { path: '/api/breakdowns/offenders/sex', label: 'Sex', countLabel: 'Number of offenders', caption: 'Offenders identified by sex' },
  { path: '/api/breakdowns/offenders/ethnicity_group', label: 'Ethnicity group', countLabel: 'Number of offenders', caption: 'Offenders identified by ethnicity group' },
  { path: '/api/breakdowns/offenders/role', label: 'Role', countLabel: 'Number of offenders', caption: 'Offenders identified by role' },
  { path: '/api/breakdowns/offenders/status', label: 'Status', countLabel: 'Number of offenders', caption: 'Offenders identified by status' },
  { path: '/api/profiles/offenders/breakdowns/lone_group', label: 'Acting', countLabel: 'Number of offenders', caption: 'Offenders identified acting alone or in a group (group recorded)' },
  { path: '/api/profiles/offenders/breakdowns/relationships', label: 'Relationship to the child', countLabel: 'Number of links', caption: 'Offender–child links by relationship' },
  { path: '/api/profiles/offenders/breakdowns/age_gap', label: 'Offender older by (years)', countLabel: 'Number of links', caption: 'Offender–child links by age gap', order: ['<0', '0-4', '5-9', '10-19', '20+'] },
];

const GAP_LABELS: Record<string, string> = { '<0': 'Offender younger', '20+': '20 years or more', lone: 'Alone (no group)', group: 'In a group' };
const label = (k: string) => GAP_LABELS[k] ?? codeLabel(k);
const FIELD_LABELS: Record<string, string> = {
  age_band: 'Age at identification', sex: 'Sex', ethnicity_group: 'Ethnicity group', role: 'Role', status: 'Status',
  home_ward: 'Home ward', relationship: 'Relationship to the child', age_gap: 'Age gap (offender or child age missing)',
};

export const extracts = ['offenders', 'case_offender_links'];
export const needs = 'offenders';

interface CompletenessAnswer { fields: CompletenessField[] }
interface GroupsAnswer { groups: Record<string, string | number>[] }
interface MultiAnswer { offenders: Record<string, string | number | null>[] }

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const gaps = h('div', { class: 'section-body' });
  const slots = CHARTS.map(() => h('div', { class: 'section-body' }));
  const groups = h('div', { class: 'section-body' });
  const multi = h('div', { class: 'section-body' });
  const period = { from: ctx.period.from, to: ctx.period.to };
  // The groups and the offenders linked to several children are lists of records (analyst only).
  const records = mayRead('records');
  root.append(
    h('h1', {}, `Offenders, ${ctx.periodLabel}`),
    h('p', { class: 'lede' }, `Offenders first identified in ${ctx.periodLabel}, and offender–child links made in it, compared with ${ctx.previousLabel}. The age gap is the offender's age minus the child's, both at the date of the link; a wide gap is a marker of the inappropriate-relationship model.`),
    h('section', { 'aria-labelledby': 'gaps-h' }, h('h2', { id: 'gaps-h' }, 'Recording gaps'), gaps),
    h('section', { 'aria-labelledby': 'who-h' }, h('h2', { id: 'who-h' }, 'Who the offenders are'), h('div', { class: 'figures' }, ...slots)),
    h('section', { 'aria-labelledby': 'groups-h' }, h('h2', { id: 'groups-h' }, 'Groups active in the period'), records ? groups : notForRole('The list of groups is for the analyst role.')),
    h('section', { 'aria-labelledby': 'multi-h' }, h('h2', { id: 'multi-h' }, 'Offenders linked to two or more children'), records ? multi : notForRole('The list of offenders is for the analyst role.')),
  );
  await Promise.all([
    loadInto(gaps, 'the recording gaps', async () => {
      const answer = await ctx.getJson<CompletenessAnswer>('/api/profiles/offenders/completeness', period);
      return completenessSection(answer.fields, `Offender fields not recorded, ${ctx.periodLabel}`, (f) => FIELD_LABELS[f] ?? codeLabel(f));
    }),
    ...CHARTS.map((c, i) => loadInto(slots[i], c.caption.toLowerCase(), async () => {
      const [now, before] = await fetchPair<RowsAnswer>(ctx, c.path);
      return compareFigure(ctx, now.rows as BreakdownRow[], before.rows as BreakdownRow[], {
        caption: `${c.caption}, ${ctx.periodLabel}`, number: i + 1, categoryLabel: c.label, countLabel: c.countLabel, order: c.order, label,
      });
    })),
    !records ? Promise.resolve() : loadInto(groups, 'the groups', async () => {
      const answer = await ctx.getJson<GroupsAnswer>('/api/profiles/offenders/groups', period);
      return [
        h('p', { class: 'note' }, 'Size counts every offender held with the group id. Children linked and first/last activity count links up to the end of the period; "in period" only links made in it.'),
        dataTable(answer.groups, [
          { key: 'group_id', label: 'Group' },
          { key: 'size', label: 'Offenders', kind: 'count' },
          { key: 'children_linked', label: 'Children linked', kind: 'count' },
          { key: 'children_in_period', label: 'Children linked in period', kind: 'count' },
          { key: 'first_activity', label: 'First activity', kind: 'date' },
          { key: 'last_activity', label: 'Last activity', kind: 'date' },
        ], { caption: `Groups with a link in ${ctx.periodLabel}` }),
      ];
    }),
    !records ? Promise.resolve() : loadInto(multi, 'offenders linked to two or more children', async () => {
      const answer = await ctx.getJson<MultiAnswer>('/api/profiles/offenders/multi-victim', period);
      return dataTable(answer.offenders, [
        { key: 'offender_id', label: 'Offender' },
        { key: 'children', label: 'Children linked', kind: 'count' },
        { key: 'children_in_period', label: 'In period', kind: 'count' },
        { key: 'age_band', label: 'Age band', format: codeLabel, code: true },
        { key: 'sex', label: 'Sex', format: codeLabel, code: true },
        { key: 'role', label: 'Role', format: codeLabel, code: true },
        { key: 'group_id', label: 'Group' },
        { key: 'status', label: 'Status', format: codeLabel, code: true },
        { key: 'first_link', label: 'First link', kind: 'date' },
        { key: 'last_link', label: 'Last link', kind: 'date' },
      ], { caption: `Offenders linked to two or more children by the end of ${ctx.periodLabel}` });
    }),
  ]);
}
