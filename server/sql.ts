// Loads the named SQL queries kept in sql/. The SQL is the methodology: every
// figure is computed by a query an analyst can read there.
//
// A file may hold one statement (named after the file) or several named blocks:
//
//   -- name: cases_referred
//   -- Cases with referral_date in the period.
//   SELECT ...;
//
// Queries are referred to as "<file path without .sql>" or, for named blocks,
// "<file path without .sql>#<name>", e.g. "measures/victims#cases_referred".
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SQL_DIR = fileURLToPath(new URL('../sql/', import.meta.url));

export interface NamedQuery {
  /** Full name, e.g. "measures/victims#cases_referred". */
  id: string;
  /** Block name (or file name when the file holds one statement). */
  name: string;
  /** File path relative to the repository, e.g. "sql/measures/victims.sql". */
  file: string;
  /** The comment lines directly under the name line: the plain-English definition. */
  description: string;
  sql: string;
}

const cache = new Map<string, NamedQuery[]>();

/** Every named query in a file of sql/ (path without extension, e.g. "measures/victims"). */
export function queriesIn(fileStem: string): NamedQuery[] {
  let found = cache.get(fileStem);
  if (!found) {
    const path = join(SQL_DIR, `${fileStem}.sql`);
    found = parseNamedQueries(readFileSync(path, 'utf8'), fileStem);
    cache.set(fileStem, found);
  }
  return found;
}

/** One named query: "file" or "file#name". Throws when it does not exist. */
export function sql(id: string): NamedQuery {
  const [stem, name] = id.split('#');
  const all = queriesIn(stem);
  const q = name ? all.find((x) => x.name === name) : all.length === 1 ? all[0] : undefined;
  if (!q) throw new Error(`No SQL query named ${id}`);
  return q;
}

/** Every file stem under a folder of sql/, e.g. listSqlFiles("measures"). */
export function listSqlFiles(folder: string): string[] {
  const dir = join(SQL_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => `${folder}/${f.slice(0, -4)}`);
}

export function parseNamedQueries(text: string, fileStem: string): NamedQuery[] {
  const file = `sql/${fileStem}.sql`;
  const lines = text.split(/\r?\n/);
  const starts: { name: string; line: number }[] = [];
  lines.forEach((l, i) => {
    const m = /^--\s*name:\s*([A-Za-z0-9_]+)\s*$/.exec(l);
    if (m) starts.push({ name: m[1], line: i });
  });
  if (starts.length === 0) {
    const name = fileStem.split('/').pop()!;
    return [{ id: fileStem, name, file, description: leadingComment(lines, 0), sql: text.trim() }];
  }
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].line : lines.length;
    const body = lines.slice(s.line + 1, end);
    return {
      id: `${fileStem}#${s.name}`,
      name: s.name,
      file,
      description: leadingComment(body, 0),
      sql: body.join('\n').trim(),
    };
  });
}

function leadingComment(lines: string[], from: number): string {
  const out: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const m = /^--\s?(.*)$/.exec(lines[i]);
    if (!m) break;
    out.push(m[1]);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}
