// Problems found in a batch, and the printable report of them.

export interface ImportProblem {
  file: string;
  /** Line of the file (header = 1; for XLSX the sheet row); null for file-level problems. */
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** `file:row:column — value — what is wrong` (parts that do not apply are left out). */
export function formatProblem(p: ImportProblem): string {
  let where = p.file;
  if (p.row !== null) where += `:${p.row}`;
  if (p.column !== null) where += `:${p.column}`;
  const value = p.value === null ? '' : ` — ${JSON.stringify(p.value)}`;
  return `${where}${value} — ${p.message}`;
}

export const REPORT_LINES = 50;

/** The printable report: at most 50 lines, then "… and N more problems". */
export function buildReport(problems: ImportProblem[]): string {
  const shown = problems.length > REPORT_LINES ? problems.slice(0, REPORT_LINES - 1) : problems;
  const lines = shown.map(formatProblem);
  const more = problems.length - shown.length;
  if (more > 0) lines.push(`… and ${more} more problems`);
  return lines.join('\n');
}

/** Orders problems by file, then row (file-level first), keeping the order within a row. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map((x) => x.p);
}
