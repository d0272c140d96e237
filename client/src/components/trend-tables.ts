// Tables of the trends page: the XmR figures of one chart, the summary of every
// chart (latest value, mean, signal) and this financial year against the last.
import { formatValue, periodLabel, type XmrPoint } from '../charts/xmr.ts';
import { latestVariation, variationText } from '../charts/xmr-icons.ts';
import { RULE_LABEL, SIGNAL_LABEL } from '../charts/xmr-style.ts';
import { DASH, SUPPRESSED, formatPercent, roundHalfAway } from '../format.ts';
import { dataTable, type Column, type Row } from './data-table.ts';

export type Unit = 'count' | 'percent';

export interface TrendSeries {
  measure: string;
  label: string;
  unit: Unit;
  direction: 'higher' | 'lower' | 'neither';
  points: XmrPoint[];
}

const oneDecimal = (unit: Unit) => (v: string) => (unit === 'percent' ? formatPercent(Number(v)) : roundHalfAway(Number(v), 1).toFixed(1));
const valueOf = (v: string, row: Row) => formatValue(Number(v), row.unit as Unit);

export function signalText(p: XmrPoint): string {
  if (p.signal === null) return SUPPRESSED;
  return p.rule ? `${SIGNAL_LABEL[p.signal]} (${RULE_LABEL[p.rule]})` : p.value === null ? DASH : SIGNAL_LABEL.none;
}

/** Every point of one chart: value, mean, limits and special cause. */
export function xmrTable(s: TrendSeries, caption: string): HTMLElement {
  const rows: Row[] = s.points.map((p) => ({ ...p, signal: signalText(p) }));
  const num = (key: string, label: string): Column => ({ key, label, format: oneDecimal(s.unit) });
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
    { key: 'mean', label: 'Mean', format: (v, row) => oneDecimal(row.unit as Unit)(v) },
    { key: 'variation', label: 'Variation (latest point)' },
  ], { caption });
}

/** 'up 12', 'down 2.5 percentage points', 'no change'; DASH when either value is missing. */
export function changeOf(now: number | null, before: number | null, unit: Unit): string {
  if (now === null || before === null) return DASH;
  const d = now - before;
  const size = unit === 'percent' ? `${roundHalfAway(Math.abs(d), 1).toFixed(1)} percentage points` : String(Math.abs(d));
  if (roundHalfAway(d, 1) === 0) return 'no change';
  return `${d > 0 ? '+' : '−'}${size}`;
}

/** Relative change in per cent, one decimal; DASH when the earlier value is 0 or missing. */
export function pctChangeOf(now: number | null, before: number | null): string {
  if (now === null || before === null || before === 0) return DASH;
  const pct = ((now - before) / before) * 100;
  const r = roundHalfAway(pct, 1);
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${formatPercent(Math.abs(pct))}`;
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
    return { measure: m.label, unit: m.unit, last: before, current: now, change: changeOf(now, before, m.unit), pct: pctChangeOf(now, before) };
  });
  return dataTable(rows, [
    { key: 'measure', label: 'Measure' },
    { key: 'last', label: last.label, format: valueOf },
    { key: 'current', label: current.label, format: valueOf },
    { key: 'change', label: 'Change' },
    { key: 'pct', label: '% change' },
  ], { caption });
}
