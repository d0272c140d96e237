// Every chart is shown WITH its table: <figure> with a numbered caption, the
// chart (role="img", labelled), SVG/PNG downloads, and the table below.
import { h } from './dom.ts';
import { downloadPng, downloadSvg, slug } from './download.ts';
import { errorBox } from './status.ts';

export interface FigureOptions {
  caption: string;
  number?: number;
  /** Notes under the caption (completeness, warnings). */
  notes?: (Node | null)[];
}

/** Chart width that fits `container` (already in the page), so text is not scaled down on small screens. */
export function chartWidth(container: HTMLElement): number | undefined {
  const w = container.clientWidth;
  return w > 0 ? Math.max(300, Math.min(w, 720)) : undefined;
}

export function figure(chart: SVGSVGElement, table: HTMLElement, opts: FigureOptions): HTMLElement {
  const title = opts.number !== undefined ? `Figure ${opts.number}: ${opts.caption}` : opts.caption;
  const name = slug(title);
  const svgButton = h('button', { type: 'button', class: 'secondary' }, 'Download SVG');
  const pngButton = h('button', { type: 'button', class: 'secondary' }, 'Download PNG');
  const actions = h('div', { class: 'actions' }, svgButton, pngButton);
  svgButton.addEventListener('click', () => downloadSvg(chart, name));
  pngButton.addEventListener('click', () => {
    downloadPng(chart, name).catch((e: unknown) => actions.after(errorBox(e, 'the PNG image')));
  });
  const details = h('details', { class: 'figure-table', open: true }, h('summary', {}, 'Figures as a table'), table);
  return h('figure', { class: 'figure' },
    h('figcaption', {}, title),
    ...(opts.notes ?? []),
    h('div', { class: 'chart' }, chart),
    actions,
    details);
}
