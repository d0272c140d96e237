// Page state lives in the URL (?from=&to=&…): links and reloads reproduce a view,
// back/forward work. Changing it goes through here, and listeners re-render.

export type ParamPatch = Record<string, string | number | null | undefined>;

/** Parameters kept in a stable order: the period first, then the rest alphabetically. */
const FIRST = ['from', 'to'];

export function parseQuery(search: string): URLSearchParams {
  return new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
}

/** '?from=…&to=…&x=…' (or '' when empty), period first, others sorted by name. */
export function serialiseQuery(params: URLSearchParams): string {
  const entries = [...params.entries()].filter(([, v]) => v !== '');
  entries.sort(([a], [b]) => {
    const ia = FIRST.indexOf(a), ib = FIRST.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const s = new URLSearchParams(entries).toString();
  return s ? `?${s}` : '';
}

/** Applies a patch to a query string: null/undefined/'' delete the parameter. */
export function mergeQuery(search: string, patch: ParamPatch): string {
  const params = parseQuery(search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, String(v));
  }
  return serialiseQuery(params);
}

type Listener = () => void;
const listeners = new Set<Listener>();
let popstateBound = false;

function emit(): void {
  for (const l of [...listeners]) l();
}

/** Calls `listener` after every URL change (ours or back/forward). Returns an unsubscribe function. */
export function onUrlChange(listener: Listener): () => void {
  if (!popstateBound) {
    window.addEventListener('popstate', emit);
    popstateBound = true;
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentParams(): URLSearchParams {
  return parseQuery(window.location.search);
}

export function getParam(name: string): string | null {
  return currentParams().get(name);
}

export interface ChangeOptions {
  /** Add a history entry (default) or replace the current one. */
  replace?: boolean;
  /** Change the URL without notifying listeners (e.g. filling in defaults). */
  silent?: boolean;
}

/** Sets or deletes parameters of the current page. */
export function setParams(patch: ParamPatch, opts: ChangeOptions = {}): void {
  navigate(window.location.pathname + mergeQuery(window.location.search, patch), opts);
}

/** Goes to an in-app URL (path plus query) without reloading. */
export function navigate(url: string, opts: ChangeOptions = {}): void {
  const current = window.location.pathname + window.location.search;
  if (url === current && !opts.replace) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  if (!opts.silent) emit();
}
