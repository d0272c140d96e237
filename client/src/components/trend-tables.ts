// Tables of the trends page: the XmR figures of one chart, the summary of every
// chart (latest value, mean, signal) and this financial year against the last.
import { formatValue, periodLabel, type XmrPoint } from '../charts/xmr.ts';
import { latestVariation, variationText } from '../charts/xmr-icons.ts';
import { RULE_LABEL, SIGNAL_LABEL } from '../charts/xmr-style.ts';
import { DASH, SUPPRESSED } from '../format.ts';
import { changeOf, pctChangeOf } from './card.ts';
import { dataTable, type Column, type Row } from './data-table.ts';

export type Unit = 'count' | 'percent';

export interface TrendSeries {
  measure: string;
  label: string;
  unit: Unit;
  direction: 'higher' | 'lower' | 'neither';
  points: XmrPoint[];
}

const valueOf = (v: string, row: Row) => formatValue(Number(v), row.unit as Unit);

export function signalText(p: XmrPoint): string {
  if (p.signal === null) return SUPPRESSED;
  return p.rule ? `${SIGNAL_LABEL[p.signal]} (${RULE_LABEL[p.rule]})` : p.value === null ? DASH : SIGNAL_LABEL.none;
}

/** Every point of one chart: value, mean, limits and special cause. */
export function xmrTable(s: TrendSeries, caption: string): HTMLElement {
  const rows: Row[] = s.points.map((p) => ({ ...p, unit: s.unit, signal: signalText(p) }));
  const num = (key: string, label: string): Column => ({ key, label, kind: 'number' });
  return dataTable(rows, [
    { key: 'period', label: 'Period', format: periodLabel, csv: String },
    { key: 'value', label: s.label, kind: s.unit },
    num('mean', 'Mean'),
    num('lcl', 'Lower process limit'),
    num('ucl', 'Upper process limit'),
    { key: 'signal', label: 'Variation' },
  ], { caption });
}

/** One row per chart: the latest point, the mean and its variation. */
export function summaryTable(all: TrendSeries[], caption: string): HTMLElement {
  const rows: Row[] = all.map((s) => {
    const last = [...s.points].reverse().find((p) => p.value !== null);
    return {
      measure: s.label,
      unit: s.unit,
      latest: last ? periodLabel(last.period) : DASH,
      value: last?.value ?? null,
      mean: last?.mean ?? null,
      variation: variationText(latestVariation(s.points)),
    };
  });
  return dataTable(rows, [
    { key: 'measure', label: 'Measure' },
    { key: 'latest', label: 'Latest period' },
    { key: 'value', label: 'Latest value', format: valueOf },
    { key: 'mean', label: 'Mean', kind: 'number' },
    { key: 'variation', label: 'Variation (latest point)' },
  ], { caption });
}

export interface YearValues {
  label: string;
  values: Record<string, number | null>;
}

/** This financial year against the last, for each measure. */
export function yearOnYearTable(measures: { id: string; label: string; unit: Unit }[], last: YearValues, current: YearValues, caption: string): HTMLElement {
  const rows: Row[] = measures.map((m) => {
    const before = last.values[m.id] ?? null;
    const now = current.values[m.id] ?? null;
    return { measure: m.label, unit: m.unit, last: before, current: now, change: changeOf(now, before), pct: pctChangeOf(now, before) };
  });
  return dataTable(rows, [
    { key: 'measure', label: 'Measure' },
    { key: 'last', label: last.label, format: valueOf },
    { key: 'current', label: current.label, format: valueOf },
    { key: 'change', label: 'Change', kind: 'change' },
    { key: 'pct', label: '% change', kind: 'pct_change' },
  ], { caption });
}
