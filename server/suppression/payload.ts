// Suppression applied to a whole JSON answer, by shape, so that a route needs
// no code of its own to be safe for the viewer and partner roles:
// - a `measures` object of figures → suppressMeasures (its parent gains
//   `suppressed: [ids]`);
// - an array of objects with a numeric `count` (breakdown rows, ward rows, grid
//   cells, …) → one set of cells per period (rows with the same `period`/`from`/
//   `to`/`year`), primary + secondary (cells.ts); a withheld row becomes
//   `{…, count: null, suppressed: true}` and loses its other figures (rate,
//   share, z-score; coordinates and population are kept);
// - an object naming a count measure (`measure` or `id`) → its `value`, or the
//   `value`s of its arrays (a series), are cells likewise;
// - an object naming a percentage measure → its `value`s are withheld unless each
//   carries a numeric `denominator` and passes the percentage rule (measures.ts);
// - a count-like scalar (SCALAR_COUNTS) → primary; beside a numeric `total` it is
//   also withheld when total − it is from 1 to the threshold (the two make a
//   set whose total is shown); an object that lost a count loses its other
//   figures too (percentages of it), and a `pct_*` figure beside a `total` is
//   withheld when its numerator or complement is small.
// Every cell has an id (its path, array rows named by their text fields).
// `assertSuppressed` is the last check before a suppressed answer is sent.
// Work is linear in the size of the answer (each row is visited a fixed number of times).
import { isSmall, withheldCells } from './cells.ts';
import { isCountMeasure, isKnownMeasure, suppressMeasures } from './measures.ts';

type Obj = Record<string, unknown>;
export interface Cell {
  id: string;
  value: number;
}

const GROUP_FIELDS = ['period', 'from', 'to', 'year'];
const KEEP_NUMERIC = new Set(['lat', 'lon', 'lng', 'latitude', 'longitude', 'x', 'y', 'i', 'j', 'year', 'population', 'min_lon', 'min_lat', 'max_lon', 'max_lat']);
const SCALAR_COUNTS = new Set(['count', 'total', 'counted', 'outside', 'no_coordinates', 'not_recorded', 'recorded', 'numerator', 'denominator']);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFigure = (v: unknown): v is number | null => v === null || typeof v === 'number';
const rowsWith = (v: unknown, field: string): v is Obj[] =>
  Array.isArray(v) && v.length > 0 && v.every((r) => isObj(r) && isFigure(r[field]));

function rowName(r: Obj): string {
  return Object.keys(r)
    .filter((k) => typeof r[k] === 'string' || typeof r[k] === 'boolean')
    .sort()
    .map((k) => `${k}=${String(r[k])}`)
    .join('&');
}

/** The name a cell goes by in every answer that shows it (a category's key, a ward's code). */
export function cellName(r: Obj): string {
  for (const k of ['key', 'area_code', 'ward']) if (typeof r[k] === 'string') return r[k] as string;
  if (typeof r.i === 'number' && typeof r.j === 'number') return `${r.i},${r.j}`;
  return rowName(r);
}

function groupName(r: Obj): string {
  return GROUP_FIELDS.map((f) => JSON.stringify(r[f] ?? null)).join('|');
}

function measureOf(o: Obj): string | null {
  for (const k of ['measure', 'id']) {
    const v = o[k];
    if (typeof v === 'string' && isKnownMeasure(v) && isCountMeasure(v)) return v;
  }
  return null;
}

class Walker {
  readonly cells: Cell[] = [];
  /** `recording`: list every count cell with its id (countCells); suppressing needs no ids. */
  constructor(
    private threshold: number,
    private recording = false,
  ) {}

  node(v: unknown, path: string): unknown {
    if (Array.isArray(v)) {
      if (rowsWith(v, 'count')) return this.rows(v, path, 'count');
      return v.map((x, i) => this.node(x, `${path}[${i}]`));
    }
    return isObj(v) ? this.object(v, path) : v;
  }

