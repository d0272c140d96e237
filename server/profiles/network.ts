// The links network of a period: nodes (children, offenders, locations), edges
// from sql/profiles/network.sql, and its connected groups found by union–find.
// A period's whole network is built once per data version (loadNetwork); the
// API answers its summary and the nodes and edges of one view (networkView):
// a chosen group, or the largest groups taken in order up to a node budget.
import type { Database } from '../db.ts';
import { badRequest } from '../errors.ts';
import { keptFor } from '../cache.ts';
import type { Period } from '../period.ts';
import { runProfileQuery } from './run.ts';

export type NodeKind = 'child' | 'offender' | 'location';

export interface NetworkNode {
  /** Unique across kinds: 'child:C1', 'offender:P-2', 'location:L3'. */
  id: string;
  kind: NodeKind;
  /** The pseudonymous id of the extract. */
  label: string;
  /** Offender role / location type, when the node has one. */
  detail: string | null;
  /** Offender group_id / location ward, when recorded. */
  extra: string | null;
  degree: number;
  /** Index into `components`. */
  component: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** How many links or location reports connect the pair in the period. */
  weight: number;
}

export interface NetworkComponent {
  index: number;
  size: number;
  children: number;
  offenders: number;
  locations: number;
  edges: number;
  /** Up to three node ids with the most connections (ties by id). */
  mostConnected: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  components: NetworkComponent[];
}

export interface EdgeRow {
  source_kind: NodeKind;
  source: string;
  target_kind: NodeKind;
  target: string;
  weight: number;
}

export interface DetailRow {
  kind: NodeKind;
  id: string;
  detail: string | null;
  extra: string | null;
}

const nodeId = (kind: NodeKind, id: string) => `${kind}:${id}`;

/** Connected components by union–find with path halving; returns each node's root (a member of its group). */
export function connectedComponents(ids: string[], pairs: [string, string][]): Map<string, string> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = Int32Array.from(ids, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const [a, b] of pairs) {
    const ra = find(index.get(a)!), rb = find(index.get(b)!);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return new Map(ids.map((id, i) => [id, ids[find(i)]]));
}

/**
 * Builds the network from edge rows. Components are ordered by size (largest
 * first, then most children, then smallest node id) and numbered from 0.
 */
export function buildNetwork(edgeRows: EdgeRow[], details: DetailRow[]): Network {
  const detailOf = new Map(details.map((d) => [nodeId(d.kind, d.id), d]));
  const byId = new Map<string, NetworkNode>();
  const touch = (kind: NodeKind, label: string) => {
    const id = nodeId(kind, label);
    let n = byId.get(id);
    if (!n) {
      const d = detailOf.get(id);
      n = { id, kind, label, detail: d?.detail ?? null, extra: d?.extra ?? null, degree: 0, component: -1 };
      byId.set(id, n);
    }
    n.degree += 1;
    return id;
  };
  const edges: NetworkEdge[] = edgeRows.map((r) => ({
    source: touch(r.source_kind, r.source),
    target: touch(r.target_kind, r.target),
    weight: Number(r.weight),
  }));
  const nodes = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const root = connectedComponents(nodes.map((n) => n.id), edges.map((e) => [e.source, e.target]));

  const groups = new Map<string, NetworkNode[]>();
  for (const n of nodes) {
    const r = root.get(n.id)!;
    const members = groups.get(r);
    if (members) members.push(n);
    else groups.set(r, [n]);
  }
  const count = (members: NetworkNode[], kind: NodeKind) => members.reduce((s, m) => s + (m.kind === kind ? 1 : 0), 0);
  const ordered = [...groups.values()].map((members) => ({ members, children: count(members, 'child') })).sort(
    (a, b) => b.members.length - a.members.length || b.children - a.children || (a.members[0].id < b.members[0].id ? -1 : 1),
  );
  const components: NetworkComponent[] = ordered.map(({ members, children }, index) => {
    for (const m of members) m.component = index;
    return {
      index,
      size: members.length,
      children,
      offenders: count(members, 'offender'),
      locations: count(members, 'location'),
      edges: 0,
      mostConnected: [...members].sort(byDegree).slice(0, 3).map((m) => m.id),
    };
  });
  for (const e of edges) components[byId.get(e.source)!.component].edges += 1;
  return { nodes, edges, components };
}

/** Most links first, then by id. */
const byDegree = (a: NetworkNode, b: NetworkNode) => b.degree - a.degree || (a.id < b.id ? -1 : 1);

