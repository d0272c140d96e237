// Making Data Count variation icons, drawn here as inline SVG (no image files):
// a ring in the signal's colour holding a small run of dots — flat grey for
// common cause; rising (H, high) or falling (L, low) in blue for improvement,
// orange for concern, purple for a neutral special cause. The icon summarises
// the latest point of a chart. Also the key to the charts' point shapes.
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3';
import { MDC, SIGNALS, SIGNAL_COLOUR, SIGNAL_LABEL, SIGNAL_SYMBOL, type Signal } from './xmr-style.ts';
import type { XmrPoint } from './xmr.ts';

export interface Variation {
  /** null: withheld (a point of the series is withheld, so are its limits and signals). */
  signal: Signal | null;
  /** Which side of the process the special cause points to; null for common cause. */
  side: 'high' | 'low' | null;
}

/** The variation of the latest point with a value. */
export function latestVariation(points: XmrPoint[]): Variation {
  const withValue = points.filter((p) => p.value !== null);
  const last = withValue[withValue.length - 1];
  if (points.some((p) => p.signal === null)) return { signal: null, side: null };
  if (!last || last.rule === null || last.value === null) return { signal: 'none', side: null };
  const prev = withValue[withValue.length - 2]?.value ?? null;
  const high =
    last.rule === 'outside'
      ? last.ucl !== null && last.value > last.ucl
      : last.rule === 'shift'
        ? last.mean !== null && last.value > last.mean
        : prev !== null && last.value > prev;
  return { signal: last.signal, side: high ? 'high' : 'low' };
}

export function variationText(v: Variation): string {
  if (v.signal === null) return 'withheld [c]: a month of the series is withheld, so are the mean, limits and signals';
  if (v.side === null) return SIGNAL_LABEL.none;
  return `${SIGNAL_LABEL[v.signal]}, ${v.side === 'high' ? 'high' : 'low'} values`;
}

const NS = 'http://www.w3.org/2000/svg';

function el(doc: Document, tag: string, attrs: Record<string, string | number>): SVGElement {
  const e = doc.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export function variationIcon(v: Variation, size = 40, doc: Document = document): SVGSVGElement {
  const colour = v.side === null || v.signal === null ? MDC.common : SIGNAL_COLOUR[v.signal];
  const svg = el(doc, 'svg', { viewBox: '0 0 40 40', width: size, height: size, role: 'img', class: 'variation-icon' }) as SVGSVGElement;
  svg.setAttribute('aria-label', variationText(v));
  const title = el(doc, 'title', {});
  title.textContent = variationText(v);
  svg.append(title, el(doc, 'circle', { cx: 20, cy: 20, r: 18, fill: 'white', stroke: colour, 'stroke-width': 2.5 }));
  // Seven dots: the first four level and grey; the last three level (common
  // cause) or stepping up/down in the signal's colour.
  const rise = v.side === 'high' ? -1 : v.side === 'low' ? 1 : 0;
  for (let i = 0; i < 7; i++) {
    const special = rise !== 0 && i >= 4;
    const y = (rise === 0 ? 20 : 23) + (special ? rise * (i - 3) * 3 : i % 2 ? 1 : -1) - rise * 2;
    svg.append(el(doc, 'circle', { cx: 8 + i * 4, cy: y, r: 1.8, fill: special ? colour : MDC.common }));
  }
  if (v.side !== null) {
    const letter = el(doc, 'text', {
      x: 20, y: v.side === 'high' ? 14 : 33, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 'bold',
      'font-family': 'sans-serif', fill: colour,
    });
    letter.textContent = v.side === 'high' ? 'H' : 'L';
    svg.append(letter);
  }
  return svg;
}

const D3_SYMBOL: Record<string, SymbolType> = { circle: symbolCircle, triangle: symbolTriangle, square: symbolSquare, diamond: symbolDiamond };

/** The point shape of a signal, as drawn on the charts (for the legend). */
export function signalSymbol(s: Signal, doc: Document = document): SVGSVGElement {
  const svg = el(doc, 'svg', { viewBox: '-8 -8 16 16', width: 16, height: 16, 'aria-hidden': 'true' }) as SVGSVGElement;
  svg.append(el(doc, 'path', { d: symbol(D3_SYMBOL[SIGNAL_SYMBOL[s]], 64)() ?? '', fill: SIGNAL_COLOUR[s] }));
  return svg;
}

/** Key to the charts: each signal's shape and colour, the mean and the limits. */
export function xmrLegend(doc: Document = document): HTMLElement {
  const item = (...children: Node[]) => {
    const li = doc.createElement('li');
    li.append(...children);
    return li;
  };
  const line = (stroke: string, dash: string, text: string) => {
    const svg = el(doc, 'svg', { viewBox: '0 0 24 8', width: 24, height: 8, 'aria-hidden': 'true' });
    svg.append(el(doc, 'line', { x1: 0, y1: 4, x2: 24, y2: 4, stroke, 'stroke-width': 2, 'stroke-dasharray': dash }));
    return item(svg, doc.createTextNode(` ${text}`));
  };
  const ul = doc.createElement('ul');
  ul.className = 'xmr-legend';
  ul.setAttribute('aria-label', 'Key to the charts');
  ul.append(
    ...SIGNALS.map((s) => item(signalSymbol(s, doc), doc.createTextNode(` ${SIGNAL_LABEL[s]}`))),
    line(MDC.mean, 'none', 'Mean'),
    line(MDC.limit, '5,3', 'Process limits (mean ± 2.66 × mean moving range)'),
  );
  return ul;
}
