// Links (/links): the network of children, offenders and locations connected in
// the period (offender links and location reports), its connected groups, and
// the links of a chosen node. Pseudonymous ids only. The API summarises the
// whole network and gives the nodes and links of one view: the group chosen
// (?group=) or the largest groups up to a node budget; the chart draws that view
// only. The group and the chosen node (?node=) are kept in the URL.
import { barChart } from '../charts/bar-chart.ts';
import { layoutNetwork, networkChart, nodeName, KIND_STYLE, type NetworkKind } from '../charts/network.ts';
import { dataTable } from '../components/data-table.ts';
import { h, replaceChildren } from '../components/dom.ts';
import { figure, chartWidth } from '../components/figure.ts';
import { loadInto } from '../components/status.ts';
import { formatCount } from '../format.ts';
import { codeLabel } from '../labels.ts';
import type { PageContext } from '../page.ts';
import { mergeQuery } from '../url-state.ts';

interface Node { id: string; kind: NetworkKind; label: string; detail: string | null; extra: string | null; degree: number; component: number }
interface Edge { source: string; target: string; weight: number }
interface Component { index: number; size: number; children: number; offenders: number; locations: number; edges: number; mostConnected: string[] }
interface Summary {
  nodes: number; edges: number; groups: number; children: number; offenders: number; locations: number;
  groupSizes: { size: number; groups: number }[];
  nodeLinks: { links: number; nodes: number }[];
}
interface NetworkAnswer {
  summary: Summary;
  mostConnected: Node[];
  components: Component[];
  named: Node[];
  view: { group: number | null; components: Component[] };
  nodes: Node[];
  edges: Edge[];
}

const kindName = (k: NetworkKind) => KIND_STYLE[k].name;
const KIND_PLURAL: Record<NetworkKind, string> = { child: 'Children', offender: 'Offenders', location: 'Locations' };

/** This page with other URL parameters changed. */
const pageHref = (patch: Record<string, string | null>) => window.location.pathname + mergeQuery(window.location.search, patch);
/** An in-app link to this page with other URL parameters changed. */
const pageLink = (patch: Record<string, string | null>, text: string) => h('a', { href: pageHref(patch) }, text);
/** This page showing one group alone. */
const groupHref = (group: string) => pageHref({ group, node: null });

function describeNode(n: Node): string {
  const detail = n.kind === 'offender' ? [n.detail && `role ${codeLabel(n.detail)}`, n.extra && `group ${n.extra}`]
    : n.kind === 'location' ? [n.detail && codeLabel(n.detail), n.extra && `ward ${codeLabel(n.extra)}`] : [];
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
  const group = n.component + 1;
  return [
    h('p', {}, h('strong', {}, describeNode(n)), `, in group ${group}.`,
      ...(net.view.group === null ? [' ', pageLink({ group: String(group), node: n.id }, `Show group ${group} alone.`)] : [])),
    dataTable(rows, [
      { key: 'kind', label: 'Linked to' },
      { key: 'id', label: 'Id', rowHeader: true },
      { key: 'detail', label: 'Role or type', format: (v) => (v ? codeLabel(v) : '–') },
      { key: 'records', label: 'Links or reports', kind: 'count' },
      { key: 'degree', label: 'Its own links', kind: 'count' },
    ], { caption: `Links of ${kindName(n.kind).toLowerCase()} ${n.label} in the period`, search: { label: 'Find by pseudonymous id', keys: ['id'] } }),
  ];
}

function groupsTable(components: Component[], byId: Map<string, Node>, caption: string): HTMLElement {
  return dataTable(components.map((c) => ({
    group: `Group ${c.index + 1}`, number: c.index + 1, size: c.size, children: c.children, offenders: c.offenders, locations: c.locations,
    most: c.mostConnected.map((id) => { const n = byId.get(id)!; return `${n.label} (${kindName(n.kind).toLowerCase()}, ${n.degree})`; }).join('; '),
  })), [
    { key: 'group', label: 'Group', href: (r) => groupHref(String(r.number)) },
    { key: 'size', label: 'Nodes', kind: 'count' },
    { key: 'children', label: 'Children', kind: 'count' },
    { key: 'offenders', label: 'Offenders', kind: 'count' },
    { key: 'locations', label: 'Locations', kind: 'count' },
    { key: 'most', label: 'Most connected (links)' },
  ], { caption });
}

