// Client-side routing on the History API: in-app links change the URL without a
// reload, back/forward work, and any URL (reloaded or shared) renders the same page.
import { getJson } from './api.ts';
import { createPeriodPicker } from './components/period-picker.ts';
import type { Shell } from './components/shell.ts';
import { h, replaceChildren } from './components/dom.ts';
import { errorBox } from './components/status.ts';
import { loadContext } from './context.ts';
import { addContents } from './components/contents.ts';
import { setPageFacts } from './components/download-context.ts';
import type { PageContext, PageDef } from './page.ts';
import { defaultPeriod, periodFromParams, periodLabel, previousPeriod, todayIso, type Period } from './period.ts';
import { loadRole, mayRead, onPublicationGrid, toPublicationGrid } from './audience.ts';
import { heldLines, isHeld, noDataHeld } from './held.ts';
import { PRODUCT } from './components/shell.ts';
import { currentParams, mergeQuery, navigate, onUrlChange, serialiseQuery, setParams } from './url-state.ts';

export function normalisePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export function findPage(pages: PageDef[], path: string): PageDef | undefined {
  const p = normalisePath(path);
  return pages.find((d) => d.path === p);
}

/** Follows same-origin links inside the app without reloading. */
function interceptLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  });
}

export function startRouter(shell: Shell, pages: PageDef[]): void {
  let controller: AbortController | null = null;
  let lastPath: string | null = null;
  const picker = createPeriodPicker((p) => setParams({ from: p.from, to: p.to }));
  shell.periodBar.append(picker.element);

  const render = async () => {
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
    const path = normalisePath(window.location.pathname);
    const def = findPage(pages, path);
    const usesPeriod = def?.period !== false;

    // The role decides what the picker offers (viewers and partners: financial years only).
    await loadRole();
    if (ctrl.signal.aborted) return;
    picker.restrict(onPublicationGrid());
    let params = currentParams();
    let period = periodFromParams(params);
    if (!period) {
      period = defaultPeriod(todayIso());
      if (usesPeriod) {
        // Fill in the default so the address reproduces this view later.
        navigate(path + mergeQuery(window.location.search, { from: period.from, to: period.to }), { replace: true, silent: true });
        params = currentParams();
      }
    }
    document.title = `${def ? def.title : 'Page not found'} – ${PRODUCT}`;

    const root = h('div', { class: 'page' });
    replaceChildren(shell.main, root);
    const pathChanged = lastPath !== null && lastPath !== path;
    lastPath = path;
    if (pathChanged) shell.main.focus();
    const showChrome = (p: Period) => {
      picker.update(p, previousPeriod(p));
      shell.periodBar.hidden = !usesPeriod || !def;
      shell.updateNav(path, serialiseQuery(new URLSearchParams({ from: p.from, to: p.to })));
    };
    showChrome(period);
    shell.heldBar.hidden = true;
    if (!def) {
      root.append(h('h1', {}, 'Page not found'), h('p', {}, 'There is no page at this address. ', h('a', { href: '/' }, 'Go to the overview.')));
      return;
    }
    // Busy until render() settles; sections still loading carry their own aria-busy
    // (so "no [aria-busy]" means fully rendered, for tests and the benchmark).
    root.setAttribute('aria-busy', 'true');
    try {
      // Ward names are installed before the page draws a label.
      const [mod] = await Promise.all([def.load(), loadContext()]);
      if (ctrl.signal.aborted) return;
      // Viewers and partners: an address off the publication grid is brought onto it, with a notice.
      let notice: string | null = null;
      if (usesPeriod && onPublicationGrid()) {
        const fix = toPublicationGrid(period, params, mod.offGrid ?? []);
        if (fix.notice) {
          notice = fix.notice;
          navigate(path + mergeQuery(window.location.search, fix.patch), { replace: true, silent: true });
          params = currentParams();
          period = periodFromParams(params) ?? period;
          showChrome(period);
        }
      }
      const previous = previousPeriod(period);
      if (usesPeriod) {
        replaceChildren(shell.heldBar, h('div', { class: 'held-inner' }, ...heldLines(period, mod.extracts ?? [])));
        shell.heldBar.hidden = false;
      }
      // A page the role does not cover says so (the navigation does not offer it), rather than show the refusal.
      if (def.access !== 'public' && !mayRead(def.access ?? 'aggregate')) {
        root.append(h('h1', {}, def.title), h('p', {}, `This page is not shared with your role. `, h('a', { href: '/hotspots' }, 'Go to the hot spot maps.')));
        return;
      }
      setPageFacts(def.title, usesPeriod ? period : null, usesPeriod ? periodLabel(period) : '', params);
      const ctx: PageContext = {
        period,
        previous,
        periodLabel: periodLabel(period),
        previousLabel: periodLabel(previous),
        params,
        setParams,
        navigate,
        getJson: (p, q) => getJson(p, q, ctrl.signal),
        signal: ctrl.signal,
      };
      if (mod.needs && !isHeld(mod.needs)) {
        root.append(h('h1', {}, `${def.title}, ${ctx.periodLabel}`), noDataHeld(mod.needs));
        return;
      }
      await mod.render(root, ctx);
      if (ctrl.signal.aborted) return;
      if (notice) {
        const note = h('p', { class: 'warning grid-notice', role: 'status' }, notice);
        const title = root.querySelector('h1');
        if (title) title.after(note);
        else root.prepend(note);
      }
      addContents(root);
    } catch (e) {
      if (ctrl.signal.aborted) return;
      root.append(errorBox(e, 'this page'));
    } finally {
      root.removeAttribute('aria-busy');
    }
  };

  interceptLinks();
  onUrlChange(() => void render());
  void render();
}
