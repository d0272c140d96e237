// The analyst's words in the profile (GET/PUT /api/report/commentary): key
// findings, a commentary under each section, recommendations, intelligence gaps
// and requirements. Every copy shows what has been written; the analyst (a role
// that may see records) also gets an editor under each, hidden in print.
import type { Commentary, CommentaryEntry, CommentaryPart } from '../../../server/report/commentary.ts';
import { sendJson } from '../api.ts';
import { h } from '../components/dom.ts';
import { formatDateTime } from '../format.ts';
import type { Period } from '../period.ts';

export interface CommentaryState {
  period: Period;
  commentary: Commentary;
  /** The signed-in role may write (analyst, admin). */
  editable: boolean;
}

/** Plain text → paragraphs (blank lines separate them; single line breaks are kept). */
export function paragraphs(text: string): HTMLElement[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => {
    const lines = p.split('\n');
    return h('p', {}, ...lines.flatMap((l, i) => (i === 0 ? [l] : [h('br'), l])));
  });
}

const byline = (e: CommentaryEntry) => h('p', { class: 'note commentary-byline' }, `Written by ${e.updated_by}, last changed ${formatDateTime(e.updated_at)}.`);

/**
 * One part: its heading and text (nothing in a reader's copy when none is
 * written), and for the analyst an editor that saves it for the period.
 */
export function commentaryBlock(state: CommentaryState, part: CommentaryPart, heading: string, hint: string): HTMLElement | null {
  const entry = state.commentary[part];
  if (!entry && !state.editable) return null;
  const id = `commentary-${part.replace(/[^a-z0-9]+/g, '-')}`;
  const body = h('div', { class: 'commentary-text' });
  const show = (e: CommentaryEntry | undefined) => {
    body.replaceChildren(...(e ? [...paragraphs(e.text), byline(e)] : [h('p', { class: 'note no-print' }, 'Nothing written yet.')]));
  };
  show(entry);
  const block = h('div', { class: 'commentary', id }, h('h3', { id: `${id}-h` }, heading), body);
  if (!state.editable) return block;

  const area = h('textarea', { id: `${id}-input`, rows: 6, 'aria-describedby': `${id}-hint` });
  area.value = entry?.text ?? '';
  const save = h('button', { type: 'submit' }, 'Save');
  const status = h('p', { class: 'note', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'commentary-edit' },
    h('label', { for: `${id}-input` }, `${heading}: your text`),
    h('p', { class: 'note', id: `${id}-hint` }, `${hint} Leave a blank line between paragraphs. Every copy of the report shows it; small numbers you quote are not withheld for you.`),
    area, h('div', { class: 'actions' }, save), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save.disabled = true;
    status.textContent = 'Saving…';
    form.querySelector('.error-box')?.remove();
    sendJson<{ entry: CommentaryEntry | null }>('PUT', '/api/report/commentary', { from: state.period.from, to: state.period.to, part, text: area.value })
      .then((r) => {
        state.commentary[part] = r.entry ?? undefined;
        show(r.entry ?? undefined);
        status.textContent = r.entry ? 'Saved.' : 'Removed.';
      }, (err: unknown) => {
        status.textContent = '';
        form.append(h('div', { class: 'error-box', role: 'alert' },
          h('p', { class: 'error-title' }, 'Could not save the commentary.'),
          h('p', {}, err instanceof Error ? err.message : 'Try again.')));
      })
      .finally(() => { save.disabled = false; });
  });
  block.append(h('details', { class: 'commentary-editor' }, h('summary', {}, entry ? `Edit: ${heading.toLowerCase()}` : `Write: ${heading.toLowerCase()}`), form));
  return block;
}
