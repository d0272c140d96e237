// The layouts of the files agencies already hold (DfE SSDA903 and CIN census,
// Data to Insight SSD tables, ONS mid-year estimates, police.uk street-level
// crime), as data: sql/sources/<source>.json says which columns each file has,
// how each is checked and read, which are identifiers (read only to derive
// what we keep), and which SQL query of sql/sources/<source>.sql maps the
// files to our tables. The import, the recognition of files by their header
// and the methodology appendix all read these constants (docs/sources.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_DIR } from '../../sql.ts';
import { directIdentifier, normaliseHeader } from '../headers.ts';

/** How a source column is read: a code maps the source's code (any case) to ours; null = a valid code with no counterpart. */
export type SourceType =
  | { kind: 'text' }
  /** `dmy`: DD/MM/YYYY (the DfE returns); `iso`: YYYY-MM-DD, a time part is dropped (the SSD exports). */
  | { kind: 'date'; formats: ('dmy' | 'iso')[] }
  /** YYYY-MM, stored as the first day of the month (police.uk). */
  | { kind: 'month' }
  /** A year (2022) or a date (DD/MM/YYYY, YYYY-MM-DD), read as its year (ONS). */
  | { kind: 'year' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'code'; codes: Record<string, string | null> }
  /** A JSON array of codes, or a keyed object whose keys are the codes (SSD assessment factors). */
  | { kind: 'factors'; codes: Record<string, string | null> };

export interface SourceColumn {
  /** Column name in the staged table and in the mapping SQL. */
  key: string;
  /** The header as the source's specification spells it. */
  header: string;
  /** Other spellings of the header (compared after normalising, as our own headers are). */
  aliases?: string[];
  /** A regular expression the normalised header may match instead (ONS area codes: `WD23CD`). */
  headerPattern?: string;
  type: SourceType;
  required?: boolean;
  /** An identifier (date of birth, UPN): read only to derive what is kept; its values never appear in a message. */
  identifier?: boolean;
  /** What the profiler keeps from the column, for the report and docs/sources.md. */
  use: string;
  /** Must not be before this other column (both recorded). */
  notBefore?: string;
}

export interface Layout {
  layout: string;
  /** How a file of this layout is named in messages: "SSDA903 missing". */
  label: string;
  format: 'csv' | 'xml';
  /** Keys whose headers must all be present for a file to be read as this layout. */
  signature: string[];
  columns: SourceColumn[];
  /** Keys that together must be unique in the file. */
  unique?: string[];
  /** Several files of this layout in one batch are read together (police.uk: one file per force and month). */
  multipleFiles?: boolean;
  /** Named query (sql/sources/<source>.sql) giving `file, read_as` for each file read as this layout. */
  describe: string;
  /** Named queries of cross-row checks, each giving `file, line, column_key, value, message` per problem. */
  checks?: string[];
}

export interface SourceOutput {
  /** The table written: one of our extracts, or `context_crimes`. */
  extract: string;
  /** The layout whose file makes the output (without it nothing is written). */
  primary: string;
  /** Other layouts the mapping reads when they are in the batch (empty when not). */
  uses: string[];
  /** Named query (sql/sources/<source>.sql) returning the rows of the table, column for column. */
  query: string;
  /** Named queries giving `message` rows: what the batch lacks for a full mapping (a child not in the header file, …). */
  warnings?: string[];
}

export interface NotInSource {
  /** A measure id (measures/…) or breakdown (subject/dimension). */
  figure: string;
  note: string;
}

export interface Source {
  source: string;
  label: string;
  layouts: Layout[];
  outputs: SourceOutput[];
  /** Figures the source cannot give, shown with their note instead of a number. */
  notInSource: NotInSource[];
}

const SOURCES_DIR = join(SQL_DIR, 'sources');

/** The code lists shared by several sources (sql/sources/codes.json), named by a layout's `"codes": "<name>"`. */
export const CODE_LISTS: Record<string, Record<string, string | null>> = JSON.parse(readFileSync(join(SOURCES_DIR, 'codes.json'), 'utf8'));

function resolveCodes(type: SourceType): SourceType {
  if ((type.kind === 'code' || type.kind === 'factors') && typeof type.codes === 'string') {
    const codes = CODE_LISTS[type.codes];
    if (!codes) throw new Error(`sql/sources: no code list named ${type.codes} in codes.json`);
    return { ...type, codes };
  }
  return type;
}

function load(): Source[] {
  return readdirSync(SOURCES_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'codes.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(join(SOURCES_DIR, f), 'utf8')) as Source)
    .map((s) => ({ ...s, layouts: s.layouts.map((l) => ({ ...l, columns: l.columns.map(resolveColumn) })) }));
}

/** A column's codes resolved; a column whose header names an identifier (headers.ts) is one, whatever the layout says. */
function resolveColumn(c: SourceColumn): SourceColumn {
  const identifier = c.identifier === true || [c.header, ...(c.aliases ?? [])].some((h) => directIdentifier(normaliseHeader(h)));
  return { ...c, type: resolveCodes(c.type), ...(identifier ? { identifier } : {}) };
}

export const SOURCES: readonly Source[] = load();

export const LAYOUTS: readonly Layout[] = SOURCES.flatMap((s) => s.layouts);

export function layoutByName(name: string): Layout | undefined {
  return LAYOUTS.find((l) => l.layout === name);
}

/** Where each column of a layout is in a header row (key → 0-based position); null when a signature column is absent. */
export function matchLayout(layout: Layout, headers: string[]): Map<string, number> | null {
  const normalised = headers.map(normaliseHeader);
  const positions = new Map<string, number>();
  for (const c of layout.columns) {
    const names = [c.header, ...(c.aliases ?? [])].map(normaliseHeader);
    const pattern = c.headerPattern ? new RegExp(c.headerPattern) : null;
    const at = normalised.findIndex((h, i) => !Array.from(positions.values()).includes(i) && (names.includes(h) || (pattern?.test(h) ?? false)));
    if (at >= 0) positions.set(c.key, at);
  }
  return layout.signature.every((k) => positions.has(k)) ? positions : null;
}

/** The CSV layout a header row is in (the one matching most of its columns), or null. */
export function recogniseHeader(headers: string[]): { layout: Layout; positions: Map<string, number> } | null {
  let best: { layout: Layout; positions: Map<string, number> } | null = null;
  for (const layout of LAYOUTS) {
    if (layout.format !== 'csv') continue;
    const positions = matchLayout(layout, headers);
    if (positions && (!best || positions.size > best.positions.size)) best = { layout, positions };
  }
  return best;
}
