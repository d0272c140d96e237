// SQL that reads one cell of a source file (sql/sources/*.json types): the
// value as kept, whether a recorded value is unreadable, and the message for
// it. Every expression is built from the layouts' constants; cell values only
// ever come from the staged table's columns.
import { lit } from '../convert.ts';
import type { SourceColumn, SourceType } from './layouts.ts';

const DMY = `'\\d{1,2}/\\d{1,2}/\\d{4}'`;
const ISO = `'\\d{4}-\\d{1,2}-\\d{1,2}([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?'`;
const MONTH = `'\\d{4}-\\d{2}'`;
const YEAR = `'\\d{4}'`;
const INTEGER = `'[+-]?\\d{1,9}|\\d{1,3}(,\\d{3}){1,2}'`;
const DECIMAL = `'[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?'`;

const list = (values: string[]) => `[${values.map(lit).join(', ')}]`;
const upperKeys = (codes: Record<string, string | null>) => Object.keys(codes).map((k) => k.toUpperCase());

function dateOf(x: string, formats: ('dmy' | 'iso')[]): string {
  const branches = formats.map((f) =>
    f === 'dmy'
      ? `WHEN regexp_full_match(${x}, ${DMY}) THEN try_strptime(${x}, '%d/%m/%Y')::DATE`
      : `WHEN regexp_full_match(${x}, ${ISO}) THEN try_strptime(split_part(replace(${x}, 'T', ' '), ' ', 1), '%Y-%m-%d')::DATE`,
  );
  return `CASE ${branches.join(' ')} END`;
}

/** `code` → our value, for a recorded (trimmed) cell `x`. */
function codeOf(x: string, codes: Record<string, string | null>): string {
  const whens = Object.entries(codes).map(([k, v]) => `WHEN ${lit(k.toUpperCase())} THEN ${v === null ? 'NULL' : lit(v)}`);
  return `CASE upper(${x}) ${whens.join(' ')} END`;
}

/** The codes of a factors cell, upper case: a JSON array of codes, or the keys of a JSON object whose value is not No/false/0/empty. */
function factorList(x: string): string {
  const arr = `list_transform(CAST(json_extract_string(${x}, '$[*]') AS VARCHAR[]), lambda c: upper(trim(c)))`;
  const obj = `list_transform(list_filter(json_keys(${x}), lambda k: lower(coalesce(json_extract_string(${x}, '$."' || k || '"'), '')) NOT IN ('', 'no', 'n', 'false', '0')), lambda k: upper(trim(k)))`;
  return `CASE WHEN NOT coalesce(json_valid(${x}), false) THEN NULL WHEN json_type(${x}) = 'ARRAY' THEN ${arr} WHEN json_type(${x}) = 'OBJECT' THEN ${obj} END`;
}

/** The value kept from a recorded (trimmed, never a not-recorded marker) cell `x`; NULL when unreadable. */
export function convertSource(type: SourceType, x: string): string {
  switch (type.kind) {
    case 'text':
      return x;
    case 'date':
      return dateOf(x, type.formats);
    case 'month':
      return `CASE WHEN regexp_full_match(${x}, ${MONTH}) THEN try_strptime(${x} || '-01', '%Y-%m-%d')::DATE END`;
    case 'year':
      return `CASE WHEN regexp_full_match(${x}, ${YEAR}) THEN CAST(${x} AS INTEGER) ELSE year(${dateOf(x, ['dmy', 'iso'])}) END`;
    case 'integer':
      return `CASE WHEN regexp_full_match(${x}, ${INTEGER}) THEN TRY_CAST(replace(${x}, ',', '') AS INTEGER) END`;
    case 'decimal':
      return `CASE WHEN regexp_full_match(${x}, ${DECIMAL}) THEN TRY_CAST(${x} AS DOUBLE) END`;
    case 'code':
      return codeOf(x, type.codes);
    case 'factors':
      return factorList(x);
  }
}

/** Whether a recorded cell `x` (converted to `v`) is unreadable. */
export function unreadable(type: SourceType, x: string, v: string): string {
  if (type.kind === 'text') return 'false';
  if (type.kind === 'code') return `${x} IS NOT NULL AND NOT list_contains(${list(upperKeys(type.codes))}, upper(${x}))`;
  return `${x} IS NOT NULL AND ${v} IS NULL`;
}

/** For a factors column: the listed codes that are not in the source's code list. */
export function unknownFactors(type: SourceType & { kind: 'factors' }, v: string): string {
  return `list_filter(${v}, lambda c: NOT list_contains(${list(upperKeys(type.codes))}, c))`;
}

/** For a factors column: our values of its codes, distinct and sorted; NULL when none has one. */
export function factorsOurs(type: SourceType & { kind: 'factors' }, v: string): string {
  return `nullif(list_sort(list_distinct(list_filter(list_transform(${v}, lambda c: ${codeOf('c', type.codes)}), lambda o: o IS NOT NULL))), [])`;
}

/** SQL expression of the message for an unreadable recorded cell `x`. */
export function unreadableMessage(c: SourceColumn, x: string): string {
  const t = c.type;
  switch (t.kind) {
    case 'date': {
      const shapes = t.formats.map((f) => `regexp_full_match(${x}, ${f === 'dmy' ? DMY : ISO})`).join(' OR ');
      const expected = t.formats.map((f) => (f === 'dmy' ? 'DD/MM/YYYY' : 'YYYY-MM-DD')).join(' or ');
      return `CASE WHEN ${shapes} THEN 'no such date' ELSE ${lit(`not a date: expected ${expected}`)} END`;
    }
    case 'month':
      return lit('not a month: expected YYYY-MM');
    case 'year':
      return `CASE WHEN regexp_full_match(${x}, ${DMY}) OR regexp_full_match(${x}, ${ISO}) THEN 'no such date' ELSE 'not a year or a date: expected YYYY, DD/MM/YYYY or YYYY-MM-DD' END`;
    case 'integer':
      return lit('not a whole number');
    case 'decimal':
      return lit('not a number');
    case 'code': {
      const keys = Object.keys(t.codes);
      return lit(keys.length <= 25 ? `unknown code: expected one of ${keys.join(', ')}` : `unknown code: not in the source's code list (docs/sources.md)`);
    }
    case 'factors':
      return lit('not a list of codes: expected a JSON array (["10A", "11A"]) or a JSON object keyed by code');
    default:
      return lit('unreadable value');
  }
}

/** The SQL type a column is kept as. */
export function keptType(type: SourceType): string {
  switch (type.kind) {
    case 'date':
    case 'month':
      return 'DATE';
    case 'year':
    case 'integer':
      return 'INTEGER';
    case 'decimal':
      return 'DOUBLE';
    case 'factors':
      return 'VARCHAR[]';
    default:
      return 'VARCHAR';
  }
}
