// What a file of a batch is, from its header (whatever it is called): a file
// of a source layout (sql/sources/*.json), one of our own extracts (by name,
// as always, or by its header), the boundaries, or nothing we read.
import { open } from 'node:fs/promises';
import { EXTRACTS, BOUNDARIES, extractSpec, type ExtractName } from '../spec.ts';
import { headerRecord, splitRecord } from '../csv-scan.ts';
import { normaliseHeader } from '../headers.ts';
import { layoutByName, recogniseHeader, type Layout } from './layouts.ts';

export type Recognised =
  | { kind: 'extract'; extract: ExtractName | typeof BOUNDARIES; format: 'csv' | 'xlsx' | 'geojson' }
  | { kind: 'source'; layout: Layout; headers: string[]; positions: Map<string, number> }
  | null;

const HEAD_BYTES = 64 * 1024;

async function head(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Our own extract by file name (cases.csv, cases.xlsx, boundaries.geojson). */
function byName(name: string): Recognised {
  const m = /^([a-z_]+)\.(csv|xlsx|geojson)$/.exec(name.trim().toLowerCase());
  if (!m) return null;
  const [, base, ext] = m;
  if (ext === 'geojson') return base === BOUNDARIES ? { kind: 'extract', extract: BOUNDARIES, format: 'geojson' } : null;
  const spec = extractSpec(base);
  return spec ? { kind: 'extract', extract: spec.name, format: ext as 'csv' | 'xlsx' } : null;
}

/** Our own extract whose required columns are all in the header (the one with most columns matched). */
function extractByHeader(headers: string[]): ExtractName | null {
  const names = new Set(headers.map(normaliseHeader));
  const fits = EXTRACTS.filter((e) => e.columns.every((c) => !c.required || names.has(c.name)))
    .map((e) => ({ e, n: e.columns.filter((c) => names.has(c.name)).length }))
    .sort((a, b) => b.n - a.n);
  return fits.length && (fits.length === 1 || fits[0].n > fits[1].n) ? fits[0].e.name : null;
}

export async function recognise(name: string, path: string): Promise<Recognised> {
  const lower = name.trim().toLowerCase();
  if (lower.endsWith('.xml')) {
    const text = (await head(path)).toString('utf8');
    const cin = layoutByName('cin_census');
    return cin && /<(CINdetails|Children|ChildIdentifiers)\b/.test(text) ? { kind: 'source', layout: cin, headers: [], positions: new Map() } : null;
  }
  if (lower.endsWith('.csv')) {
    const buf = await head(path);
    const h = headerRecord(buf);
    if (h && h.end > h.start) {
      const headers = splitRecord(buf.subarray(h.start, h.end).toString('utf8'));
      const source = recogniseHeader(headers);
      if (source) return { kind: 'source', ...source, headers };
      const named = byName(name);
      if (named) return named;
      const extract = extractByHeader(headers);
      return extract ? { kind: 'extract', extract, format: 'csv' } : null;
    }
  }
  return byName(name);
}
