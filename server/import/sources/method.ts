// The methodology appendix's account of the sources held: for each source a
// table was read from, the mapping query (sql/sources/<source>.sql) with its
// definition, and the notes on what the source does not record. The same
// queries and notes the import uses (layouts.ts), so the appendix cannot
// drift from what was done.
import { sql } from '../../sql.ts';
import { SOURCES } from './layouts.ts';

export interface SourceMethod {
  entries: { name: string; label: string; definition: string; file: string }[];
  notes: string[];
}

/** `layouts`: the layouts of the files the held tables were read from (import_files.layout). */
export function sourceMethod(layouts: string[]): SourceMethod {
  const held = SOURCES.filter((s) => s.layouts.some((l) => layouts.includes(l.layout)));
  const entries = held.flatMap((s) =>
    s.outputs
      .filter((o) => layouts.includes(o.primary))
      .map((o) => {
        const q = sql(o.query);
        return { name: o.query, label: `${s.label} → ${o.extract}`, definition: q.description, file: q.file };
      }),
  );
  const notes = held.map((s) => `${s.label}: ${s.notInSource.map((n) => `${n.figure} — ${n.note}`).join('; ') || 'every figure it feeds is computed as for our own extracts'}.`);
  return { entries, notes };
}
