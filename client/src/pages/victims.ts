// Victims (/victims): the profile of children identified as at risk, for the
// period and the filters kept in the URL (ward, risk level, sex, age band,
// looked after, CSE model): every victims breakdown against the previous
// period, recording gaps, and rates per 10,000 children when population is loaded.
import { BAND_ORDER, type BreakdownRow } from '../components/breakdown.ts';
import { dataTable } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { loadInto } from '../components/status.ts';
import { codeLabel } from '../labels.ts';
import type { PageContext } from '../page.ts';
import { onPublicationGrid, publicationNote } from '../audience.ts';
import { compareFigure, completenessSection, fetchPair, type CompletenessField, type RowsAnswer } from './profile-figures.ts';

const DIMENSIONS: { id: string; label: string; caption: string }[] = [
  { id: 'vulnerabilities', label: 'Vulnerability', caption: 'Cases by vulnerability (a case counts under each it lists)' },
  { id: 'cse_model', label: 'CSE model', caption: 'Cases by CSE model' },
  { id: 'risk_level', label: 'Risk level', caption: 'Cases by risk level' },
  { id: 'referral_source', label: 'Referral source', caption: 'Cases by referral source' },
  { id: 'looked_after', label: 'Looked after', caption: 'Cases by looked-after status' },
  { id: 'age_band', label: 'Age at referral', caption: 'Cases by age band' },
  { id: 'sex', label: 'Sex', caption: 'Cases by sex' },
  { id: 'ethnicity_group', label: 'Ethnicity group', caption: 'Cases by ethnicity group' },
  { id: 'home_ward', label: 'Home ward', caption: 'Cases by home ward' },
];
const FIELD_LABEL = (f: string) => DIMENSIONS.find((d) => d.id === f)?.label ?? codeLabel(f);

export const FILTERS: { id: string; label: string; values: string[] }[] = [
  { id: 'ward', label: 'Home ward', values: [] },
  { id: 'risk_level', label: 'Risk level', values: ['low', 'medium', 'high'] },
  { id: 'sex', label: 'Sex', values: ['F', 'M', 'O'] },
  { id: 'age_band', label: 'Age band', values: ['0-11', '12-13', '14-15', '16-17', '18+'] },
  { id: 'looked_after', label: 'Looked after', values: ['Y', 'N'] },
  { id: 'cse_model', label: 'CSE model', values: ['inappropriate_relationship', 'boyfriend', 'peer', 'online', 'party', 'gang_group', 'organised_trafficking', 'lone_offender', 'other'] },
];

/** The filters are off the publication grid (viewers and partners see every case of the area). */
export const offGrid = FILTERS.map((f) => f.id);
export const extracts = ['cases'];
export const needs = 'cases';

interface CompletenessAnswer { fields: CompletenessField[] }
interface RatesAnswer {
  population_loaded: boolean;
  by_ward: { key: string; count: number; population: number | null; rate: number | null }[];
  by_sex_age_band: { sex: string; age_band: string; count: number; population: number | null; rate: number | null }[];
}

/** The filters of the URL (only the known ones). */
function activeFilters(ctx: PageContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = ctx.params.get(f.id);
    if (v) out[f.id] = v;
  }
  return out;
}

function filterForm(ctx: PageContext, filters: Record<string, string>, wards: string[]): HTMLElement {
  const fields = FILTERS.map((f) => {
    const values = f.id === 'ward' ? wards : f.values;
    const current = filters[f.id] ?? '';
    const options = ['', ...values, 'not_recorded'];
    if (current && !options.includes(current)) options.push(current);
    const select = h('select', { id: `filter-${f.id}`, name: f.id },
      ...options.map((v) => h('option', { value: v, selected: v === current }, v === '' ? 'All' : codeLabel(v))));
    select.addEventListener('change', () => ctx.setParams({ [f.id]: select.value || null }));
    return h('div', { class: 'field' }, h('label', { for: `filter-${f.id}` }, f.label), select);
  });
  const clear = h('button', { type: 'button', class: 'secondary' }, 'Clear filters');
  clear.addEventListener('click', () => ctx.setParams(Object.fromEntries(FILTERS.map((f) => [f.id, null]))));
  const summary = Object.keys(filters).length
    ? `Showing cases where ${Object.entries(filters).map(([k, v]) => `${FILTERS.find((f) => f.id === k)!.label.toLowerCase()} is ${codeLabel(v)}`).join(', ')}.`
    : 'Showing every case referred in the period.';
  return h('form', { class: 'filters', 'aria-label': 'Filters' }, ...fields, clear, h('p', { class: 'note' }, summary));
}

