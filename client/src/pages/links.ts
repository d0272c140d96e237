// Links (/links): the network of children, offenders and locations connected in
// the period (offender links and location reports), its connected groups, and
// the links of a chosen node. Pseudonymous ids only. The group shown (?group=)
// and the chosen node (?node=) are kept in the URL.
import { barChart } from '../charts/bar-chart.ts';
import { networkChart, nodeName, KIND_STYLE, type NetworkKind } from '../charts/network.ts';
import { dataTable } from '../components/data-table.ts';
import { h, replaceChildren } from '../components/dom.ts';
import { figure, chartWidth } from '../components/figure.ts';
import { loadInto } from '../components/status.ts';
import { formatCount } from '../format.ts';
import { codeLabel } from '../labels.ts';
import type { PageContext } from '../page.ts';

interface Node { id: string; kind: NetworkKind; label: string; detail: string | null; extra: string | null; degree: number; component: number }
interface Edge { source: string; target: string; weight: number }
interface Component { index: number; size: number; children: number; offenders: number; locations: number; edges: number; mostConnected: string[] }
interface NetworkAnswer { nodes: Node[]; edges: Edge[]; components: Component[] }

const kindName = (k: NetworkKind) => KIND_STYLE[k].name;
const KIND_PLURAL: Record<NetworkKind, string> = { child: 'Children', offender: 'Offenders', location: 'Locations' };

function describeNode(n: Node): string {
  const detail = n.kind === 'offender' ? [n.detail && `role ${codeLabel(n.detail)}`, n.extra && `group ${n.extra}`]
    : n.kind === 'location' ? [n.detail && codeLabel(n.detail), n.extra && `ward ${n.extra}`] : [];
  const parts = detail.filter(Boolean);
  return parts.length ? `${nodeName(n)} (${parts.join(', ')})` : nodeName(n);
}

function linksPanel(net: NetworkAnswer, byId: Map<string, Node>, id: string | null): globalThis.Node[] {
  const n = id ? byId.get(id) : undefined;
  if (!n) return [h('p', { class: 'note' }, 'Choose a node in the network (Tab to it and press Enter, or click it) to list its links here.')];
  const rows = net.edges.filter((e) => e.source === n.id || e.target === n.id).map((e) => {
    const other = byId.get(e.source === n.id ? e.target : e.source)!;
    return { kind: kindName(other.kind), id: other.label, detail: other.detail ?? '', records: e.weight, degree: other.degree };
  });
  return [
    h('p', {}, h('strong', {}, describeNode(n)), `, in group ${n.component + 1}.`),
    dataTable(rows, [
      { key: 'kind', label: 'Linked to' },
      { key: 'id', label: 'Id', rowHeader: true },
      { key: 'detail', label: 'Role or type', format: (v) => (v ? codeLabel(v) : '–') },
      { key: 'records', label: 'Links or reports', kind: 'count' },
      { key: 'degree', label: 'Its own links', kind: 'count' },
    ], { caption: `Links of ${kindName(n.kind).toLowerCase()} ${n.label} in the period` }),
  ];
}

function groupsTable(ctx: PageContext, net: NetworkAnswer, byId: Map<string, Node>): HTMLElement {
  return dataTable(net.components.map((c) => ({
    group: `Group ${c.index + 1}`, size: c.size, children: c.children, offenders: c.offenders, locations: c.locations,
    most: c.mostConnected.map((id) => { const n = byId.get(id)!; return `${n.label} (${kindName(n.kind).toLowerCase()}, ${n.degree})`; }).join('; '),
  })), [
    { key: 'group', label: 'Group' },
    { key: 'size', label: 'Nodes', kind: 'count' },
    { key: 'children', label: 'Children', kind: 'count' },
    { key: 'offenders', label: 'Offenders', kind: 'count' },
    { key: 'locations', label: 'Locations', kind: 'count' },
    { key: 'most', label: 'Most connected (links)' },
  ], { caption: `Connected groups, ${ctx.periodLabel}` });
}

/** Count of items per band (a band list in order; every band shown, zeros included). */
function banded<T>(items: T[], bands: [string, (x: T) => boolean][]): { key: string; count: number }[] {
  return bands.map(([key, inBand]) => ({ key, count: items.filter(inBand).length }));
}

