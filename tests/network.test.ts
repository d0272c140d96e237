// The network: connected groups (union–find), the views the API answers (a
// chosen group, or the largest groups up to a node budget) and the d3-force
// chart in jsdom.
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, connectedComponents, groupFromQuery, networkView, type EdgeRow } from '../server/profiles/network.ts';
import { HttpError } from '../server/errors.ts';
import { Database } from '../server/db.ts';
import { networkChart, layoutNetwork, defaultTicks, type NetworkNodeDatum } from '../client/src/charts/network.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

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

describe('the view answered', () => {
  const net = buildNetwork(rows, []);
  const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

  it('summarises the whole network whatever is drawn', () => {
    for (const v of [networkView(net, null), networkView(net, 1), networkView(net, null, 5)]) {
      expect(v.summary).toEqual({
        nodes: 8, edges: 6, groups: 2, children: 4, offenders: 2, locations: 2,
        groupSizes: [{ size: 4, groups: 2 }],
        nodeLinks: [{ links: 1, nodes: 4 }, { links: 2, nodes: 4 }],
      });
      expect(ids(v.mostConnected)).toEqual(['child:C2', 'child:C9', 'location:L2', 'offender:P1', 'child:C1', 'child:C3', 'location:L1', 'offender:P9']);
      expect(v.components).toEqual(net.components);
    }
  });

  it('by default draws the largest groups while they fit the node budget', () => {
    const all = networkView(net, null);
    expect(all.view).toEqual({ group: null, components: net.components });
    expect(all.nodes).toEqual(net.nodes);
    expect(all.edges).toEqual(net.edges);
    expect(all.named).toEqual([]);
    const first = networkView(net, null, 5);
    expect(first.view).toEqual({ group: null, components: [net.components[0]] });
    expect(ids(first.nodes)).toEqual(['child:C1', 'child:C2', 'location:L1', 'offender:P1']);
    expect(first.edges).toHaveLength(3);
    // The groups listed but not drawn name their most connected nodes.
    expect(ids(first.named)).toEqual(['child:C9', 'location:L2', 'child:C3']);
    // The largest group is drawn even when it alone is over the budget.
    expect(ids(networkView(net, null, 3).nodes)).toHaveLength(4);
  });

  it('?group= draws that group alone, with all its links', () => {
    const v = networkView(net, 1);
    expect(v.view).toEqual({ group: 1, components: [net.components[1]] });
    expect(ids(v.nodes)).toEqual(['child:C3', 'child:C9', 'location:L2', 'offender:P9']);
    expect(v.edges).toEqual([
      { source: 'child:C3', target: 'location:L2', weight: 3 },
      { source: 'child:C9', target: 'offender:P9', weight: 1 },
      { source: 'child:C9', target: 'location:L2', weight: 1 },
    ]);
    expect(ids(v.named)).toEqual(['child:C2', 'offender:P1', 'child:C1']);
  });

  it('lists the 200 largest groups and draws 300 nodes of a network of 250 pairs', () => {
    const pad = (i: number) => String(i).padStart(3, '0');
    const pairs: EdgeRow[] = Array.from({ length: 250 }, (_, i) => ({ source_kind: 'child', source: `C${pad(i)}`, target_kind: 'offender', target: `P${pad(i)}`, weight: 1 }));
    const v = networkView(buildNetwork(pairs, []), null);
    expect(v.summary).toMatchObject({ nodes: 500, edges: 250, groups: 250, groupSizes: [{ size: 2, groups: 250 }] });
    expect(v.components).toHaveLength(200);
    expect(v.components[199]).toMatchObject({ index: 199, mostConnected: ['child:C199', 'offender:P199'] });
    expect(v.view.components).toHaveLength(150);
    expect(v.nodes).toHaveLength(300);
    expect(v.edges).toHaveLength(150);
    expect(ids(v.nodes).at(-1)).toBe('offender:P149');
    expect(v.named).toHaveLength(100);
    expect(v.mostConnected).toHaveLength(15);
    expect(networkView(buildNetwork(pairs, []), 249).nodes.map((n) => n.label)).toEqual(['C249', 'P249']);
  });

  it('?group= is a whole number from 1, else 400 naming it; a group the network lacks draws the largest', () => {
    expect(groupFromQuery(undefined)).toBeNull();
    expect(groupFromQuery('')).toBeNull();
    expect(groupFromQuery('1')).toBe(0);
    expect(groupFromQuery('250')).toBe(249);
    for (const bad of ['0', '01', '1.5', '-1', 'x', '1e3', ['1']]) {
      let err: unknown;
      try { groupFromQuery(bad); } catch (e) { err = e; }
      expect(err, String(bad)).toBeInstanceOf(HttpError);
      expect(err).toMatchObject({ status: 400, details: { parameter: 'group' } });
    }
    expect(networkView(net, 2, 5).view).toEqual({ group: null, components: [net.components[0]] });
  });
});

