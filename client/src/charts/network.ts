// The links network: children, offenders and locations as a force-directed graph
// (d3-force, run synchronously for a fixed number of ticks, so the same data
// always gives the same picture). Nodes with a single link sit in a fan around
// the node they link to, so the simulation runs over the others only, and large
// networks get fewer ticks: a view of about 800 nodes lays out in well under a
// second. Kinds differ by colour AND shape (circle, square, triangle) and a
// legend names them. Every node is focusable; Enter, Space or a click selects it
// (its links are highlighted and `onSelect` is called).
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import { ACCENT, FONT_FAMILY, PRIMARY, SECONDARY, TEXT } from './palette.ts';
import { fitWidth } from './svg.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type NetworkKind = 'child' | 'offender' | 'location';

export interface NetworkNodeDatum {
  id: string;
  kind: NetworkKind;
  label: string;
  degree: number;
}

export interface NetworkEdgeDatum {
  source: string;
  target: string;
  weight: number;
}

export interface NetworkChartOptions {
  document?: Document;
  ariaLabel: string;
  width?: number;
  height?: number;
  /** Positions from layoutNetwork, to draw again (e.g. a new selection) without laying out again. */
  layout?: Map<string, { x: number; y: number }>;
  /** Node id drawn as selected, its links highlighted. */
  selected?: string | null;
  onSelect?: (node: NetworkNodeDatum) => void;
}

export const KIND_STYLE: Record<NetworkKind, { colour: string; shape: string; name: string }> = {
  child: { colour: PRIMARY, shape: 'circle', name: 'Child' },
  offender: { colour: SECONDARY, shape: 'square', name: 'Offender' },
  location: { colour: ACCENT, shape: 'triangle', name: 'Location' },
};

interface SimNode extends SimulationNodeDatum { datum: NetworkNodeDatum }
type SimLink = SimulationLinkDatum<SimNode> & { weight: number };

const LINK_DISTANCE = 30;

/** Ticks by default: 300 for up to 200 simulated nodes, fewer (not under 100) for more. */
export function defaultTicks(simulated: number): number {
  return Math.max(100, Math.min(300, Math.round(60_000 / Math.max(1, simulated))));
}

/**
 * Node positions; deterministic (d3-force's seeded random source). A node with
 * one link to a node with several (a leaf) is placed after the simulation, in a
 * fan facing away from its neighbour's other neighbours.
 */
export function layoutNetwork(nodes: NetworkNodeDatum[], edges: NetworkEdgeDatum[], ticks?: number): Map<string, { x: number; y: number }> {
  const neighbours = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    neighbours.get(e.source)!.push(e.target);
    neighbours.get(e.target)!.push(e.source);
  }
  const isLeaf = (id: string) => neighbours.get(id)!.length === 1 && neighbours.get(neighbours.get(id)![0])!.length > 1;
  const sim: SimNode[] = nodes.filter((n) => !isLeaf(n.id)).map((datum) => ({ datum }));
  const index = new Map(sim.map((n) => [n.datum.id, n]));
  const links: SimLink[] = edges.filter((e) => index.has(e.source) && index.has(e.target))
    .map((e) => ({ source: index.get(e.source)!, target: index.get(e.target)!, weight: e.weight }));
  const n = ticks ?? defaultTicks(sim.length);
  forceSimulation(sim)
    .alphaDecay(1 - Math.pow(0.001, 1 / n))
    .force('link', forceLink<SimNode, SimLink>(links).distance(LINK_DISTANCE))
    .force('charge', forceManyBody().strength(-40))
    .force('collide', forceCollide(8))
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.06))
    .stop()
    .tick(n);
  const pos = new Map(sim.map((s) => [s.datum.id, { x: s.x ?? 0, y: s.y ?? 0 }]));
  for (const hub of sim) {
    const around = neighbours.get(hub.datum.id)!;
    const leaves = around.filter(isLeaf);
    if (leaves.length === 0) continue;
    const others = around.filter((id) => !isLeaf(id)).map((id) => pos.get(id)!);
    const { x, y } = pos.get(hub.datum.id)!;
    // Away from the mean of the other neighbours (or from the centre when there are none).
    const [mx, my] = others.length ? [others.reduce((s, p) => s + p.x, 0) / others.length, others.reduce((s, p) => s + p.y, 0) / others.length] : [0, 0];
    const facing = x === mx && y === my ? 0 : Math.atan2(y - my, x - mx);
    const arc = others.length ? Math.min(Math.PI, leaves.length * 0.5) : 2 * Math.PI;
    leaves.forEach((id, i) => {
      const a = facing + arc * ((i + 0.5) / leaves.length - 0.5);
      pos.set(id, { x: x + LINK_DISTANCE * Math.cos(a), y: y + LINK_DISTANCE * Math.sin(a) });
    });
  }
  return new Map(nodes.map((n) => [n.id, pos.get(n.id)!]));
}