/** Three summaries of the network, each a bar chart with its table. */
function summaryFigures(ctx: PageContext, net: NetworkAnswer): HTMLElement[] {
  const make = (rows: { key: string; count: number }[], caption: string, number: number, category: string, countLabel: string) =>
    figure(
      barChart(rows, { ariaLabel: `Bar chart: ${caption}`, xLabel: countLabel, yLabel: category, label: (k) => k }),
      dataTable(rows, [{ key: 'key', label: category }, { key: 'count', label: countLabel, kind: 'count' }], { caption }),
      { caption, number },
    );
  const kinds = (Object.keys(KIND_PLURAL) as NetworkKind[]).map((k) => ({ key: KIND_PLURAL[k], count: net.nodes.filter((n) => n.kind === k).length }));
  const sizes = banded(net.components, [
    ['2 nodes', (c) => c.size === 2], ['3 to 5 nodes', (c) => c.size >= 3 && c.size <= 5],
    ['6 to 10 nodes', (c) => c.size >= 6 && c.size <= 10], ['11 to 50 nodes', (c) => c.size >= 11 && c.size <= 50], ['Over 50 nodes', (c) => c.size > 50],
  ]);
  const degrees = banded(net.nodes, [
    ['1 link', (n) => n.degree === 1], ['2 links', (n) => n.degree === 2], ['3 or 4 links', (n) => n.degree >= 3 && n.degree <= 4],
    ['5 to 9 links', (n) => n.degree >= 5 && n.degree <= 9], ['10 links or more', (n) => n.degree >= 10],
  ]);
  return [
    make(kinds, `Nodes in the network by kind, ${ctx.periodLabel}`, 2, 'Kind', 'Number of nodes'),
    make(sizes, `Connected groups by size, ${ctx.periodLabel}`, 3, 'Group size', 'Number of groups'),
    make(degrees, `Nodes by number of links, ${ctx.periodLabel}`, 4, 'Links', 'Number of nodes'),
  ];
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const body = h('div', { class: 'section-body' });
  root.append(
    h('h1', {}, `Links, ${ctx.periodLabel}`),
    h('p', { class: 'lede' }, `Children, offenders and locations connected by offender links made and location reports made in ${ctx.periodLabel}. Ids are the pseudonymous ids of the extracts. A connected group is every node reachable from another through links.`),
    body,
  );
  await loadInto(body, 'the network', async () => {
    const net = await ctx.getJson<NetworkAnswer>('/api/profiles/network', { from: ctx.period.from, to: ctx.period.to });
    const byId = new Map(net.nodes.map((n) => [n.id, n]));
    const groupParam = ctx.params.get('group');
    const group = groupParam !== null && /^\d+$/.test(groupParam) && Number(groupParam) >= 1 && Number(groupParam) <= net.components.length ? Number(groupParam) - 1 : null;
    const nodes = group === null ? net.nodes : net.nodes.filter((n) => n.component === group);
    const shown = new Set(nodes.map((n) => n.id));
    const edges = net.edges.filter((e) => shown.has(e.source));
    let selected = ctx.params.get('node');
    if (selected !== null && !shown.has(selected)) selected = null;

    const counts = (k: NetworkKind) => formatCount(net.nodes.filter((n) => n.kind === k).length);
    const summary = h('p', {}, `${counts('child')} children, ${counts('offender')} offenders and ${counts('location')} locations in ${formatCount(net.components.length)} connected groups.`);
    if (net.nodes.length === 0) return [summary, h('p', { class: 'note' }, 'No links or location reports in this period.')];

    const select = h('select', { id: 'network-group', name: 'group' },
      h('option', { value: '', selected: group === null }, 'All groups'),
      ...net.components.map((c) => h('option', { value: String(c.index + 1), selected: group === c.index }, `Group ${c.index + 1} (${c.size} nodes)`)));
    select.addEventListener('change', () => ctx.setParams({ group: select.value || null, node: null }));
    const chartSlot = h('div', {});
    const panel = h('div', { 'aria-live': 'polite', class: 'network-links' });
    const caption = group === null ? `Network of links, ${ctx.periodLabel}` : `Network of links, group ${group + 1}, ${ctx.periodLabel}`;

    const draw = (focusId: string | null) => {
      const chart = networkChart(nodes, edges, {
        ariaLabel: `${caption}: ${nodes.length} nodes and ${edges.length} links. Each node is a button listing its links.`,
        width: chartWidth(body) ?? 720,
        height: 520,
        selected,
        onSelect: (n) => {
          selected = n.id;
          ctx.setParams({ node: n.id }, { replace: true, silent: true });
          draw(n.id);
        },
      });
      replaceChildren(chartSlot, figure(chart, groupsTable(ctx, net, byId), { caption, number: 1 }));
      replaceChildren(panel, ...linksPanel(net, byId, selected));
      if (focusId) (chart.querySelector(`g[data-id="${CSS.escape(focusId)}"]`) as SVGGElement | null)?.focus();
    };
    draw(null);

    const top = [...nodes].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1)).slice(0, 15);
    const topTable = dataTable(top.map((n) => ({ kind: kindName(n.kind), id: n.label, degree: n.degree, group: `Group ${n.component + 1}` })), [
      { key: 'kind', label: 'Kind' },
      { key: 'id', label: 'Id', rowHeader: true },
      { key: 'degree', label: 'Links', kind: 'count' },
      { key: 'group', label: 'Group' },
    ], { caption: `Most connected nodes, ${ctx.periodLabel}` });
    return [
      summary,
      h('div', { class: 'field' }, h('label', { for: 'network-group' }, 'Show'), select),
      chartSlot,
      h('section', { 'aria-labelledby': 'node-h' }, h('h2', { id: 'node-h' }, 'Links of the chosen node'), panel),
      h('section', { 'aria-labelledby': 'top-h' }, h('h2', { id: 'top-h' }, 'Most connected nodes'), topTable),
      h('section', { 'aria-labelledby': 'shape-h' }, h('h2', { id: 'shape-h' }, 'Shape of the network'), h('div', { class: 'figures' }, ...summaryFigures(ctx, net))),
    ];
  });
}
