// A minimal streaming reader of XML elements for the fixed layouts we read
// (the DfE CIN census): start tags, end tags and text, each with its line.
// Enough for data files without mixed content; attributes are skipped (the
// census has none we use); comments, processing instructions and DOCTYPE are
// skipped; CDATA is text. No external parser: nothing is installed for it.

export type XmlEvent =
  | { type: 'open'; name: string; line: number; selfClosing: boolean }
  | { type: 'close'; name: string; line: number }
  | { type: 'text'; text: string; line: number };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** The element's local name (a namespace prefix dropped). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

export class XmlError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export function* xmlEvents(text: string): Generator<XmlEvent> {
  let pos = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    pos = to;
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      advance(text.length);
      break;
    }
    if (lt > pos) {
      const raw = text.slice(pos, lt);
      const at = line;
      advance(lt);
      if (raw.trim()) yield { type: 'text', text: decodeEntities(raw), line: at };
    }
    const skipTo = (end: string, what: string) => {
      const e = text.indexOf(end, pos);
      if (e < 0) throw new XmlError(`unterminated ${what}`, line);
      return e;
    };
    if (text.startsWith('<!--', pos)) {
      advance(skipTo('-->', 'comment') + 3);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const e = skipTo(']]>', 'CDATA section');
      const at = line;
      const body = text.slice(pos + 9, e);
      advance(e + 3);
      yield { type: 'text', text: body, line: at };
    } else if (text.startsWith('<?', pos)) {
      advance(skipTo('?>', 'processing instruction') + 2);
    } else if (text.startsWith('<!', pos)) {
      advance(skipTo('>', 'declaration') + 1);
    } else {
      const e = skipTo('>', 'tag');
      const tag = text.slice(pos + 1, e);
      const at = line;
      advance(e + 1);
      const m = /^(\/?)\s*([A-Za-z_][\w.:-]*)[^]*?(\/?)\s*$/.exec(tag);
      if (!m) throw new XmlError(`not a tag: <${tag.slice(0, 40)}>`, at);
      if (m[1]) yield { type: 'close', name: local(m[2]), line: at };
      else yield { type: 'open', name: local(m[2]), line: at, selfClosing: m[3] === '/' };
    }
  }
}
