// Loading and error states shared by every page.
import { ApiError } from '../api.ts';
import { h, replaceChildren } from './dom.ts';

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 404) return `Not available yet: ${e.message}`;
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** An error box screen readers announce (role="alert"). */
export function errorBox(e: unknown, what?: string): HTMLElement {
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, what ? `Could not load ${what}.` : 'Something went wrong.'),
    h('p', {}, errorMessage(e)));
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/**
 * Shows "Loading…" in `container` (aria-busy) while `work` runs, then its result,
 * or an error box. One failing section never blanks the rest of a page.
 */
export async function loadInto(container: HTMLElement, what: string, work: () => Promise<Node | Node[]>): Promise<void> {
  container.setAttribute('aria-busy', 'true');
  replaceChildren(container, h('p', { class: 'loading' }, 'Loading…'));
  try {
    const result = await work();
    replaceChildren(container, ...(Array.isArray(result) ? result : [result]));
  } catch (e) {
    if (isAbort(e)) return;
    replaceChildren(container, errorBox(e, what));
  } finally {
    container.removeAttribute('aria-busy');
  }
}
