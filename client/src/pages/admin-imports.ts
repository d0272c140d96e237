// Admin: import a batch of extracts through the running server. The files are
// sent in one multipart POST /api/imports with a progress bar while they upload;
// the answer is either the stored files (200) or every problem of the batch
// (422), listed as `file:row:column — value — what is wrong`. Below, the batches
// held (GET /api/imports).
import { ApiError, currentSession, getJson } from '../api.ts';
import { h, replaceChildren } from '../components/dom.ts';
import { errorBox, loadInto } from '../components/status.ts';
import { formatCount, formatDateTime } from '../format.ts';
import { dataTable } from '../components/data-table.ts';
import type { PageContext } from '../page.ts';
import { loadContext } from '../context.ts';

interface ImportedFile {
  extract: string;
  file: string;
  rows: number;
  sha256: string;
  /** What the file was read as ("SSDA903 missing, 43 episodes of 39 children, …"), its columns used and not read. */
  readAs?: string;
  used?: string[];
  dropped?: string[];
}
interface Problem {
  file: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}
type Answer =
  | { ok: true; importId: number; files: ImportedFile[]; warnings: string[] }
  | { ok: false; problems: Problem[]; warnings: string[] };
interface Held {
  tables: { extract: string; layouts: string[] }[];
  notHeld: string[];
  notInSource: { figure: string; note: string; source: string }[];
}
interface Batch {
  importId: number;
  importedAt: string;
  source: string;
  files: ImportedFile[];
}

/** `file:row:column — value — what is wrong`, as the command line prints it. */
export function problemText(p: Problem): string {
  let where = p.file;
  if (p.row !== null) where += `:${p.row}`;
  if (p.column !== null) where += `:${p.column}`;
  return `${where}${p.value === null ? '' : ` — ${JSON.stringify(p.value)}`} — ${p.message}`;
}

/** POSTs the files with XMLHttpRequest (fetch cannot report upload progress). */
function upload(files: FileList, csrfToken: string, onProgress: (loaded: number, total: number) => void): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  for (const f of Array.from(files)) form.append('files', f, f.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'The server could not be reached. Check that it is running and try again.')));
    xhr.send(form);
  });
}

function filesTable(files: ImportedFile[], caption: string): HTMLElement {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...['Extract', 'File', 'Read as', 'Rows', 'Columns', 'SHA-256'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...files.map((f) =>
      h('tr', {}, h('th', { scope: 'row' }, f.extract), h('td', {}, f.file), h('td', {}, f.readAs ?? ''), h('td', { class: 'num' }, formatCount(f.rows)),
        h('td', {}, ...columnLists(f)), h('td', {}, h('code', {}, f.sha256.slice(0, 16)), '…')))));
}

/** The columns a file was read from and those not read (nothing from them is stored). */
function columnLists(f: ImportedFile): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (f.used?.length) out.push(h('details', {}, h('summary', {}, `Used (${f.used.length})`), h('ul', {}, ...f.used.map((u) => h('li', {}, u)))));
  if (f.dropped?.length) out.push(h('p', {}, `Not read: ${f.dropped.join(', ')}`));
  return out;
}

/** Which sources each table comes from, the tables not held, and what the held sources do not record. */
function heldSection(held: Held): HTMLElement[] {
  const from = (l: string[]) => (l.length === 1 && l[0] === 'extract' ? 'our extract format' : l.join(', '));
  return [
    h('h2', {}, 'Sources held'),
    h('ul', {}, ...held.tables.map((t) => h('li', {}, `${t.extract}: ${from(t.layouts)}`))),
    ...(held.notHeld.length ? [h('p', {}, `No data held for: ${held.notHeld.join(', ')}.`)] : []),
    ...(held.notInSource.length ? [h('h3', {}, 'Not in the sources held'), h('ul', {}, ...held.notInSource.map((n) => h('li', {}, `${n.figure}: ${n.note}`)))] : []),
  ];
}

function outcome(answer: Answer): HTMLElement[] {
  const warnings = answer.warnings.length
    ? [h('div', { class: 'warning import-warnings', role: 'note' },
      h('h3', {}, `Imported with ${answer.warnings.length === 1 ? 'a warning' : `${answer.warnings.length} warnings`}: check before you use the figures`),
      h('ul', {}, ...answer.warnings.map((w) => h('li', {}, w))))]
    : [];
  if (answer.ok) {
    return [h('div', { class: 'import-ok', role: 'status' },
      h('h2', { id: 'import-result-h' }, `Imported: batch ${answer.importId}`),
      filesTable(answer.files, 'Extracts stored by this batch'),
      ...warnings)];
  }
  return [h('div', { class: 'error-box import-problems', role: 'alert' },
    h('h2', { id: 'import-result-h', class: 'error-title' }, `Nothing was imported: ${formatCount(answer.problems.length)} problem${answer.problems.length === 1 ? '' : 's'} found`),
    h('p', {}, 'The batch is all-or-nothing: correct the files and import them again. The data already held is unchanged. Every column, code and rule, and why a file is refused, is described in docs/extracts.md in the Problem Profiler folder.'),
    h('ol', { class: 'problem-list' }, ...answer.problems.map((p) => h('li', {}, h('code', {}, problemText(p))))),
    ...warnings)];
}