describe('GET /api/profiles/network', () => {
  let server: TestServer;
  beforeAll(async () => {
    const db = await Database.open(':memory:');
    await db.exec(`
      INSERT INTO cases (case_id, child_id, referral_date) VALUES ('K1', 'C1', '2024-05-01'), ('K2', 'C2', '2024-06-01'), ('K3', 'C3', '2024-06-01');
      INSERT INTO offenders (offender_id, first_identified, role) VALUES ('P1', '2024-01-01', 'organiser'), ('P2', '2024-01-01', NULL);
      INSERT INTO case_offender_links (case_id, offender_id, linked_on) VALUES ('K1', 'P1', '2024-05-02'), ('K2', 'P1', '2024-06-02'), ('K3', 'P2', '2024-06-02');
    `);
    server = await startTestServer({ db });
  });
  afterAll(async () => {
    await server.close();
    server.db.close();
  });

  it('answers the summary and the view of ?group=; 400 for a malformed group', async () => {
    const P = '/api/profiles/network?from=2024-04-01&to=2025-03-31';
    const all = (await server.get(P)).body;
    expect(all.summary).toMatchObject({ nodes: 5, edges: 3, groups: 2, children: 3, offenders: 2, locations: 0 });
    expect(all.view.group).toBeNull();
    expect(all.nodes).toHaveLength(5);
    const second = await server.get(`${P}&group=2`);
    expect(second.status).toBe(200);
    expect(second.body.view).toEqual({ group: 1, components: [{ index: 1, size: 2, children: 1, offenders: 1, locations: 0, edges: 1, mostConnected: ['child:C3', 'offender:P2'] }] });
    expect(second.body.nodes.map((n: { id: string }) => n.id)).toEqual(['child:C3', 'offender:P2']);
    expect(second.body.summary).toEqual(all.summary);
    expect((await server.get(`${P}&group=3`)).body.view.group).toBeNull();
    const bad = await server.get(`${P}&group=x`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'group must be a group number from 1', parameter: 'group' });
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

  it('a node with one link sits in a fan around the node it links to; large networks get fewer ticks', () => {
    const star: NetworkNodeDatum[] = [{ id: 'offender:P', kind: 'offender', label: 'P', degree: 5 },
      ...[1, 2, 3, 4, 5].map((i) => ({ id: `child:C${i}`, kind: 'child' as const, label: `C${i}`, degree: 1 }))];
    const pos = layoutNetwork(star, star.slice(1).map((c) => ({ source: c.id, target: 'offender:P', weight: 1 })));
    const hub = pos.get('offender:P')!;
    const around = star.slice(1).map((c) => pos.get(c.id)!);
    for (const p of around) expect(Math.hypot(p.x - hub.x, p.y - hub.y)).toBeCloseTo(30, 9);
    const angles = around.map((p) => Math.atan2(p.y - hub.y, p.x - hub.x));
    expect(new Set(angles.map((a) => a.toFixed(6))).size).toBe(5);
    expect([defaultTicks(8), defaultTicks(200), defaultTicks(400), defaultTicks(5000)]).toEqual([300, 300, 150, 100]);
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
