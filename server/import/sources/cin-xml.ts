// Reads a DfE CIN census XML file (<Message><Children><Child>…) into the
// rows of the cin_census layout: one row per <CINdetails> (a referral) with
// its child's details, the line of its <CINdetails> tag, and every
// <AssessmentFactors> code of its assessments. Values are then checked and
// converted like a CSV file's (stage.ts), problems named by element:
// `census.xml:120:CINreferralDate — "2018-02-30" — no such date`.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Layout } from './layouts.ts';
import { typeAndCheck, type StagedSource } from './stage.ts';
import { XmlError, xmlEvents } from './xml.ts';

interface Referral {
  line: number;
  fields: Map<string, string>;
  factors: string[];
}

/** Elements read as lists (every occurrence), by key. */
const LISTS = new Set(['disabilities', 'factors']);

export async function stageCinXml(
  conn: DuckDBConnection,
  args: { layout: Layout; file: string; buf: Buffer; table: string },
): Promise<StagedSource> {
  const { layout, file, table } = args;
  const keyOf = new Map<string, string>();
  for (const c of layout.columns) for (const n of [c.header, ...(c.aliases ?? [])]) keyOf.set(n.toLowerCase(), c.key);
  const out: StagedSource = { layout, file, table, rows: 0, problems: [], used: [], dropped: [] };
  const rows: { line: number; values: Map<string, string> }[] = [];
  const seen = new Set<string>();
  const stack: string[] = [];
  let text = '';
  let child: { fields: Map<string, string>; disabilities: string[]; referrals: Referral[] } | null = null;
  let referral: Referral | null = null;
  try {
    for (const ev of xmlEvents(args.buf.toString('utf8').replace(/^\uFEFF/, ''))) {
      if (ev.type === 'text') {
        text += ev.text;
      } else if (ev.type === 'open') {
        text = '';
        if (ev.name === 'Child') child = { fields: new Map(), disabilities: [], referrals: [] };
        if (ev.name === 'CINdetails' && child) referral = { line: ev.line, fields: new Map(), factors: [] };
        if (!ev.selfClosing) stack.push(ev.name);
      } else {
        const open = stack.pop();
        if (open !== ev.name) throw new XmlError(`</${ev.name}> closes <${open ?? 'nothing'}>`, ev.line);
        const parent = stack[stack.length - 1];
        const value = text.trim();
        text = '';
        const key = keyOf.get(ev.name.toLowerCase());
        if (ev.name === 'CINdetails' && referral && child) {
          child.referrals.push(referral);
          referral = null;
        } else if (ev.name === 'Child' && child) {
          for (const r of child.referrals) {
            const values = new Map([...child.fields, ...r.fields]);
            values.set('disabilities', JSON.stringify(child.disabilities));
            values.set('factors', JSON.stringify(r.factors));
            rows.push({ line: r.line, values });
          }
          child = null;
        } else if (value !== '' && child) {
          seen.add(ev.name);
          if (key === 'factors' && referral) referral.factors.push(value);
          else if (key === 'disabilities') child.disabilities.push(value);
          else if (key && !LISTS.has(key)) {
            const target = referral && parent === 'CINdetails' ? referral.fields : referral ? null : child.fields;
            if (target && !target.has(key)) target.set(key, value);
          }
        }
      }
    }
    if (stack.length) throw new XmlError(`<${stack[stack.length - 1]}> is never closed: truncated file`, args.buf.toString('utf8').split('\n').length);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    out.problems.push({ file, row: e.line, column: null, value: null, message: `not well-formed XML: ${e.message}` });
    return out;
  }
  const names = new Map(layout.columns.map((c) => [c.key, c.header]));
  out.used = layout.columns.filter((c) => seen.has(c.header) || (c.aliases ?? []).some((a) => seen.has(a))).map((c) => `${c.header} → ${c.use}`);
  out.dropped = Array.from(seen).filter((n) => !keyOf.has(n.toLowerCase())).sort();

  const raw = `${table}_lined`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${raw} (line BIGINT, ${layout.columns.map((c) => `r_${c.key} VARCHAR`).join(', ')})`);
  const appender = await conn.createAppender(raw, 'main', 'temp');
  for (const row of rows) {
    appender.appendBigInt(BigInt(row.line));
    for (const c of layout.columns) {
      const v = row.values.get(c.key);
      if (v === undefined) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.endRow();
  }
  appender.closeSync();
  return typeAndCheck(conn, out, raw, (c) => names.get(c.key) ?? c.header);
}

