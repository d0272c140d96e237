// Admin: accounts. Lists users, adds one (password generated and shown once
// unless typed), disables or enables one, resets a password.
import { getJson, sendJson } from '../api.ts';
import { h, replaceChildren } from '../components/dom.ts';
import { errorBox, loadInto } from '../components/status.ts';
import { formatDateTime } from '../format.ts';
import { dataTable, type Row } from '../components/data-table.ts';
import type { PageContext } from '../page.ts';

interface UserRow {
  username: string;
  role: string;
  disabled: boolean;
  created_at: string;
  password_set_at: string;
}

const ROLES: [string, string][] = [
  ['analyst', 'Analyst – every figure and record list'],
  ['viewer', 'Viewer – strategic sub-group: figures with small numbers withheld'],
  ['partner', 'Partner – hotspot maps and shared exports, small numbers withheld'],
  ['admin', 'Admin – accounts, imports, audit, and everything an analyst sees'],
];

export function render(root: HTMLElement, _ctx: PageContext): void {
  const notice = h('div', { role: 'status', class: 'admin-notice' });
  const list = h('section', { 'aria-labelledby': 'users-h' });
  const show = (text: string, secret?: string) =>
    replaceChildren(notice, h('p', {}, text), secret ? h('p', {}, 'Password (shown only now): ', h('code', {}, secret)) : null);

  const act = async (work: () => Promise<{ password?: string }>, done: string) => {
    try {
      const r = await work();
      show(done, r.password);
      void refresh();
    } catch (e) {
      replaceChildren(notice, errorBox(e));
    }
  };

  const refresh = () =>
    loadInto(list, 'the accounts', async () => {
      const { users } = await getJson<{ users: UserRow[] }>('/api/users');
      const rows = users.map((u) => ({ ...u, state: u.disabled ? 'disabled' : 'active', set: formatDateTime(u.password_set_at) }));
      const controls = (r: Row) => {
        const u = r as unknown as UserRow;
        return h('span', { class: 'row-actions' },
          actionButton(u.disabled ? 'Enable' : 'Disable', `${u.disabled ? 'Enable' : 'Disable'} ${u.username}`, () =>
            act(() => sendJson('POST', `/api/users/${encodeURIComponent(u.username)}/${u.disabled ? 'enable' : 'disable'}`), `${u.username} ${u.disabled ? 'enabled' : 'disabled'}.`)),
          actionButton('Reset password', `Reset password for ${u.username}`, () =>
            act(() => sendJson('POST', `/api/users/${encodeURIComponent(u.username)}/reset-password`, {}), `New password set for ${u.username}; their sessions were ended.`)));
      };
      return [
        h('h2', { id: 'users-h' }, 'Accounts'),
        dataTable(rows, [
          { key: 'username', label: 'User' },
          { key: 'role', label: 'Role' },
          { key: 'state', label: 'State' },
          { key: 'set', label: 'Password set (UK time)', sortValue: (r) => String(r.password_set_at) },
          { key: 'actions', label: 'Actions', controls },
        ], { caption: 'Accounts and their roles' }),
      ];
    });

  const name = h('input', { id: 'new-user', name: 'username', required: true, autocomplete: 'off', autocapitalize: 'none' });
  const role = h('select', { id: 'new-role', name: 'role' }, ...ROLES.map(([v, label]) => h('option', { value: v }, label)));
  const password = h('input', { id: 'new-password', name: 'password', type: 'password', autocomplete: 'new-password' });
  const form = h('form', { class: 'admin-form' },
    h('h2', {}, 'Add an account'),
    h('div', { class: 'field' }, h('label', { for: 'new-user' }, 'Username'), name),
    h('div', { class: 'field' }, h('label', { for: 'new-role' }, 'Role'), role),
    h('div', { class: 'field' }, h('label', { for: 'new-password' }, 'Password (leave empty to generate one)'), password),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add account')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { username: name.value, role: role.value, ...(password.value ? { password: password.value } : {}) };
    void act(() => sendJson('POST', '/api/users', body), `Added ${name.value.trim().toLowerCase()} (${role.value}).`).then(() => {
      name.value = '';
      password.value = '';
    });
  });

  root.append(h('h1', {}, 'Users'), notice, list, form);
  void refresh();
}

function actionButton(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'secondary', 'aria-label': label }, text);
  b.addEventListener('click', onClick);
  return b;
}