export function render(root: HTMLElement, _ctx: PageContext): void {
  const input = h('input', { id: 'import-files', name: 'files', type: 'file', multiple: true, accept: '.csv,.xlsx,.geojson,.xml', required: true });
  const submit = h('button', { type: 'submit', id: 'import-submit' }, 'Import');
  const bar = h('progress', { id: 'import-progress', max: 100, value: 0, 'aria-label': 'Upload progress' });
  const state = h('p', { id: 'import-state', role: 'status' });
  const progress = h('div', { class: 'import-progress', hidden: true }, bar, state);
  const result = h('section', { 'aria-live': 'polite' });
  const history = h('section', { 'aria-labelledby': 'imports-h' });

  const refresh = () =>
    loadInto(history, 'the import history', async () => {
      const { imports, held } = await getJson<{ imports: Batch[]; held?: Held }>('/api/imports');
      const rows = imports.map((b) => ({
        batch: b.importId,
        imported: formatDateTime(b.importedAt),
        imported_at: b.importedAt,
        source: b.source,
        files: b.files.map((f) => `${f.file} (${f.readAs ?? formatCount(f.rows)})`).join(', '),
      }));
      return [
        h('h2', { id: 'imports-h' }, 'Batches held'),
        imports.length
          ? dataTable(rows, [
            { key: 'batch', label: 'Batch', kind: 'count' },
            { key: 'imported', label: 'Imported at (UK time)', sortValue: (r) => String(r.imported_at) },
            { key: 'source', label: 'Source' },
            { key: 'files', label: 'Files (rows)' },
          ], { caption: 'Import history: batches and their files' })
          : h('p', {}, 'No extracts have been imported yet.'),
        ...(held ? heldSection(held) : []),
      ];
    });

  const form = h('form', { class: 'admin-form', 'aria-labelledby': 'import-h' },
    h('h2', { id: 'import-h' }, 'Import a batch of extracts'),
    h('p', {}, 'Choose the extract files of one batch (cases.csv or .xlsx, missing_episodes, offenders, …, boundaries.geojson), or files as agencies hold them: SSDA903, CIN census XML, SSD tables, ONS mid-year estimates, police.uk street-level crime (recognised by their header). A batch replaces the extracts it contains and keeps the others.'),
    h('p', {}, h('label', { for: 'import-files' }, 'Extract files'), input),
    submit,
    progress);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.files || input.files.length === 0) return;
    const files = input.files;
    submit.disabled = true;
    progress.hidden = false;
    bar.value = 0;
    state.textContent = 'Uploading…';
    replaceChildren(result);
    void (async () => {
      try {
        const session = await currentSession();
        const answer = await upload(files, session?.csrfToken ?? '', (loaded, total) => {
          bar.value = Math.round((loaded / total) * 100);
          state.textContent = `Uploading… ${bar.value}%`;
          if (loaded === total) {
            bar.removeAttribute('value');
            state.textContent = 'Uploaded. Checking and importing…';
          }
        });
        const body = answer.body as (Answer & { error?: string }) | null;
        if ((answer.status === 200 || answer.status === 422) && body && Array.isArray((body as { warnings?: unknown }).warnings)) {
          bar.value = 100;
          state.textContent = answer.status === 200 ? 'Done.' : 'Refused.';
          replaceChildren(result, ...outcome(body));
          // New boundaries may name other wards, and the sources every download names have changed.
          if (answer.status === 200) void Promise.all([refresh(), loadContext(true)]);
        } else {
          throw new ApiError(answer.status, body?.error ?? `The server answered ${answer.status}.`);
        }
      } catch (err) {
        state.textContent = 'Failed.';
        replaceChildren(result, errorBox(err, 'the import'));
      } finally {
        submit.disabled = false;
        result.querySelector('h2')?.setAttribute('tabindex', '-1');
        (result.querySelector('h2') as HTMLElement | null)?.focus();
      }
    })();
  });

  root.append(h('h1', {}, 'Imports'), form, result, history);
  void refresh();
}