function ratesTables(ctx: PageContext, rates: RatesAnswer): Node[] {
  if (!rates.population_loaded) {
    return [h('p', { class: 'note' }, 'No population is loaded for this period, so rates per 10,000 children are not shown. Import population.csv to add them.')];
  }
  const ward = dataTable(rates.by_ward.map((r) => ({ ...r })), [
    { key: 'key', label: 'Home ward', format: codeLabel, code: true },
    { key: 'count', label: 'Cases', kind: 'count' },
    { key: 'population', label: 'Children aged 0–17', kind: 'count' },
    { key: 'rate', label: 'Cases per 10,000 children', kind: 'rate' },
  ], { caption: `Cases per 10,000 children aged 0–17 by home ward, ${ctx.periodLabel}` });
  const sexAge = dataTable(rates.by_sex_age_band.map((r) => ({ ...r })), [
    { key: 'sex', label: 'Sex', format: codeLabel, code: true },
    { key: 'age_band', label: 'Age band', format: codeLabel, code: true },
    { key: 'count', label: 'Cases', kind: 'count' },
    { key: 'population', label: 'Children', kind: 'count' },
    { key: 'rate', label: 'Cases per 10,000 children', kind: 'rate' },
  ], { caption: `Cases per 10,000 children by sex and age band, ${ctx.periodLabel}` });
  return [ward, sexAge];
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const filters = activeFilters(ctx);
  const form = h('div', {});
  const gaps = h('div', { class: 'section-body' });
  const rates = h('div', { class: 'section-body' });
  const slots = DIMENSIONS.map(() => h('div', { class: 'section-body' }));
  root.append(
    h('h1', {}, `Victims, ${ctx.periodLabel}`),
    h('p', { class: 'lede' }, `Cases referred in ${ctx.periodLabel} (children identified as at risk of, or experiencing, CSE), compared with ${ctx.previousLabel}. A case counts once in each breakdown, and under every vulnerability it lists.`),
    form,
    h('section', { 'aria-labelledby': 'gaps-h' }, h('h2', { id: 'gaps-h' }, 'Recording gaps'), gaps),
    h('section', { 'aria-labelledby': 'breakdowns-h' }, h('h2', { id: 'breakdowns-h' }, 'Who the children are'), h('div', { class: 'figures' }, ...slots)),
    h('section', { 'aria-labelledby': 'rates-h' }, h('h2', { id: 'rates-h' }, 'Rates per 10,000 children'), rates),
  );
  const completeness = fetchPair<CompletenessAnswer>(ctx, '/api/profiles/victims/completeness', filters);
  await Promise.all([
    onPublicationGrid() ? Promise.resolve(void form.replaceChildren(publicationNote())) : loadInto(form, 'the filters', async () => {
      const wards = await ctx.getJson<RowsAnswer>('/api/breakdowns/victims/home_ward', { from: ctx.period.from, to: ctx.period.to });
      return filterForm(ctx, filters, wards.rows.map((r) => r.key).filter((k) => k !== 'not_recorded').sort((a, b) => codeLabel(a).localeCompare(codeLabel(b))));
    }),
    loadInto(gaps, 'the recording gaps', async () => {
      const [now] = await completeness;
      return completenessSection(now.fields, `Fields not recorded among cases referred, ${ctx.periodLabel}`, FIELD_LABEL);
    }),
    ...DIMENSIONS.map((d, i) => loadInto(slots[i], d.caption.toLowerCase(), async () => {
      const [[now, before], [gapsNow]] = await Promise.all([fetchPair<RowsAnswer>(ctx, `/api/breakdowns/victims/${d.id}`, filters), completeness]);
      const overlapping = d.id === 'vulnerabilities';
      return compareFigure(ctx, now.rows as BreakdownRow[], before.rows as BreakdownRow[], {
        caption: `${d.caption}, ${ctx.periodLabel}`,
        number: i + 1,
        categoryLabel: d.label,
        countLabel: 'Number of cases',
        order: BAND_ORDER[`victims/${d.id}`],
        shareOf: overlapping ? (gapsNow.fields[0]?.total ?? undefined) : undefined,
        shareLabel: overlapping ? '% of cases' : undefined,
        gap: overlapping ? gapsNow.fields.find((f) => f.field === d.id) : undefined,
      });
    })),
    loadInto(rates, 'the rates', async () => ratesTables(ctx, await ctx.getJson<RatesAnswer>('/api/profiles/victims/rates', { ...filters, from: ctx.period.from, to: ctx.period.to }))),
  ]);
}
