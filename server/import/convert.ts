// SQL expressions that read one cell of an extract: the not-recorded markers,
// dates and datetimes in the contract's formats (never US order), codes,
// Y/N flags, numbers and ward codes. Every expression here is built from our
// own constants; values only ever come from the staging table's columns.
import type { ColumnType } from './spec.ts';

/** Markers meaning "not recorded" (any case, trimmed), besides the empty cell. */
export const NOT_RECORDED = ['null', 'n/a', 'not recorded', 'not known', 'unknown'];

/** SQL string literal of our own text. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function list(values: readonly string[]): string {
  return `[${values.map(lit).join(', ')}]`;
}

/** The trimmed value, or NULL when the cell is empty or a not-recorded marker. */
export function recorded(raw: string): string {
  return `CASE WHEN list_contains(['', ${NOT_RECORDED.map(lit).join(', ')}], lower(trim(${raw}))) THEN NULL ELSE trim(${raw}) END`;
}

const ISO_DATE = `'\\d{4}-\\d{1,2}-\\d{1,2}'`;
const UK_DATE = `'\\d{1,2}/\\d{1,2}/\\d{4}'`;
const ISO_MINUTES = `'\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}'`;
const ISO_SECONDS = `'\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}:\\d{2}'`;
const UK_MINUTES = `'\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}'`;
const UK_SECONDS = `'\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2}'`;
const INTEGER = `'[+-]?\\d{1,9}(\\.0*)?'`;
const DECIMAL = `'[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?'`;
const WARD = `'[EW]05\\d{6}'`;

/** Converts a recorded value `x` (trimmed, never a marker) to the stored type; NULL when invalid. */
export function convert(type: ColumnType, x: string): string {
  switch (type.kind) {
    case 'text':
      return x;
    case 'area':
      return `upper(${x})`;
    case 'date':
      return `CASE WHEN regexp_full_match(${x}, ${ISO_DATE}) THEN try_strptime(${x}, '%Y-%m-%d')::DATE
        WHEN regexp_full_match(${x}, ${UK_DATE}) THEN try_strptime(${x}, '%d/%m/%Y')::DATE END`;
    case 'datetime':
      return `CASE WHEN regexp_full_match(${x}, ${UK_MINUTES}) THEN try_strptime(${x}, '%d/%m/%Y %H:%M')
        WHEN regexp_full_match(${x}, ${ISO_MINUTES}) THEN try_strptime(replace(${x}, 'T', ' '), '%Y-%m-%d %H:%M')
        WHEN regexp_full_match(${x}, ${ISO_SECONDS}) THEN try_strptime(replace(${x}, 'T', ' '), '%Y-%m-%d %H:%M:%S')
        WHEN regexp_full_match(${x}, ${UK_SECONDS}) THEN try_strptime(${x}, '%d/%m/%Y %H:%M:%S') END`;
    case 'integer':
      return `CASE WHEN regexp_full_match(${x}, ${INTEGER}) THEN CAST(regexp_replace(${x}, '\\.0*$', '') AS INTEGER) END`;
    case 'decimal':
      return `CASE WHEN regexp_full_match(${x}, ${DECIMAL}) THEN TRY_CAST(${x} AS DOUBLE) END`;
    case 'code': {
      const c = type.upper ? `upper(${x})` : `lower(${x})`;
      return `CASE WHEN list_contains(${list(type.codes)}, ${c}) THEN ${c} END`;
    }
    case 'codes':
      // Every listed code, lower case, distinct and sorted; unlisted ones are reported by `badCodes`.
      return `nullif(list_sort(list_distinct(list_filter(list_transform(string_split(${x}, ';'), lambda s: lower(trim(s))), lambda s: s <> ''))), [])`;
    case 'yn':
      return `CASE WHEN upper(${x}) IN ('Y', 'N') THEN upper(${x}) END`;
    case 'ward':
      return `CASE WHEN regexp_full_match(upper(${x}), ${WARD}) THEN upper(${x}) END`;
  }
}

/** For a `codes` column: the converted list's codes that are not in the code list. */
export function badCodes(codes: readonly string[], v: string): string {
  return `list_filter(${v}, lambda s: NOT list_contains(${list(codes)}, s))`;
}

/** SQL expression for the message of a recorded value `x` that `convert` could not read. */
export function invalidMessage(type: ColumnType, x: string): string {
  switch (type.kind) {
    case 'date':
      return `CASE WHEN regexp_full_match(${x}, ${ISO_DATE}) OR regexp_full_match(${x}, ${UK_DATE})
        THEN 'no such date (dates are DD/MM/YYYY or YYYY-MM-DD; US order MM/DD/YYYY is not accepted)'
        ELSE 'not a date: expected DD/MM/YYYY or YYYY-MM-DD' END`;
    case 'datetime':
      return `CASE WHEN regexp_full_match(${x}, ${ISO_MINUTES}) OR regexp_full_match(${x}, ${ISO_SECONDS})
          OR regexp_full_match(${x}, ${UK_MINUTES}) OR regexp_full_match(${x}, ${UK_SECONDS})
        THEN 'no such date or time (DD/MM/YYYY HH:MM, US order MM/DD/YYYY is not accepted)'
        ELSE 'not a date and time: expected YYYY-MM-DD HH:MM[:SS], YYYY-MM-DDTHH:MM[:SS] or DD/MM/YYYY HH:MM[:SS]' END`;
    default:
      return lit(staticMessage(type));
  }
}

function staticMessage(type: ColumnType): string {
  switch (type.kind) {
    case 'integer':
      return 'not a whole number';
    case 'decimal':
      return 'not a number';
    case 'code':
      return `unknown code: expected one of ${type.codes.join(', ')}`;
    case 'yn':
      return 'not a Y/N flag: expected Y or N';
    case 'ward':
      return 'not an ONS ward code (E05 or W05 followed by six digits)';
    default:
      return 'invalid value';
  }
}

/** The range rule of a numeric column, or null. */
export function rangeOf(type: ColumnType): { min: number; max: number } | null {
  return type.kind === 'integer' || type.kind === 'decimal' ? { min: type.min, max: type.max } : null;
}