/** Sum of counts per band of values (every band shown, zeros included). */
function banded(counts: [number, number][], bands: [string, (v: number) => boolean][]): { key: string; count: number }[] {
  return bands.map(([key, inBand]) => ({ key, count: counts.reduce((s, [v, n]) => s + (inBand(v) ? n : 0), 0) }));
}

/** Three summaries of the whole network, each a bar chart with its table. */
function summaryFigures(ctx: PageContext, s: Summary): HTMLElement[] {
  const make = (rows: { key: string; count: number }[], caption: string, number: number, category: string, countLabel: string) =>
    figure(
      barChart(rows, { ariaLabel: `Bar chart: ${caption}`, xLabel: countLabel, yLabel: category, label: (k) => k }),
      dataTable(rows, [{ key: 'key', label: category }, { key: 'count', label: countLabel, kind: 'count' }], { caption }),
      { caption, number },
    );
  const kinds = [{ key: KIND_PLURAL.child, count: s.children }, { key: KIND_PLURAL.offender, count: s.offenders }, { key: KIND_PLURAL.location, count: s.locations }];
  const sizes = banded(s.groupSizes.map((g) => [g.size, g.groups]), [
    ['2 nodes', (v) => v === 2], ['3 to 5 nodes', (v) => v >= 3 && v <= 5],
    ['6 to 10 nodes', (v) => v >= 6 && v <= 10], ['11 to 50 nodes', (v) => v >= 11 && v <= 50], ['Over 50 nodes', (v) => v > 50],
  ]);
  const degrees = banded(s.nodeLinks.map((d) => [d.links, d.nodes]), [
    ['1 link', (v) => v === 1], ['2 links', (v) => v === 2], ['3 or 4 links', (v) => v >= 3 && v <= 4],
    ['5 to 9 links', (v) => v >= 5 && v <= 9], ['10 links or more', (v) => v >= 10],
  ]);
  return [
    make(kinds, `Nodes in the network by kind, ${ctx.periodLabel}`, 2, 'Kind', 'Number of nodes'),
    make(sizes, `Connected groups by size, ${ctx.periodLabel}`, 3, 'Group size', 'Number of groups'),
    make(degrees, `Nodes by number of links, ${ctx.periodLabel}`, 4, 'Links', 'Number of nodes'),
  ];
}

/** What the chart draws, in words. */
function viewText(net: NetworkAnswer): string {
  const { summary: s, view } = net;
  if (view.group !== null) return `The chart shows group ${view.group + 1} alone (${formatCount(net.nodes.length)} nodes).`;
  const k = view.components.length;
  if (k === s.groups) return `The chart shows all ${formatCount(k)} groups (${formatCount(s.nodes)} nodes).`;
  const which = k === 1 ? 'the largest group' : `the ${formatCount(k)} largest groups`;
  return `The chart shows ${which} (${formatCount(net.nodes.length)} of ${formatCount(s.nodes)} nodes); choose a group to see it alone.`;
}

