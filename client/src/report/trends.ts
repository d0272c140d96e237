// 8 Trends: an XmR chart of each measure the strategic sub-group follows, by
// month over the three years to the end of the period, with its table and the
// reading of its latest point (Making Data Count).
import { periodLabel, xmrChart } from '../charts/xmr.ts';
import { latestVariation, variationText } from '../charts/xmr-icons.ts';
import { h } from '../components/dom.ts';
import { figure } from '../components/figure.ts';
import { xmrTable } from '../components/trend-tables.ts';
import { CHART_WIDTH, para, reportSection, type SectionContext } from './kit.ts';

const DIRECTION: Record<string, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  neither: 'Neither higher nor lower is better in itself',
};

export function trendsSection(ctx: SectionContext, number: string): HTMLElement {
  const { report } = ctx;
  const series = report.trends.series;
  const first = series[0]?.points[0]?.period;
  const last = series[0]?.points.at(-1)?.period;
  const window = first && last ? `${periodLabel(first)} to ${periodLabel(last)}` : '';
  return reportSection('trends', number, 'Trends',
    para(`Each chart shows whole months from ${window}, with the mean (solid) and the process limits (dashed). Points are marked by the Making Data Count rules: a point beyond a limit, a run of 7 or more on one side of the mean, or 7 or more rising or falling. Limits are computed from every month shown.`),
    ...series.map((s) => {
      const caption = `${s.label} by month, ${window}`;
      const number = ctx.n.figure();
      const chart = xmrChart(s.points, { ariaLabel: `XmR chart: ${caption}`, unit: s.unit, width: CHART_WIDTH, height: 220 });
      const notes = [
        h('p', { class: 'note' }, `Latest month: ${variationText(latestVariation(s.points))}. ${DIRECTION[s.direction] ?? ''}: ${s.rationale}`),
      ];
      return figure(chart, xmrTable(s, ctx.n.table(caption)), { caption, number, notes });
    }));
}
