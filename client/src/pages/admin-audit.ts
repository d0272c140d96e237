// Admin: the audit trail, filtered by user, event, route and dates (all in the
// URL), with a CSV download of the same entries and the hash-chain check.
import { apiUrl, getJson } from '../api.ts';
import { h } from '../components/dom.ts';
import { loadInto } from '../components/status.ts';
import { dataTable, type Row } from '../components/data-table.ts';
import { formatDateTime } from '../format.ts';
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
    h('div', { class: 'field' }, h('label', { for: `audit-${name}` }, label), h('input', { id: `audit-${name}`, name, type, value: filter[name] ?? '' }));
  const event = h('select', { id: 'audit-event', name: 'event' }, ...EVENTS.map((e) => h('option', { value: e, selected: e === (filter.event ?? '') }, e || 'any')));
  const form = h('form', { class: 'filters audit-filter', 'aria-label': 'Filter the audit trail' },
    input('username', 'User'),
    h('div', { class: 'field' }, h('label', { for: 'audit-event' }, 'Event'), event),
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
    const rows: Row[] = entries.map((e) => ({
      seq: e.seq,
      when: formatDateTime(e.logged_at),
      logged_at: e.logged_at,
      username: e.username,
      role: e.role,
      event: e.event,
      request: e.method && e.route ? `${e.method} ${e.route}` : e.route,
      params: e.params,
      status: e.status === null ? null : String(e.status),
      rows_returned: e.rows_returned === null ? null : String(e.rows_returned),
      file_hash: e.file_hash ? `${e.file_hash.slice(0, 16)}…` : null,
      details: e.details,
    }));
    return [
      h('h2', { id: 'audit-h' }, `${entries.length} entries, newest first`),
      h('p', {}, h('a', { href: apiUrl('/api/audit.csv', filter), download: 'audit.csv' }, 'Download these entries as CSV (every field, UTC)')),
      // Long values (parameters, details) wrap inside their cells.
      h('div', { class: 'audit-table' }, dataTable(rows, [
        { key: 'seq', label: '#', kind: 'count' },
        { key: 'when', label: 'When (UK time)', sortValue: (r) => String(r.logged_at) },
        { key: 'username', label: 'User' },
        { key: 'role', label: 'Role' },
        { key: 'event', label: 'Event' },
        { key: 'request', label: 'Request' },
        { key: 'params', label: 'Parameters' },
        { key: 'status', label: 'Status' },
        { key: 'rows_returned', label: 'Rows', sortValue: (r) => (r.rows_returned === null ? null : Number(r.rows_returned)) },
        { key: 'file_hash', label: 'File SHA-256' },
        { key: 'details', label: 'Details' },
      ], { caption: 'Audit trail entries' })),
    ];
  });
}
