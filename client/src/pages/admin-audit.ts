// Admin: the audit trail, filtered by user, event, route and dates (all in the
// URL), with a CSV download of the same entries and the hash-chain check.
import { apiUrl, getJson } from '../api.ts';
import { h } from '../components/dom.ts';
import { loadInto } from '../components/status.ts';
import type { PageContext } from '../page.ts';
import type { AuditFields } from '../../../server/audit/chain.ts';
import { AUDIT_EVENTS } from '../audit-events.ts';

// The server's type of an entry (type-only import: nothing of the server is bundled).
type Entry = AuditFields;

const EVENTS = ['', ...AUDIT_EVENTS];
const FILTERS = ['username', 'event', 'route', 'from', 'to'] as const;

export function render(root: HTMLElement, ctx: PageContext): void {
  const filter = Object.fromEntries(FILTERS.map((f) => [f, ctx.params.get(f) ?? undefined]));
  const input = (name: string, label: string, type = 'text') =>
    h('p', {}, h('label', { for: `audit-${name}` }, label), h('input', { id: `audit-${name}`, name, type, value: filter[name] ?? '' }));
  const event = h('select', { id: 'audit-event', name: 'event' }, ...EVENTS.map((e) => h('option', { value: e, selected: e === (filter.event ?? '') }, e || 'any')));
  const form = h('form', { class: 'audit-filter' },
    input('username', 'User'),
    h('p', {}, h('label', { for: 'audit-event' }, 'Event'), event),
    input('route', 'Route contains'),
    input('from', 'From', 'date'),
    input('to', 'To', 'date'),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    ctx.setParams(Object.fromEntries(FILTERS.map((f) => [f, String(data.get(f) ?? '') || null])));
  });

  const chain = h('section', { 'aria-label': 'Chain check' });
  const table = h('section', { 'aria-labelledby': 'audit-h' });
  root.append(h('h1', {}, 'Audit trail'), form, chain, table);

  void loadInto(chain, 'the chain check', async () => {
    const r = await getJson<{ ok: boolean; entries: number; head?: string; brokenAt?: number; reason?: string }>('/api/audit/verify');
    return h('p', { class: r.ok ? 'note' : 'error-box' },
      r.ok ? `Hash chain intact over ${r.entries} entries (head ${r.head?.slice(0, 16)}…).` : `Hash chain broken at entry ${r.brokenAt}: ${r.reason}.`);
  });
  void loadInto(table, 'the audit trail', async () => {
    const { entries } = await getJson<{ entries: Entry[] }>('/api/audit', filter);
    const cell = (v: unknown) => h('td', {}, v === null || v === undefined ? '' : String(v));
    return [
      h('h2', { id: 'audit-h' }, `${entries.length} entries, newest first`),
      h('p', {}, h('a', { href: apiUrl('/api/audit.csv', filter), download: 'audit.csv' }, 'Download these entries as CSV')),
      h('table', {},
        h('caption', {}, 'Audit trail entries'),
        h('thead', {}, h('tr', {}, ...['#', 'When (UTC)', 'User', 'Role', 'Event', 'Request', 'Parameters', 'Status', 'Rows', 'File SHA-256', 'Details'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...entries.map((e) =>
          h('tr', {},
            h('th', { scope: 'row' }, String(e.seq)),
            cell(e.logged_at.replace('T', ' ').slice(0, 19)),
            cell(e.username), cell(e.role), cell(e.event),
            cell(e.method && e.route ? `${e.method} ${e.route}` : e.route),
            cell(e.params), cell(e.status), cell(e.rows_returned), cell(e.file_hash), cell(e.details))))),
    ];
  });
}
