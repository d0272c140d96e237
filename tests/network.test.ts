// The network: connected groups (union–find) and the d3-force chart in jsdom.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildNetwork, connectedComponents, type EdgeRow } from '../server/profiles/network.ts';
import { networkChart, layoutNetwork, type NetworkNodeDatum } from '../client/src/charts/network.ts';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const { document } = dom.window;

const rows: EdgeRow[] = [
  { source_kind: 'child', source: 'C1', target_kind: 'offender', target: 'P1', weight: 2 },
  { source_kind: 'child', source: 'C2', target_kind: 'offender', target: 'P1', weight: 1 },
  { source_kind: 'child', source: 'C2', target_kind: 'location', target: 'L1', weight: 1 },
  { source_kind: 'child', source: 'C3', target_kind: 'location', target: 'L2', weight: 3 },
  { source_kind: 'child', source: 'C9', target_kind: 'offender', target: 'P9', weight: 1 },
  { source_kind: 'child', source: 'C9', target_kind: 'location', target: 'L2', weight: 1 },
];

describe('connected groups', () => {
  it('union–find joins transitively and leaves separate groups apart', () => {
    const root = connectedComponents(['a', 'b', 'c', 'd', 'e'], [['a', 'b'], ['c', 'd'], ['b', 'd']]);
    expect(new Set(['a', 'b', 'c', 'd'].map((x) => root.get(x))).size).toBe(1);
    expect(root.get('e')).toBe('e');
  });

  it('counts kinds, edges and the most connected nodes of each group, largest first', () => {
    const net = buildNetwork(rows, [{ kind: 'offender', id: 'P1', detail: 'organiser', extra: 'G1' }]);
    expect(net.components).toEqual([
      { index: 0, size: 4, children: 2, offenders: 1, locations: 1, edges: 3, mostConnected: ['child:C2', 'offender:P1', 'child:C1'] },
      { index: 1, size: 4, children: 2, offenders: 1, locations: 1, edges: 3, mostConnected: ['child:C9', 'location:L2', 'child:C3'] },
    ]);
    expect(net.nodes.find((n) => n.id === 'offender:P1')).toMatchObject({ detail: 'organiser', extra: 'G1', degree: 2, component: 0 });
    expect(net.edges[0]).toEqual({ source: 'child:C1', target: 'offender:P1', weight: 2 });
  });

  it('an empty period has no nodes and no groups', () => {
    expect(buildNetwork([], [])).toEqual({ nodes: [], edges: [], components: [] });
  });
});

describe('networkChart', () => {
  const net = buildNetwork(rows, []);
  const nodes: NetworkNodeDatum[] = net.nodes;
  const draw = (selected: string | null, onSelect?: (n: NetworkNodeDatum) => void) =>
    networkChart(nodes, net.edges, { document, ariaLabel: 'Links network', selected, onSelect, width: 600, height: 400 });

  it('draws every node as a focusable shape by kind, and every edge', () => {
    const svg = draw(null);
    expect(svg.getAttribute('aria-label')).toBe('Links network');
    const g = [...svg.querySelectorAll('g.node')];
    expect(g).toHaveLength(8);
    expect(g.every((n) => n.getAttribute('tabindex') === '0' && n.getAttribute('role') === 'button')).toBe(true);
    expect(svg.querySelectorAll('g.node-child')).toHaveLength(4);
    expect(svg.querySelectorAll('g.node-offender')).toHaveLength(2);
    expect(svg.querySelectorAll('g.node-location')).toHaveLength(2);
    // Shapes differ by kind, not only colour: squares (H/V), triangles (L), circles (A).
    expect(svg.querySelector('g.node-offender path')!.getAttribute('d')).toMatch(/H.*V/);
    expect(svg.querySelector('g.node-location path')!.getAttribute('d')).toMatch(/L/);
    expect(svg.querySelector('g.node-child path')!.getAttribute('d')).toMatch(/A/);
    expect(new Set([...svg.querySelectorAll('g.nodes path')].map((p) => p.getAttribute('fill'))).size).toBe(3);
    expect(svg.querySelectorAll('g.edges line')).toHaveLength(6);
    expect(svg.querySelector('g[data-id="offender:P1"]')!.getAttribute('aria-label')).toBe('Offender P1, 2 links');
    expect([...svg.querySelectorAll('g.legend text')].map((t) => t.textContent)).toEqual(['Child', 'Offender', 'Location']);
  });

  it('is deterministic and keeps every node inside the drawing', () => {
    expect(draw(null).outerHTML).toBe(draw(null).outerHTML);
    const a = layoutNetwork(nodes, net.edges), b = layoutNetwork(nodes, net.edges);
    expect([...a.entries()]).toEqual([...b.entries()]);
    for (const g of draw(null).querySelectorAll('g.node')) {
      const [x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform')!)!.slice(1).map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(600);
      expect(y).toBeGreaterThanOrEqual(28);
      expect(y).toBeLessThanOrEqual(400);
    }
  });

  it('linked nodes sit closer than unlinked ones', () => {
    const pos = layoutNetwork(nodes, net.edges);
    const d = (a: string, b: string) => Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y);
    expect(d('child:C1', 'offender:P1')).toBeLessThan(d('child:C1', 'child:C3'));
  });

  it('Enter or a click selects a node; the selection highlights its links', () => {
    const chosen: string[] = [];
    const svg = draw(null, (n) => chosen.push(n.id));
    document.body.append(svg);
    const node = svg.querySelector('g[data-id="child:C2"]')!;
    node.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    node.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }));
    node.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(chosen).toEqual(['child:C2', 'child:C2']);
    const selected = draw('child:C2');
    expect(selected.querySelector('g[data-id="child:C2"]')!.getAttribute('aria-pressed')).toBe('true');
    const bold = [...selected.querySelectorAll('g.edges line')].filter((l) => l.getAttribute('stroke-opacity') === '1');
    expect(bold.map((l) => l.getAttribute('data-target')).sort()).toEqual(['location:L1', 'offender:P1']);
  });
});