  private object(o: Obj, path: string): Obj {
    const out: Obj = {};
    const measure = measureOf(o);
    const percentMeasure = typeof o.measure === 'string' && isKnownMeasure(o.measure) && !isCountMeasure(o.measure);
    const total = typeof o.total === 'number' ? o.total : null;
    let lost = false;
    for (const [k, v] of Object.entries(o)) {
      const p = `${path}.${k}`;
      if (k === 'measures' && isObj(v) && Object.values(v).every(isFigure)) {
        const m = v as Record<string, number | null>;
        for (const [id, x] of Object.entries(m)) if (typeof x === 'number' && isCountMeasure(id)) this.cells.push({ id: `${p}.${id}`, value: x });
        const { measures, withheld } = suppressMeasures(m, this.threshold);
        out[k] = measures;
        if (withheld.length) out.suppressed = withheld;
      } else if (measure && k === 'value' && typeof v === 'number') {
        lost = this.scalar(out, k, v, p, null) || lost;
      } else if (measure && rowsWith(v, 'value')) {
        out[k] = this.rows(v, p, 'value');
      } else if (percentMeasure && rowsWith(v, 'value')) {
        out[k] = v.map((r) => (this.percentShown(r.value, r.denominator) ? r : withheldRow(r, 'value')));
      } else if (SCALAR_COUNTS.has(k) && typeof v === 'number') {
        lost = this.scalar(out, k, v, p, k === 'total' ? null : total) || lost;
      } else if (/^pct/.test(k) && typeof v === 'number' && total !== null) {
        out[k] = this.percentShown(v, total) ? v : null;
      } else if (!(k === 'suppressed' && k in out)) {
        out[k] = this.node(v, p);
      }
    }
    if (lost) for (const [k, v] of Object.entries(out)) if (typeof v === 'number' && !KEEP_NUMERIC.has(k) && !SCALAR_COUNTS.has(k)) out[k] = null;
    return out;
  }

  /** Shows a count unless small (or, beside a total, unless total − count is small). Returns true when withheld. */
  private scalar(out: Obj, k: string, v: number, p: string, total: number | null): boolean {
    this.cells.push({ id: p, value: v });
    const hide = v !== 0 && (isSmall(v, this.threshold) || (total !== null && isSmall(total - v, this.threshold)));
    out[k] = hide ? null : v;
    if (hide) out.suppressed = true;
    return hide;
  }

  /** A percentage may be shown when its denominator is known and neither numerator nor complement is small. */
  private percentShown(pct: unknown, denominator: unknown): boolean {
    if (pct === null) return true;
    if (typeof pct !== 'number' || typeof denominator !== 'number' || isSmall(denominator, this.threshold)) return false;
    const num = Math.round((pct * denominator) / 100);
    return !isSmall(num, this.threshold) && !isSmall(denominator - num, this.threshold);
  }

  /** Rows of `count` form one set per period; a series of `value`s is one set. */
  private rows(rows: Obj[], path: string, field: string): Obj[] {
    const groups = new Map<string, number[]>();
    const byPeriod = field === 'count' && rows.some((r) => GROUP_FIELDS.some((f) => f in r));
    rows.forEach((r, i) => {
      const g = byPeriod ? groupName(r) : '';
      const members = groups.get(g);
      if (members) members.push(i);
      else groups.set(g, [i]);
      const value = r[field];
      if (this.recording && typeof value === 'number') this.cells.push({ id: `${path}[${rowName(r)}].${field}`, value });
    });
    if (this.recording) return rows;
    const hide = new Array<boolean>(rows.length).fill(false);
    for (const members of groups.values()) {
      const values = members.map((i) => rows[i][field] as number | null);
      const names = members.map((i) => cellName(rows[i]));
      const w = withheldCells(values, this.threshold, [], names.map((n) => n === 'not_recorded'), names);
      members.forEach((i, k) => (hide[i] = w[k]));
    }
    return rows.map((r, i) => (hide[i] ? withheldRow(r, field) : r));
  }
}

/** A row whose count is withheld, with its other figures (rates, shares, scores) withheld too. */
function withheldRow(r: Obj, field: string): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'number' && !KEEP_NUMERIC.has(k) ? null : v;
  return { ...out, [field]: null, suppressed: true };
}

/** The answer with small numbers withheld. */
export function suppressPayload(payload: unknown, threshold: number): unknown {
  return new Walker(threshold).node(payload, '$');
}

/** Every count cell of an answer, unsuppressed, with its id. */
export function countCells(payload: unknown): Cell[] {
  const w = new Walker(0, true);
  w.node(payload, '$');
  return w.cells;
}

/** Throws when a suppressed answer still holds a count from 1 to the threshold. */
export function assertSuppressed(payload: unknown, threshold: number): void {
  for (const c of countCells(payload)) {
    if (isSmall(c.value, threshold)) throw new Error(`A count from 1 to ${threshold} was about to leave unsuppressed at ${c.id}`);
  }
}
