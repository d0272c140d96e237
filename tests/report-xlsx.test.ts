// The XLSX download of every report table (client/src/components/xlsx.ts):
// header bold, counts and percentages as numbers, withheld counts as '[c]' text,
// the context lines first, and no formula guard (typed cells).
import { describe, expect, it } from 'vitest';
import { xlsxSheet } from '../client/src/components/xlsx.ts';
import type { Column } from '../client/src/components/data-table.ts';

const columns: Column[] = [
  { key: 'key', label: 'Age band', format: (k) => `band ${k}` },
  { key: 'count', label: 'Cases', kind: 'count' },
  { key: 'share', label: '% of total', kind: 'percent' },
];

describe('xlsxSheet', () => {
  it('writes numbers as numbers, [c] as text and a bold header', () => {
    const sheet = xlsxSheet([
      { key: '14-15', count: 45, share: 45.918 },
      { key: 'not_recorded', count: null, suppressed: true, share: null },
    ], columns);
    expect(sheet[0]).toEqual([
      { value: 'Age band', type: String, fontWeight: 'bold' },
      { value: 'Cases', type: String, fontWeight: 'bold' },
      { value: '% of total', type: String, fontWeight: 'bold' },
    ]);
    expect(sheet[1]).toEqual([{ value: 'band 14-15', type: String }, { value: 45, type: Number, format: '#,##0' }, { value: 45.9, type: Number, format: '0.0' }]);
    expect(sheet[2]).toEqual([{ value: 'band not_recorded', type: String }, { value: '[c]', type: String }, null]);
  });

  it('keeps text that looks like a formula as it is (typed cells are never formulas), codes in their own column, changes as numbers', () => {
    const sheet = xlsxSheet([{ key: 'gifts_money', label: '+6.5% =A1', change: -1, change_pct: -16.666 }], [
      { key: 'key', label: 'Vulnerability', format: () => 'Gifts/money', code: true },
      { key: 'label', label: 'Note' },
      { key: 'change', label: 'Change', kind: 'change' },
      { key: 'change_pct', label: '% change', kind: 'pct_change' },
    ], [['Title', 'Cases by vulnerability'], ['Marking', 'OFFICIAL-SENSITIVE']]);
    expect(sheet[0]).toEqual([{ value: 'Title', type: String, fontWeight: 'bold' }, { value: 'Cases by vulnerability', type: String }]);
    expect(sheet[1][1]).toEqual({ value: 'OFFICIAL-SENSITIVE', type: String });
    expect(sheet[3].map((c) => (c as { value: string }).value)).toEqual(['Vulnerability', 'Vulnerability (code)', 'Note', 'Change', '% change']);
    expect(sheet[4]).toEqual([
      { value: 'Gifts/money', type: String },
      { value: 'gifts_money', type: String },
      { value: '+6.5% =A1', type: String },
      { value: -1, type: Number, format: '+#,##0.#;-#,##0.#;0' },
      { value: -16.7, type: Number, format: '0.0' },
    ]);
  });
});
