// Sign-in page: username and password, then back to the page the user came
// from (?next=, same-site paths only). A full reload follows so the navigation
// shows what the new role may use.
import { ApiError, sendJson } from '../api.ts';
import { h, replaceChildren } from '../components/dom.ts';
import type { PageContext } from '../page.ts';

/** Only an in-app path may be the destination (never another site). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login') ? next : '/';
}

export function render(root: HTMLElement, ctx: PageContext): void {
  const status = h('div', { role: 'alert', class: 'login-status' });
  const username = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'login-form', novalidate: true },
    h('p', {}, h('label', { for: 'login-user' }, 'Username'), username),
    h('p', {}, h('label', { for: 'login-password' }, 'Password'), password),
    button,
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!username.value || !password.value) {
      replaceChildren(status, h('p', {}, 'Enter your username and password.'));
      return;
    }
    button.disabled = true;
    replaceChildren(status);
    try {
      await sendJson('POST', '/api/session', { username: username.value, password: password.value });
      window.location.assign(safeNext(ctx.params.get('next')));
    } catch (err) {
      password.value = '';
      const msg = err instanceof ApiError && err.status === 429
        ? 'Too many failed attempts. Wait a minute, then try again.'
        : err instanceof ApiError && err.status === 401
          ? 'Wrong username or password, or the account is disabled.'
          : err instanceof Error ? err.message : String(err);
      replaceChildren(status, h('p', { class: 'error-box' }, msg));
      button.disabled = false;
      password.focus();
    }
  });
  root.append(
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Problem Profiler holds OFFICIAL-SENSITIVE data. Sign in with the account your administrator gave you. Sessions end after a period of inactivity.'),
    form,
  );
  username.focus();
}