/** Group number input (1 to the number of groups) with a Show button, and a way back to the largest groups. */
function groupChooser(ctx: PageContext, net: NetworkAnswer): HTMLElement {
  const max = net.summary.groups;
  const input = h('input', {
    id: 'network-group', name: 'group', type: 'number', min: 1, max, step: 1, required: true, inputmode: 'numeric',
    value: net.view.group === null ? '' : String(net.view.group + 1),
  });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'filters', 'aria-label': 'Group shown', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'network-group' }, `Group number (1 to ${formatCount(max)})`), input),
    h('button', { type: 'submit' }, 'Show'),
    net.view.group === null ? null : pageLink({ group: null, node: null }, 'Show the largest groups'),
    error);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = input.value.trim();
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
      error.textContent = `The group number must be a whole number from 1 to ${formatCount(max)}.`;
      return;
    }
    ctx.setParams({ group: v, node: null });
  });
  return form;
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const body = h('div', { class: 'section-body' });
  root.append(
    h('h1', {}, `Links, ${ctx.periodLabel}`),
    h('p', { class: 'lede' }, `Children, offenders and locations connected by offender links made and location reports made in ${ctx.periodLabel}. Ids are the pseudonymous ids of the extracts. A connected group is every node reachable from another through links.`),
    body,
  );
  await loadInto(body, 'the network', async () => {
    const asked = ctx.params.get('group');
    const wellFormed = asked !== null && /^[1-9]\d{0,8}$/.test(asked);
    const net = await ctx.getJson<NetworkAnswer>('/api/profiles/network', { from: ctx.period.from, to: ctx.period.to, group: wellFormed ? asked : undefined });
    const s = net.summary;
    // A group the period does not have (e.g. kept from another period): the API draws the largest groups.
    const notice = asked !== null && net.view.group === null
      ? h('p', { class: 'note', role: 'status' }, `There is no group ${asked} in this period, which has ${formatCount(s.groups)} groups.`) : null;
    const summary = h('p', {}, `${formatCount(s.children)} children, ${formatCount(s.offenders)} offenders and ${formatCount(s.locations)} locations in ${formatCount(s.groups)} connected groups.`);
    if (s.nodes === 0) return [summary, h('p', { class: 'note' }, 'No links or location reports in this period.')];

    const byId = new Map([...net.named, ...net.mostConnected, ...net.nodes].map((n) => [n.id, n]));
    const drawn = new Set(net.nodes.map((n) => n.id));
    let selected = ctx.params.get('node');
    if (selected !== null && !drawn.has(selected)) selected = null;

    const chartSlot = h('div', {});
    const panel = h('div', { 'aria-live': 'polite', class: 'network-links' });
    const { group, components: shown } = net.view;
    const caption = group !== null ? `Network of links, group ${group + 1}, ${ctx.periodLabel}`
      : shown.length === s.groups ? `Network of links, ${ctx.periodLabel}`
        : `Network of links, the ${shown.length === 1 ? 'largest group' : `${formatCount(shown.length)} largest groups`}, ${ctx.periodLabel}`;
    const layout = layoutNetwork(net.nodes, net.edges);
    const draw = (focusId: string | null) => {
      const chart = networkChart(net.nodes, net.edges, {
        ariaLabel: `${caption}: ${net.nodes.length} nodes and ${net.edges.length} links. Each node is a button listing its links.`,
        width: chartWidth(body) ?? 720,
        height: 520,
        layout,
        selected,
        onSelect: (n) => {
          selected = n.id;
          ctx.setParams({ node: n.id }, { replace: true, silent: true });
          draw(n.id);
        },
      });
      replaceChildren(chartSlot, figure(chart, groupsTable(shown, byId, `Groups drawn in figure 1, ${ctx.periodLabel}`), { caption, number: 1 }));
      replaceChildren(panel, ...linksPanel(net, byId, selected));
      if (focusId) (chart.querySelector(`g[data-id="${CSS.escape(focusId)}"]`) as SVGGElement | null)?.focus();
    };
    draw(null);

    const listed = net.components.length;
    const groupsCaption = listed === s.groups ? `Connected groups, ${ctx.periodLabel}`
      : `The ${formatCount(listed)} largest of ${formatCount(s.groups)} connected groups, ${ctx.periodLabel}`;
    const topTable = dataTable(net.mostConnected.map((n) => ({ kind: kindName(n.kind), id: n.label, node: n.id, degree: n.degree, group: `Group ${n.component + 1}` })), [
      { key: 'kind', label: 'Kind' },
      // Each row leads to the links (records) behind it.
      { key: 'id', label: 'Id', rowHeader: true, href: (r) => pageHref({ node: String(r.node) }) },
      { key: 'degree', label: 'Links', kind: 'count' },
      { key: 'group', label: 'Group' },
    ], { caption: `Most connected nodes, ${ctx.periodLabel}`, search: { label: 'Find by pseudonymous id', keys: ['id'] } });
    return [
      summary,
      notice,
      h('p', {}, viewText(net)),
      groupChooser(ctx, net),
      chartSlot,
      h('section', { 'aria-labelledby': 'node-h' }, h('h2', { id: 'node-h' }, 'Links of the chosen node'), panel),
      h('section', { 'aria-labelledby': 'groups-h' }, h('h2', { id: 'groups-h' }, 'Connected groups'),
        h('p', { class: 'note' }, 'Enter a group\'s number above to draw it alone.'), groupsTable(net.components, byId, groupsCaption)),
      h('section', { 'aria-labelledby': 'top-h' }, h('h2', { id: 'top-h' }, 'Most connected nodes'), topTable),
      h('section', { 'aria-labelledby': 'shape-h' }, h('h2', { id: 'shape-h' }, 'Shape of the network'), h('div', { class: 'figures' }, ...summaryFigures(ctx, s))),
    ].filter((x): x is HTMLElement => x !== null);
  });
}
