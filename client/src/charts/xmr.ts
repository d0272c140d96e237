// XmR chart: the values joined in grey, the mean (black) and process limits
// (grey, dashed) drawn as steps so a rebase shows as a step, and the points
// coloured AND shaped by their signal (Making Data Count conventions).
import * as Plot from '@observablehq/plot';
import { formatCount, formatMonth, formatPercent } from '../format.ts';
import { renderPlot, countTick, type ChartBase } from './svg.ts';
import { MDC, RULE_LABEL, SIGNALS, SIGNAL_COLOUR, SIGNAL_LABEL, SIGNAL_SYMBOL, type Rule, type Signal } from './xmr-style.ts';

export interface XmrPoint {
  /** 'YYYY-MM' or 'YYYY-Qn'. */
  period: string;
  value: number | null;
  mean: number | null;
  ucl: number | null;
  lcl: number | null;
  rule: Rule | null;
  /** null when withheld: a point of the series is withheld, so its mean, limits and signals are too. */
  signal: Signal | null;
  /** The value is withheld ([c]), not missing. */
  suppressed?: boolean;
}

export interface XmrChartOptions extends ChartBase {
  unit: 'count' | 'percent';
  height?: number;
  /** Small multiple: fewer ticks, smaller points. */
  compact?: boolean;
  /** Limits computed from the first N points: marks where the baseline ends. */
  baselineN?: number;
}

/** 'YYYY-MM' → first day of the month; 'YYYY-Qn' → first day of the calendar quarter (UTC). */
export function periodDate(period: string): Date {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return new Date(Date.UTC(+q[1], (+q[2] - 1) * 3, 1));
  return new Date(Date.UTC(+period.slice(0, 4), +period.slice(5, 7) - 1, 1));
}

/** 'Apr 2024' or 'Q2 2024'. */
export function periodLabel(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? `Q${q[2]} ${q[1]}` : formatMonth(period);
}

export function formatValue(v: number | null, unit: 'count' | 'percent'): string {
  if (unit === 'percent') return formatPercent(v);
  return v !== null && !Number.isInteger(v) ? v.toFixed(1) : formatCount(v);
}

function pointTitle(p: XmrPoint, unit: 'count' | 'percent'): string {
  const head = `${periodLabel(p.period)}: ${p.value === null ? (p.suppressed ? '[c] withheld' : 'no denominator') : formatValue(p.value, unit)}`;
  return p.rule && p.signal !== null ? `${head}\n${SIGNAL_LABEL[p.signal]} (${RULE_LABEL[p.rule]})` : head;
}

/** At most `max` of the dates, evenly spaced, starting with the first: tick marks on points only. */
function thin(dates: Date[], max: number): Date[] {
  const every = Math.max(1, Math.ceil(dates.length / max));
  return dates.filter((_, i) => i % every === 0);
}

export function xmrChart(points: XmrPoint[], opts: XmrChartOptions): SVGSVGElement {
  const compact = opts.compact ?? false;
  // Withheld signals (the series holds a withheld point) are drawn plain; the table and notes say they are withheld.
  const data = points.map((p) => ({ ...p, signal: p.signal ?? 'none', date: periodDate(p.period) }));
  const quarterly = points.some((p) => p.period.includes('Q'));
  const line = (y: 'mean' | 'ucl' | 'lcl', stroke: string, dash?: string) =>
    Plot.line(data, { x: 'date', y, curve: 'step-after', stroke, strokeWidth: compact ? 1 : 1.5, strokeDasharray: dash });
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: '#dddddd' }),
    line('ucl', MDC.limit, '5,3'),
    line('lcl', MDC.limit, '5,3'),
    line('mean', MDC.mean),
    Plot.line(data, { x: 'date', y: 'value', stroke: MDC.common, strokeWidth: compact ? 1 : 1.5 }),
    Plot.dot(
      data.filter((d) => d.value !== null),
      {
        x: 'date',
        y: 'value',
        fill: 'signal',
        symbol: 'signal',
        r: compact ? 2.5 : 4,
        stroke: 'white',
        strokeWidth: 0.5,
        title: (d: XmrPoint) => pointTitle(d, opts.unit),
      },
    ),
  ];
  if (opts.baselineN !== undefined && opts.baselineN < data.length) {
    const end = data[opts.baselineN].date;
    marks.push(Plot.ruleX([end], { stroke: '#666666', strokeDasharray: '2,2' }));
    if (!compact) marks.push(Plot.text([end], { x: (d: Date) => d, frameAnchor: 'top', dx: 4, textAnchor: 'start', text: () => 'end of baseline', fill: '#444444' }));
  }
  return renderPlot({
    height: opts.height ?? (compact ? 170 : 360),
    marginLeft: compact ? 40 : 56,
    marginBottom: compact ? 24 : 36,
    x: {
      type: 'utc',
      label: null,
      ticks: thin(data.map((d) => d.date), compact ? 3 : 7),
      tickFormat: quarterly
        ? (d: Date) => `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`
        : (d: Date) => formatMonth(d.toISOString().slice(0, 7)),
    },
    y: {
      label: null,
      zero: true,
      grid: !compact,
      ticks: compact ? 4 : 8,
      tickFormat: opts.unit === 'percent' ? (v: number) => `${v}%` : countTick,
    },
    color: { domain: [...SIGNALS], range: SIGNALS.map((s) => SIGNAL_COLOUR[s]) },
    symbol: { domain: [...SIGNALS], range: SIGNALS.map((s) => SIGNAL_SYMBOL[s]) },
    marks,
  }, { ...opts, width: opts.width ?? (compact ? 320 : 760) });
}
