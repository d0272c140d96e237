// The XLSX download of every report table (client/src/components/xlsx.ts):
// header bold, counts and percentages as numbers, withheld counts as '[c]' text.
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
    expect(sheet[1]).toEqual([{ value: 'band 14-15', type: String }, { value: 45, type: Number }, { value: 45.9, type: Number }]);
    expect(sheet[2]).toEqual([{ value: 'band not_recorded', type: String }, { value: '[c]', type: String }, null]);
  });
});
