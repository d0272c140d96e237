// "On this page": in-page contents for a long page, from its section headings
// (h2 with an id), placed under the h1. Pages with fewer than MIN_SECTIONS
// headings, or their own contents (the report), get none.
import { h } from './dom.ts';

const MIN_SECTIONS = 3;

export function addContents(root: HTMLElement): void {
  if (root.querySelector('.report-contents, .page-contents')) return;
  const headings = [...root.querySelectorAll<HTMLHeadingElement>('h2[id]')].filter((el) => !el.closest('.figure, .table-block, details'));
  const h1 = root.querySelector('h1');
  if (headings.length < MIN_SECTIONS || !h1) return;
  h1.after(h('nav', { class: 'page-contents', 'aria-label': 'On this page' },
    h('p', { class: 'page-contents-title' }, 'On this page'),
    h('ul', {}, ...headings.map((el) => h('li', {}, h('a', { href: `#${el.id}` }, el.textContent ?? ''))))));
}
