// The page frame: skip link, header with the product name and protective
// marking, navigation from the page registry, period bar, the data held
// (where it ends, which sources), <main>, footer.
import type { PageDef } from '../page.ts';
import { h } from './dom.ts';
import { currentSession, mayUse, sendJson } from '../api.ts';

export const PRODUCT = 'Problem Profiler';
export const MARKING = 'OFFICIAL-SENSITIVE';

export interface Shell {
  nav: HTMLElement;
  periodBar: HTMLElement;
  /** Where the data held ends and which sources are held, once per page (filled by the router). */
  heldBar: HTMLElement;
  main: HTMLElement;
  /** Marks the current page's link with aria-current and sets the links' query (the period). */
  updateNav(currentPath: string, query: string): void;
}

export function createShell(body: HTMLElement, pages: PageDef[]): Shell {
  const links = pages.filter((p) => p.nav).map((p) => ({ page: p, a: h('a', { href: p.path }, p.nav) }));
  const nav = h('nav', { class: 'site-nav', 'aria-label': 'Main' }, h('ul', {}, ...links.map((l) => h('li', {}, l.a))));
  const account = h('div', { class: 'account' });
  void showForRole(account, links);
  const periodBar = h('section', { class: 'period-bar', 'aria-label': 'Period' });
  const heldBar = h('section', { class: 'held-bar', 'aria-label': 'Data held' });
  const main = h('main', { id: 'main', tabindex: -1 });
  body.replaceChildren(
    h('a', { class: 'skip-link', href: '#main' }, 'Skip to main content'),
    h('header', { class: 'site-header' },
      h('div', { class: 'header-inner' },
        h('a', { class: 'product', href: '/' }, PRODUCT),
        h('div', { class: 'header-end' }, account, h('strong', { class: 'marking' }, MARKING))),
      nav),
    periodBar,
    heldBar,
    main,
    h('footer', { class: 'site-footer' },
      h('p', {}, h('strong', { class: 'marking' }, MARKING), ' Data about children: handle under your information-sharing agreement. Nothing on this page is loaded from outside this server.'),
      h('p', {}, 'Figures are counted as defined in the methodology. "Not recorded" is always shown as a category of its own.')));

  return {
    nav,
    periodBar,
    heldBar,
    main,
    updateNav(currentPath, query) {
      for (const { page, a } of links) {
        a.setAttribute('href', page.period === false ? page.path : page.path + query);
        if (page.path === currentPath) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
  };
}

/** Shows only the links the signed-in role may use, and who is signed in with a sign-out button. */
async function showForRole(account: HTMLElement, links: { page: PageDef; a: HTMLAnchorElement }[]): Promise<void> {
  const session = await currentSession();
  for (const { page, a } of links) (a.parentElement as HTMLElement).hidden = !session || !mayUse(session.role, page.access ?? 'aggregate');
  if (!session) return;
  const out = h('button', { type: 'button', class: 'sign-out' }, 'Sign out');
  out.addEventListener('click', () => {
    void sendJson('DELETE', '/api/session').finally(() => window.location.assign('/login'));
  });
  account.append(h('p', { class: 'signed-in' }, `Signed in as ${session.user} (${session.role}) `, out));
}
