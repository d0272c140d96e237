// What every chart does to Plot's output: an accessible, self-contained <svg>.
import * as Plot from '@observablehq/plot';
import { FONT_FAMILY, NOT_RECORDED_FILL, NOT_RECORDED_STROKE, TEXT } from './palette.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartBase {
  /** The document to build in (jsdom in tests); the page's document by default. */
  document?: Document;
  /** What the chart shows, read by screen readers (aria-label and <title>). */
  ariaLabel: string;
  /** Width in pixels (the chart scales down to its container in CSS). */
  width?: number;
}

/** Narrowest width a chart is drawn at; the page margins around a chart on a phone. */
const MIN_WIDTH = 280;
const PAGE_MARGINS = 32;

/**
 * The width to draw at: the width asked for, or less on a narrow window, so that a
 * chart is drawn to fit rather than scaled down (its text stays at its size, ≥ 11 px).
 */
export function fitWidth(wanted: number, doc: Document = document): number {
  const view = doc.defaultView?.innerWidth;
  return view ? Math.max(MIN_WIDTH, Math.min(wanted, view - PAGE_MARGINS)) : wanted;
}

let seq = 0;

/** A document-unique id for the not-recorded hatching pattern. */
export function patternId(): string {
  seq += 1;
  return `not-recorded-hatch-${seq}`;
}

/** Plot.plot with our conventions; returns the <svg> with role="img", aria-label and <title>. */
export function renderPlot(options: Plot.PlotOptions, base: ChartBase): SVGSVGElement {
  const doc = base.document ?? document;
  const out = Plot.plot({
    ...options,
    document: doc,
    width: fitWidth(base.width ?? 640, doc),
    className: 'chart',
  });
  if (out.tagName.toLowerCase() !== 'svg') throw new Error('Plot returned a figure, not an <svg>');
  const svg = out as unknown as SVGSVGElement;
  // Plot's inline <style> would break a strict Content-Security-Policy; components.css
  // has the same rules, and presentation attributes keep downloads self-contained.
  svg.querySelector('style')?.remove();
  svg.setAttribute('font-family', FONT_FAMILY);
  svg.setAttribute('font-size', '13');
  svg.setAttribute('color', TEXT);
  // The chart is one image to assistive technology (its table carries the figures):
  // hide Plot's named mark groups, whose aria-label ARIA does not allow on a plain <g>.
  for (const g of svg.querySelectorAll('g[aria-label]')) g.setAttribute('aria-hidden', 'true');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', base.ariaLabel);
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = base.ariaLabel;
  svg.insertBefore(title, svg.firstChild);
  return svg;
}

/** Adds the grey diagonal hatching used for "not recorded" bars. */
export function addHatchPattern(svg: SVGSVGElement, id: string): void {
  const doc = svg.ownerDocument;
  const el = (name: string, attrs: Record<string, string>) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const defs = el('defs', {});
  const pattern = el('pattern', { id, patternUnits: 'userSpaceOnUse', width: '6', height: '6', patternTransform: 'rotate(45)' });
  pattern.append(
    el('rect', { width: '6', height: '6', fill: NOT_RECORDED_FILL }),
    el('line', { x1: '0', y1: '0', x2: '0', y2: '6', stroke: NOT_RECORDED_STROKE, 'stroke-width': '2' }),
  );
  defs.append(pattern);
  svg.insertBefore(defs, svg.querySelector('title')?.nextSibling ?? svg.firstChild);
}

/** Left margin that fits the longest category label (approximate width of 13px text). */
export function labelMargin(labels: string[], min = 60, max = 260, width = Infinity): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  // On a narrow chart the labels get at most 40% of the width (clipLabel shortens them to fit).
  return Math.min(max, Math.round(width * 0.4), Math.max(min, Math.round(longest * 7.2) + 16));
}

/** A label shortened with '…' to fit a left margin (the table beside the chart has it whole). */
export function clipLabel(label: string, margin: number): string {
  const chars = Math.max(4, Math.round((margin - 16) / 7.2));
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
}

/** Tick format for counts: whole numbers with thousands separators, nothing between. */
export function countTick(d: number): string {
  return Number.isInteger(d) ? d.toLocaleString('en-GB') : '';
}