/** The SVG path of a node's shape centred on 0,0. */
export function shapePath(kind: NetworkKind, r: number): string {
  if (kind === 'offender') return `M${-r},${-r}H${r}V${r}H${-r}Z`;
  if (kind === 'location') return `M0,${-r * 1.25}L${r * 1.2},${r * 0.9}H${-r * 1.2}Z`;
  return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
}

const KIND_WORD: Record<NetworkKind, string> = { child: 'Child', offender: 'Offender', location: 'Location' };

export function nodeName(n: NetworkNodeDatum): string {
  return `${KIND_WORD[n.kind]} ${n.label}, ${n.degree} ${n.degree === 1 ? 'link' : 'links'}`;
}

export function networkChart(nodes: NetworkNodeDatum[], edges: NetworkEdgeDatum[], options: NetworkChartOptions): SVGSVGElement {
  const doc = options.document ?? document;
  const width = fitWidth(options.width ?? 800, doc);
  const height = options.height ?? 560;
  const legendHeight = 28;
  const el = (name: string, attrs: Record<string, string | number>) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const svg = el('svg', {
    xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, class: 'chart network-chart',
    'font-family': FONT_FAMILY, 'font-size': 12, color: TEXT, role: 'group', 'aria-label': options.ariaLabel,
  }) as SVGSVGElement;
  const title = el('title', {});
  title.textContent = options.ariaLabel;
  svg.append(title);

  // Legend: shape, colour and name of each kind.
  const legend = el('g', { class: 'legend', 'aria-hidden': 'true' });
  (Object.keys(KIND_STYLE) as NetworkKind[]).forEach((kind, i) => {
    const s = KIND_STYLE[kind];
    const g = el('g', { transform: `translate(${12 + i * 110},14)` });
    g.append(el('path', { d: shapePath(kind, 6), fill: s.colour, stroke: '#ffffff', 'stroke-width': 1 }));
    const t = el('text', { x: 12, y: 4, fill: 'currentColor' });
    t.textContent = s.name;
    g.append(t);
    legend.append(g);
  });
  svg.append(legend);

  const pos = options.layout ?? layoutNetwork(nodes, edges);
  const xs = [...pos.values()].map((p) => p.x), ys = [...pos.values()].map((p) => p.y);
  const pad = 14;
  const [x0, x1] = [Math.min(0, ...xs), Math.max(0, ...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(0, ...ys)];
  const scale = Math.min((width - 2 * pad) / Math.max(1, x1 - x0), (height - legendHeight - 2 * pad) / Math.max(1, y1 - y0), 3);
  const cx = (x: number) => pad + (x - x0) * scale + (width - 2 * pad - (x1 - x0) * scale) / 2;
  const cy = (y: number) => legendHeight + pad + (y - y0) * scale + (height - legendHeight - 2 * pad - (y1 - y0) * scale) / 2;

  const selected = options.selected ?? null;
  const neighbours = new Set<string>();
  const edgeLayer = el('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const e of edges) {
    const a = pos.get(e.source)!, b = pos.get(e.target)!;
    const on = selected !== null && (e.source === selected || e.target === selected);
    if (on) neighbours.add(e.source === selected ? e.target : e.source);
    edgeLayer.append(el('line', {
      x1: cx(a.x), y1: cy(a.y), x2: cx(b.x), y2: cy(b.y),
      stroke: on ? TEXT : '#9a9a9a', 'stroke-opacity': on ? 1 : 0.6, 'stroke-width': on ? 2 : Math.min(3, 0.8 + 0.4 * e.weight),
      'data-source': e.source, 'data-target': e.target,
    }));
  }
  svg.append(edgeLayer);

  const nodeLayer = el('g', { class: 'nodes' });
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const isSel = n.id === selected;
    const r = Math.min(9, 4 + Math.sqrt(n.degree));
    const g = el('g', {
      class: `node node-${n.kind}`, transform: `translate(${cx(p.x).toFixed(1)},${cy(p.y).toFixed(1)})`,
      tabindex: 0, role: 'button', 'aria-label': nodeName(n), 'aria-pressed': isSel ? 'true' : 'false', 'data-id': n.id, cursor: 'pointer',
    });
    const t = el('title', {});
    t.textContent = nodeName(n);
    g.append(t, el('path', {
      d: shapePath(n.kind, r), fill: KIND_STYLE[n.kind].colour,
      stroke: isSel ? TEXT : neighbours.has(n.id) ? TEXT : '#ffffff', 'stroke-width': isSel ? 3 : neighbours.has(n.id) ? 2 : 1,
    }));
    if (isSel) {
      const label = el('text', { x: r + 4, y: 4, fill: 'currentColor', 'font-weight': 'bold' });
      label.textContent = n.label;
      g.append(label);
    }
    if (options.onSelect) {
      const select = options.onSelect;
      g.addEventListener('click', () => select(n));
      g.addEventListener('keydown', (ev) => {
        const key = (ev as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          ev.preventDefault();
          select(n);
        }
      });
    }
    nodeLayer.append(g);
  }
  svg.append(nodeLayer);
  return svg;
}
