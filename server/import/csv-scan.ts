// Byte-level look at a CSV file before DuckDB reads it: binary content, the
// byte-order mark, the header record (RFC 4180 quoting), and the line of the
// file each record starts on (records can span lines inside quotes; blank
// lines are skipped by the reader, as DuckDB does).
import type { Breakpoint } from './staging.ts';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/** Whether the file ends lines with CRLF in places and a bare LF in others (DuckDB's strict reader refuses that). */
export function mixedLineEndings(buf: Buffer): boolean {
  const crlf = buf.indexOf('\r\n');
  if (crlf < 0) return false;
  for (let nl = buf.indexOf(LF); nl >= 0; nl = buf.indexOf(LF, nl + 1)) if (nl === 0 || buf[nl - 1] !== CR) return true;
  return false;
}

/** The file with every CRLF turned into LF: the same lines, one line ending. */
export function withLfEndings(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buf.indexOf('\r\n'); at >= 0; at = buf.indexOf('\r\n', from)) {
    parts.push(buf.subarray(from, at));
    from = at + 1;
  }
  parts.push(buf.subarray(from));
  return Buffer.concat(parts);
}

export function bomLength(buf: Buffer): number {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
}

/** Line (1-based) and field (0-based, counting commas on that line) of a byte offset. */
export function positionOf(buf: Buffer, offset: number): { line: number; field: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = buf.indexOf(LF); i >= 0 && i < offset; i = buf.indexOf(LF, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let field = 0;
  for (let i = buf.indexOf(COMMA, lineStart); i >= 0 && i < offset; i = buf.indexOf(COMMA, i + 1)) field++;
  return { line, field };
}

interface RecordVisit {
  /** Line the record starts on. */
  line: number;
  /** An empty line (skipped by the reader). */
  blank: boolean;
  start: number;
  /** Offset just past the record's content (before its line ending). */
  end: number;
}

/**
 * Calls `visit` for every record from `from`, in order. Jumps from newline to
 * newline with native searches; quotes are only counted, so a file without
 * quoted newlines costs one pass of indexOf.
 */
export function scanRecords(buf: Buffer, from: number, visit: (r: RecordVisit) => boolean | void): void {
  const len = buf.length;
  let pos = from;
  let line = 1;
  let nextQuote = buf.indexOf(QUOTE, pos);
  if (nextQuote < 0) nextQuote = Infinity;
  while (pos < len) {
    const start = pos;
    const startLine = line;
    const blank = buf[pos] === LF || (buf[pos] === CR && buf[pos + 1] === LF);
    let inQuote = false;
    let end = len;
    for (;;) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0) nl = len;
      while (nextQuote < nl) {
        inQuote = !inQuote;
        nextQuote = buf.indexOf(QUOTE, nextQuote + 1);
        if (nextQuote < 0) nextQuote = Infinity;
      }
      pos = nl + 1;
      if (nl < len) line++;
      if (!inQuote || nl >= len) {
        end = nl > start && buf[nl - 1] === CR ? nl - 1 : nl;
        break;
      }
    }
    if (visit({ line: startLine, blank, start, end }) === false) return;
  }
}

/** Splits one record's text into fields (RFC 4180 quotes, `""` inside quotes). */
export function splitRecord(text: string): string[] {
  const fields: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') inQuote = false;
      else cur += ch;
    } else if (ch === '"') inQuote = true;
    else if (ch === ',') {
      fields.push(cur);
      cur = '';
    } else cur += ch;
  }
  fields.push(cur);
  return fields;
}

export interface HeaderRecord {
  /** Byte range of the header's text (after the BOM). */
  start: number;
  end: number;
  /** Offset where the data records begin. */
  dataStart: number;
  /** Lines the header spans. */
  lines: number;
}

export function headerRecord(buf: Buffer): HeaderRecord | null {
  let found: HeaderRecord | null = null;
  const from = bomLength(buf);
  scanRecords(buf, from, (r) => {
    let dataStart = r.end;
    while (dataStart < buf.length && buf[dataStart] !== LF) dataStart++;
    found = { start: r.start, end: r.end, dataStart: dataStart + 1, lines: 0 };
    return false;
  });
  if (!found) return null;
  const h: HeaderRecord = found;
  let lines = 1;
  for (let i = buf.indexOf(LF, h.start); i >= 0 && i < h.end; i = buf.indexOf(LF, i + 1)) lines++;
  h.lines = lines;
  return h;
}

/**
 * The line map of the data records (those after the header): a breakpoint
 * wherever a record spans several lines or blank lines were skipped.
 */
export function dataLineBreakpoints(buf: Buffer, header: HeaderRecord): Breakpoint[] {
  const first: Breakpoint = { fromRow: 0, delta: header.lines + 1 };
  const hasQuote = buf.indexOf(QUOTE, header.dataStart) >= 0;
  const hasBlank = buf.indexOf('\n\n', header.dataStart) >= 0 || buf.indexOf('\n\r\n', header.dataStart) >= 0;
  const startsBlank = buf[header.dataStart] === LF || buf[header.dataStart] === CR;
  if (!hasQuote && !hasBlank && !startsBlank) return [first];
  const out: Breakpoint[] = [];
  let row = 0;
  let delta = NaN;
  let line = header.lines; // lines of the header, counted from the data start below
  scanRecords(buf, header.dataStart, (r) => {
    if (r.blank) return;
    const fileLine = r.line + line;
    if (fileLine - row !== delta) {
      delta = fileLine - row;
      out.push({ fromRow: row, delta });
    }
    row++;
  });
  return out.length ? out : [first];
}

/** The line each record starts on, header included, blank lines counted as records (DuckDB's reject numbering). */
export function recordLines(buf: Buffer): number[] {
  const out: number[] = [];
  scanRecords(buf, bomLength(buf), (r) => {
    out.push(r.line);
  });
  return out;
}
