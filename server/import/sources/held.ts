// Which sources the database holds, table by table: what each table was last
// written from (our own extract format or a source layout), the tables not
// held at all (a page shows "no offender data held", never zeros), and the
// figures the held sources cannot give, with their note ("not in this source").
import type { Database } from '../../db.ts';
import { EXTRACTS } from '../spec.ts';
import { SOURCES, type NotInSource } from './layouts.ts';

export interface HeldTable {
  extract: string;
  /** 'extract' (our own format) or source layouts, e.g. ['ssda903_episodes', 'ssda903_header', 'ssda903_missing']. */
  layouts: string[];
  files: { file: string; readAs: string | null }[];
  importId: number;
}

export interface HeldSources {
  tables: HeldTable[];
  /** Tables of our contract (and the police.uk context layer) that no batch has written. */
  notHeld: string[];
  /** Figures a held source cannot give (measure id or subject/dimension), with the note to show instead. */
  notInSource: (NotInSource & { source: string })[];
}

export async function heldSources(db: Database): Promise<HeldSources> {
  const rows = await db.named('import/history#held_sources');
  const tables: HeldTable[] = [];
  for (const r of rows) {
    let t = tables.find((x) => x.extract === r.extract);
    if (!t) tables.push((t = { extract: String(r.extract), layouts: [], files: [], importId: Number(r.import_id) }));
    const layout = String(r.layout ?? 'extract');
    if (!t.layouts.includes(layout)) t.layouts.push(layout);
    t.files.push({ file: String(r.file_name), readAs: r.read_as === null ? null : String(r.read_as) });
  }
  for (const t of tables) t.layouts.sort();
  const held = new Set(tables.map((t) => t.extract));
  const all = [...EXTRACTS.map((e) => e.name as string), 'boundaries', 'context_crimes'];
  const layouts = new Set(tables.flatMap((t) => t.layouts));
  const notInSource = SOURCES.filter((s) => s.layouts.some((l) => layouts.has(l.layout)))
    .flatMap((s) => s.notInSource.map((n) => ({ ...n, source: s.label })));
  return { tables, notHeld: all.filter((e) => !held.has(e)), notInSource };
}
