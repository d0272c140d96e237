// The links network of a period: nodes (children, offenders, locations), edges
// from sql/profiles/network.sql, and its connected groups found by union–find.
import type { Database } from '../db.ts';
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

/** Connected components by union–find with path halving; returns each node's root. */
export function connectedComponents(ids: string[], pairs: [string, string][]): Map<string, string> {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let p = parent.get(x)!;
    while (p !== x) {
      const gp = parent.get(p)!;
      parent.set(x, gp);
      x = gp;
      p = parent.get(x)!;
    }
    return x;
  };
  for (const [a, b] of pairs) {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  return new Map(ids.map((id) => [id, find(id)]));
}

/**
 * Builds the network from edge rows. Components are ordered by size (largest
 * first, then most children, then smallest node id) and numbered from 0.
 */
export function buildNetwork(edgeRows: EdgeRow[], details: DetailRow[]): Network {
  const detailOf = new Map(details.map((d) => [nodeId(d.kind, d.id), d]));
  const nodes = new Map<string, { kind: NodeKind; label: string; degree: number }>();
  const touch = (kind: NodeKind, label: string) => {
    const id = nodeId(kind, label);
    const n = nodes.get(id) ?? { kind, label, degree: 0 };
    n.degree += 1;
    nodes.set(id, n);
    return id;
  };
  const edges: NetworkEdge[] = edgeRows.map((r) => ({
    source: touch(r.source_kind, r.source),
    target: touch(r.target_kind, r.target),
    weight: Number(r.weight),
  }));
  const ids = [...nodes.keys()].sort();
  const root = connectedComponents(ids, edges.map((e) => [e.source, e.target]));

  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = root.get(id)!;
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  const count = (members: string[], kind: NodeKind) => members.filter((m) => nodes.get(m)!.kind === kind).length;
  const ordered = [...groups.values()].sort(
    (a, b) => b.length - a.length || count(b, 'child') - count(a, 'child') || (a[0] < b[0] ? -1 : 1),
  );
  const componentOf = new Map<string, number>();
  const components: NetworkComponent[] = ordered.map((members, index) => {
    for (const m of members) componentOf.set(m, index);
    const byDegree = [...members].sort((a, b) => nodes.get(b)!.degree - nodes.get(a)!.degree || (a < b ? -1 : 1));
    return {
      index,
      size: members.length,
      children: count(members, 'child'),
      offenders: count(members, 'offender'),
      locations: count(members, 'location'),
      edges: 0,
      mostConnected: byDegree.slice(0, 3),
    };
  });
  for (const e of edges) components[componentOf.get(e.source)!].edges += 1;

  return {
    nodes: ids.map((id) => {
      const n = nodes.get(id)!;
      const d = detailOf.get(id);
      return { id, kind: n.kind, label: n.label, detail: d?.detail ?? null, extra: d?.extra ?? null, degree: n.degree, component: componentOf.get(id)! };
    }),
    edges,
    components,
  };
}

export async function loadNetwork(db: Database, period: Period): Promise<Network> {
  const [edgeRows, details] = await Promise.all([
    runProfileQuery(db, 'network#edges', period),
    runProfileQuery(db, 'network#node_details', period),
  ]);
  return buildNetwork(edgeRows as unknown as EdgeRow[], details as unknown as DetailRow[]);
}
