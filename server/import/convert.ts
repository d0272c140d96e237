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

/**
 * The trimmed value, or NULL when the cell is empty or a not-recorded marker.
 * (`list_contains`, not `IN (…)`: DuckDB plans a long IN list as a join that
 * lowers and trims every cell of the column, even inside a CASE branch.)
 */
export function recorded(raw: string): string {
  return `CASE WHEN list_contains(['', ${NOT_RECORDED.map(lit).join(', ')}], lower(trim(${raw}))) THEN NULL ELSE trim(${raw}) END`;
}

const ISO_DATE = `'\\d{4}-\\d{1,2}-\\d{1,2}'`;
const UK_DATE = `'\\d{1,2}/\\d{1,2}/\\d{4}'`;
const ISO_MINUTES = `'\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}'`;
const ISO_SPACE_MINUTES = `'\\d{4}-\\d{1,2}-\\d{1,2} \\d{1,2}:\\d{2}'`;
const ISO_SECONDS = `'\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}:\\d{2}'`;
const UK_MINUTES = `'\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}'`;
const UK_SECONDS = `'\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2}'`;
const INTEGER = `'[+-]?\\d{1,9}(\\.0*)?'`;
const DIGITS = `'\\d{1,9}'`;
const DECIMAL = `'[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?'`;
const WARD = `'[EW]05\\d{6}'`;

/** Converts a recorded value `x` (trimmed, never a marker) to the stored type; NULL when invalid. */
export function convert(type: ColumnType, x: string): string {
  switch (type.kind) {
    case 'text':
      return x;
    case 'area':
      return `upper(${x})`;
    case 'codes':
      // Every listed code, lower case, distinct and sorted; unlisted ones are reported by `badCodes`.
      return `nullif(list_sort(list_distinct(list_filter(list_transform(string_split(lower(${x}), ';'), lambda s: trim(s)), lambda s: s <> ''))), [])`;
    default: {
      const usual = usualShape(type, x);
      return `CASE WHEN ${usual.when} THEN ${usual.then} ${otherShapes(type, x)} END`;
    }
  }
}

type Shaped = Exclude<ColumnType['kind'], 'text' | 'area' | 'codes'>;

/**
 * The commonest shape of a type's values and the value it reads as. The
 * condition only holds for a cell that starts and ends with a non-space, so
 * it can test the cell as read, before trimming.
 */
function usualShape(type: ColumnType & { kind: Shaped }, x: string): { when: string; then: string } {
  switch (type.kind) {
    case 'date':
      return { when: `regexp_full_match(${x}, ${ISO_DATE})`, then: `try_strptime(${x}, '%Y-%m-%d')::DATE` };
    case 'datetime':
      return { when: `regexp_full_match(${x}, ${ISO_SPACE_MINUTES})`, then: `try_strptime(${x}, '%Y-%m-%d %H:%M')` };
    case 'integer':
      return { when: `regexp_full_match(${x}, ${DIGITS})`, then: `CAST(${x} AS INTEGER)` };
    case 'decimal':
      return { when: `regexp_full_match(${x}, ${DECIMAL})`, then: `TRY_CAST(${x} AS DOUBLE)` };
    // Codes, flags and ward codes usually come in the list's own case: matched as they are
    // (no case conversion of every cell); any other case is an other shape.
    case 'code':
      return { when: `list_contains(${list(type.codes)}, ${x})`, then: x };
    case 'yn':
      return { when: `${x} IN ('Y', 'N')`, then: x };
    case 'ward':
      return { when: `regexp_full_match(${x}, ${WARD})`, then: x };
  }
}

/** The `WHEN … THEN …` branches of the other shapes a type accepts (they exclude the usual one). */
function otherShapes(type: ColumnType & { kind: Shaped }, x: string): string {
  switch (type.kind) {
    case 'date':
      return `WHEN regexp_full_match(${x}, ${UK_DATE}) THEN try_strptime(${x}, '%d/%m/%Y')::DATE`;
    case 'datetime':
      return `WHEN regexp_full_match(${x}, ${UK_MINUTES}) THEN try_strptime(${x}, '%d/%m/%Y %H:%M')
        WHEN regexp_full_match(${x}, ${ISO_MINUTES}) THEN try_strptime(replace(${x}, 'T', ' '), '%Y-%m-%d %H:%M')
        WHEN regexp_full_match(${x}, ${ISO_SECONDS}) THEN try_strptime(replace(${x}, 'T', ' '), '%Y-%m-%d %H:%M:%S')
        WHEN regexp_full_match(${x}, ${UK_SECONDS}) THEN try_strptime(${x}, '%d/%m/%Y %H:%M:%S')`;
    case 'integer':
      return `WHEN regexp_full_match(${x}, ${INTEGER}) THEN CAST(regexp_replace(${x}, '\\.0*$', '') AS INTEGER)`;
    case 'code': {
      const c = type.upper ? `upper(${x})` : `lower(${x})`;
      return `WHEN list_contains(${list(type.codes)}, ${c}) THEN ${c}`;
    }
    case 'yn':
      return `WHEN upper(${x}) IN ('Y', 'N') THEN upper(${x})`;
    case 'ward':
      return `WHEN regexp_full_match(upper(${x}), ${WARD}) THEN upper(${x})`;
    default:
      return '';
  }
}

/**
 * `convert` of a raw cell of a type without markers: a cell of the usual shape
 * has nothing to trim and is read as it is; any other cell is trimmed first.
 */
export function convertRaw(type: ColumnType, raw: string): string {
  if (type.kind === 'text' || type.kind === 'area' || type.kind === 'codes') return convert(type, recorded(raw));
  const usual = usualShape(type, raw);
  return `CASE WHEN ${usual.when} THEN ${usual.then} ELSE ${convert(type, `trim(${raw})`)} END`;
}

/** For a `codes` column: whether the converted list holds a code that is not in the code list. */
export function hasBadCodes(codes: readonly string[], v: string): string {
  return `NOT list_has_all(${list(codes)}, ${v})`;
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
