// The missing × CSE cross-reference of the missing page (aggregate), and the
// analyst's lists of children (pseudonymous ids, 'records' access): children
// missing repeatedly, those of them with no CSE case open (the list taken to
// the exploitation meeting), and children with a case who went missing from care.
import { dataTable, type Column, type Row } from '../components/data-table.ts';
import { h } from '../components/dom.ts';
import { formatCount, formatOneDecimal, formatPercent } from '../format.ts';
import { codeLabel } from '../labels.ts';
import type { PageContext } from '../page.ts';
import { repeatText, thresholdQuery, type Thresholds } from './missing-thresholds.ts';
import type { MissingChild } from '../../../server/missing/children.ts';

interface CrossReference {
  referred: { total: number | null; count: number | null; pct_missing: number | null };
  case_missing_from_care: { count: number | null };
}
interface MeasuresAnswer {
  measures: Record<string, number | null>;
}
interface ListAnswer {
  children: MissingChild[];
}

const query = (ctx: PageContext, t: Thresholds) => ({ from: ctx.period.from, to: ctx.period.to, ...thresholdQuery(t) });

/** 'YYYY-MM-DD HH:MM' → 'DD/MM/YYYY HH:MM'. */
function dateTime(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}` : s;
}

function hours(v: number | null): string {
  return v === null ? 'none ended' : `${formatOneDecimal(v)} h`;
}

export async function crossReference(ctx: PageContext, t: Thresholds): Promise<Node[]> {
  const [x, m] = await Promise.all([
    ctx.getJson<CrossReference>('/api/missing/cross-reference', query(ctx, t)),
    ctx.getJson<MeasuresAnswer>('/api/measures', query(ctx, t)),
  ]);
  const rows: Row[] = [
    { figure: 'Children referred for CSE in the period', value: formatCount(x.referred.total) },
    { figure: '… of whom missing in the year before referral (up to the end of the period)', value: formatCount(x.referred.count) },
    { figure: '% of referred children who had been missing', value: formatPercent(m.measures.pct_referred_children_missing ?? null) },
    { figure: `Children missing repeatedly (${repeatText(t)})`, value: formatCount(m.measures.repeat_missing_children ?? null) },
    { figure: '… of whom with no CSE case open in the period', value: formatCount(m.measures.repeat_missing_children_without_case ?? null) },
    { figure: 'Children with a CSE case open who went missing from care', value: formatCount(x.case_missing_from_care.count) },
  ];
  return [dataTable(rows, [{ key: 'figure', label: 'Figure' }, { key: 'value', label: ctx.periodLabel }],
    { caption: `Missing and CSE cross-reference, ${ctx.periodLabel}`, filename: 'missing-cse-cross-reference' })];
}

const COLUMNS: Record<string, Column> = {
  child_id: { key: 'child_id', label: 'Child (pseudonymous id)', rowHeader: true },
  episodes: { key: 'episodes', label: 'Episodes in the period', kind: 'count' },
  episodes_from_care: { key: 'episodes_from_care', label: 'Episodes from care', kind: 'count' },
  first_start: { key: 'first_start', label: 'First start', format: dateTime, csv: (v) => v },
  last_start: { key: 'last_start', label: 'Last start', format: dateTime, csv: (v) => v },
  longest: { key: 'longest', label: 'Longest episode' },
  ongoing: { key: 'ongoing', label: 'Still missing', kind: 'count' },
  case_open: { key: 'case_open', label: 'CSE case open' },
  risk_level: { key: 'risk_level', label: 'Risk level', format: codeLabel, code: true },
  repeat: { key: 'repeat', label: 'Missing repeatedly' },
};

function toRow(c: MissingChild): Row {
  return { ...c, longest: hours(c.longest_hours), case_open: c.case_open ? 'Yes' : 'No', repeat: c.repeat_missing ? 'Yes' : 'No' };
}

const LISTS = [
  { list: 'repeat', title: 'Children missing repeatedly', columns: ['child_id', 'episodes', 'first_start', 'last_start', 'longest', 'ongoing', 'case_open', 'risk_level'] },
  { list: 'repeat-without-case', title: 'Children missing repeatedly with no CSE case open', columns: ['child_id', 'episodes', 'first_start', 'last_start', 'longest', 'ongoing'] },
  { list: 'from-care', title: 'Children with a CSE case open who went missing from care', columns: ['child_id', 'episodes_from_care', 'episodes', 'first_start', 'last_start', 'risk_level', 'repeat'] },
] as const;
export const LIST_NAMES = LISTS.map((l) => l.list);

export async function childList(ctx: PageContext, t: Thresholds, name: (typeof LISTS)[number]['list']): Promise<Node[]> {
  const def = LISTS.find((l) => l.list === name)!;
  const answer = await ctx.getJson<ListAnswer>(`/api/missing/children/${name}`, query(ctx, t));
  const caption = `${def.title}, ${ctx.periodLabel}${name === 'from-care' ? '' : ` (${repeatText(t)})`}`;
  return [
    h('h3', {}, def.title),
    h('p', {}, `${formatCount(answer.children.length)} children.`),
    dataTable(answer.children.map(toRow), def.columns.map((c) => COLUMNS[c]), { caption, search: { label: 'Find a child by pseudonymous id', keys: ['child_id'] } }),
  ];
}