/** Nodes drawn by default: the largest groups, in order, while they fit (the largest always). */
const VIEW_NODE_BUDGET = 300;
/** Groups listed in the answer, largest first. */
const LISTED_GROUPS = 200;
/** Most connected nodes of the whole network listed. */
const TOP_NODES = 15;

export interface NetworkSummary {
  nodes: number;
  edges: number;
  groups: number;
  children: number;
  offenders: number;
  locations: number;
  /** How many groups have each size, smallest size first. */
  groupSizes: { size: number; groups: number }[];
  /** How many nodes have each number of links, fewest first. */
  nodeLinks: { links: number; nodes: number }[];
}

export interface NetworkView {
  summary: NetworkSummary;
  /** The most connected nodes of the whole network (ties by id). */
  mostConnected: NetworkNode[];
  /** The largest groups, up to LISTED_GROUPS. */
  components: NetworkComponent[];
  /** The nodes the listed groups name as most connected, when not drawn. */
  named: NetworkNode[];
  /** What is drawn: the chosen group's index (null: the largest groups up to the budget) and the groups drawn. */
  view: { group: number | null; components: NetworkComponent[] };
  /** Every node and edge of the groups drawn. */
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/**
 * `?group=` (numbered from 1, as shown) → a component index; absent → null; 400
 * naming it unless a whole number from 1. A number beyond the period's groups
 * (e.g. kept in the URL when the period changed) draws the largest groups:
 * the answer's `view.group` says what is drawn.
 */
export function groupFromQuery(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  if (typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value)) return Number(value) - 1;
  throw badRequest('group must be a group number from 1', 'group');
}

/** How many times each value occurs, smallest value first. */
function countBy(values: number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** The summary of the whole network and the nodes and edges of one view: `group` if the network has it, else the largest groups up to `budget` nodes. */
export function networkView(net: Network, group: number | null, budget = VIEW_NODE_BUDGET): NetworkView {
  const chosen = group !== null && group < net.components.length ? group : null;
  const drawn: NetworkComponent[] = [];
  if (chosen !== null) drawn.push(net.components[chosen]);
  else {
    let size = 0;
    for (const c of net.components) {
      if (drawn.length > 0 && size + c.size > budget) break;
      drawn.push(c);
      size += c.size;
    }
  }
  const inView = new Set(drawn.map((c) => c.index));
  const nodes = net.nodes.filter((n) => inView.has(n.component));
  const byId = new Map(net.nodes.map((n) => [n.id, n]));
  const mostConnected = [...net.nodes].sort(byDegree).slice(0, TOP_NODES);
  const components = net.components.slice(0, LISTED_GROUPS);
  const ofKind = (k: NodeKind) => net.nodes.reduce((s, n) => s + (n.kind === k ? 1 : 0), 0);
  return {
    summary: {
      nodes: net.nodes.length,
      edges: net.edges.length,
      groups: net.components.length,
      children: ofKind('child'),
      offenders: ofKind('offender'),
      locations: ofKind('location'),
      groupSizes: countBy(net.components.map((c) => c.size)).map(([size, groups]) => ({ size, groups })),
      nodeLinks: countBy(net.nodes.map((n) => n.degree)).map(([links, nodes]) => ({ links, nodes })),
    },
    mostConnected,
    components,
    named: components.flatMap((c) => (inView.has(c.index) ? [] : c.mostConnected.map((id) => byId.get(id)!))),
    view: { group: chosen, components: drawn },
    nodes,
    edges: net.edges.filter((e) => inView.has(byId.get(e.source)!.component)),
  };
}

/** Networks kept per data version: the last few periods asked for. */
const KEPT_NETWORKS = 4;

/** The whole network of the period, built once per data version (the last few periods kept). */
export async function loadNetwork(db: Database, period: Period): Promise<Network> {
  const version = await db.dataVersion();
  const kept = keptFor(db, 'networks', KEPT_NETWORKS);
  const key = `${period.date_from}/${period.date_to}`;
  const found = kept.get(version, key) as Promise<Network> | undefined;
  if (found) return found;
  const fresh = buildFrom(db, period);
  kept.set(version, key, fresh);
  // A failed build is not kept.
  fresh.catch(() => kept.get(version, key) === fresh && kept.delete(key));
  return fresh;
}

async function buildFrom(db: Database, period: Period): Promise<Network> {
  const [edgeRows, details] = await Promise.all([
    runProfileQuery(db, 'network#edges', period),
    runProfileQuery(db, 'network#node_details', period),
  ]);
  return buildNetwork(edgeRows as unknown as EdgeRow[], details as unknown as DetailRow[]);
}
