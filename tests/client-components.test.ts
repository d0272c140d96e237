// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { cellDisplay, dataTable, type Column } from '../client/src/components/data-table.ts';
import { csvText } from '../client/src/components/csv.ts';
import { card, changeText } from '../client/src/components/card.ts';
import { completenessNote, notRecordedShare } from '../client/src/components/completeness.ts';
import { figure } from '../client/src/components/figure.ts';
import { breakdownFigure, orderRows } from '../client/src/components/breakdown.ts';
import { createPeriodPicker, customRangeError } from '../client/src/components/period-picker.ts';
import { errorBox, loadInto } from '../client/src/components/status.ts';
import { svgText } from '../client/src/components/download.ts';
import { ApiError } from '../client/src/api.ts';
import { barChart } from '../client/src/charts/bar-chart.ts';
import { codeLabel } from '../client/src/labels.ts';

const columns: Column[] = [
  { key: 'key', label: 'Age band', format: codeLabel },
  { key: 'count', label: 'Cases', kind: 'count' },
  { key: 'share', label: '% of total', kind: 'percent' },
];
const rows = [
  { key: '12-13', count: 1204, share: 80.25 },
  { key: '0-11', count: null, suppressed: true, share: null },
  { key: 'not_recorded', count: 296, share: 19.75 },
];

describe('dataTable', () => {
  test('caption, scoped headers, right-aligned numbers, [c] for a withheld row and its share', () => {
    const el = dataTable(rows, columns, { caption: 'Cases by age band', id: 't1' });
    const table = el.querySelector('table')!;
    expect(table.id).toBe('t1');
    expect(table.querySelector('caption')?.textContent).toBe('Cases by age band');
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    const body = [...table.querySelectorAll('tbody tr')];
    expect(body.map((tr) => tr.querySelector('th[scope="row"]')?.textContent)).toEqual(['12 to 13', '0 to 11', 'Not recorded']);
    expect([...body[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1,204', '80.3%']);
    const [count, share] = [...body[1].querySelectorAll('td')];
    expect(count.textContent).toBe('[c]');
    expect(share.textContent).toBe('[c]');
    expect(share.getAttribute('title')).toBe('suppressed: small number');
    expect(count.classList.contains('num')).toBe(true);
    expect(el.querySelector('.actions button')?.textContent).toBe('Download CSV');
  });

  test('CSV has a BOM, CRLF lines, [c] for suppressed, rounded percentages, quoting', () => {
    const csv = csvText([...rows, { key: 'say "hi", all', count: 3, share: 12.35 }, { key: '=SUM(A1)', count: 1, share: 0 }], columns);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Age band,Cases,% of total',
      '12 to 13,1204,80.3',
      '0 to 11,[c],',
      'Not recorded,296,19.8',
      '"say ""hi"", all",3,12.4',
      "'=SUM(A1),1,0",
      '',
    ]);
  });

  test('an empty table says so', () => {
    const el = dataTable([], columns, { caption: 'Nothing' });
    expect(el.querySelector('tbody')?.textContent).toBe('No records in this period.');
  });
});

describe('dataTable paging', () => {
  const wards = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `W${i + 1}`, count: i + 1 }));
  const wardColumns: Column[] = [{ key: 'key', label: 'Ward' }, { key: 'count', label: 'Cases', kind: 'count' }];
  const shownKeys = (el: HTMLElement) => [...el.querySelectorAll('tbody th')].map((th) => th.textContent);
  const button = (el: HTMLElement, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  test('a short table has no pager', () => {
    const el = dataTable(wards(100), wardColumns, { caption: 'Exactly a page' });
    expect(el.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(el.querySelector('.pager')).toBeNull();
    expect([...el.querySelectorAll('button:not(.sort)')].map((b) => b.textContent)).toEqual(['Download CSV', 'Download XLSX']);
  });

  test('builds rows only for the page shown, with the range in UK format', () => {
    let formatted = 0;
    const counted: Column[] = [{ key: 'key', label: 'Ward', format: (v) => { formatted += 1; return v; } }, wardColumns[1]];
    const el = dataTable(wards(23_456), counted, { caption: 'Offenders linked to two or more children' });
    expect(el.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(formatted).toBe(100);
    expect(el.querySelector('.pager-range')?.textContent).toBe('Rows 1 to 100 of 23,456');
  });

  test('Previous, Next and Show all page through the rows, announce the range and keep focus', () => {
    const el = dataTable(wards(234), wardColumns, { caption: 'Cases by ward' });
    document.body.append(el);
    const range = el.querySelector('.pager-range')!;
    const [previous, next, all] = ['Previous 100', 'Next 100', 'Show all'].map((t) => button(el, t));
    expect([...el.querySelectorAll('.table-block > *')].map((c) => c.className)).toEqual(['table-scroll', 'pager', 'actions']);
    expect(el.querySelector('.pager')?.getAttribute('aria-label')).toBe('Pages of Cases by ward');
    expect([range.getAttribute('role'), range.getAttribute('aria-live')]).toEqual(['status', 'polite']);
    expect([previous, next, all].map((b) => [b.type, b.disabled])).toEqual([['button', true], ['button', false], ['button', false]]);
    expect(shownKeys(el)).toHaveLength(100);
    expect(shownKeys(el)[99]).toBe('W100');

    next.focus();
    next.click();
    expect(range.textContent).toBe('Rows 101 to 200 of 234');
    expect(shownKeys(el).slice(0, 2)).toEqual(['W101', 'W102']);
    expect([previous.disabled, next.disabled, document.activeElement]).toEqual([false, false, next]);
    next.click();
    expect(range.textContent).toBe('Rows 201 to 234 of 234');
    expect(shownKeys(el)).toEqual(wards(234).slice(200).map((r) => r.key));
    expect(el.querySelector('tbody tr:last-child td')?.textContent).toBe('234');
    expect([next.disabled, document.activeElement]).toEqual([true, previous]);
    previous.click();
    previous.click();
    expect(range.textContent).toBe('Rows 1 to 100 of 234');
    expect(shownKeys(el)[0]).toBe('W1');
    expect([previous.disabled, document.activeElement]).toEqual([true, next]);

    all.click();
    expect(range.textContent).toBe('Rows 1 to 234 of 234');
    expect(shownKeys(el)).toEqual(wards(234).map((r) => r.key));
    expect([previous.disabled, next.disabled, all.disabled]).toEqual([true, true, true]);
    expect(document.activeElement).toBe(el.querySelector('.table-scroll'));
    expect(el.querySelector('caption')?.textContent).toBe('Cases by ward');
  });

  test('pageSize overrides the page, and paging never reaches the downloads: CSV and XLSX hold every row', async () => {
    const el = dataTable(wards(5), wardColumns, { caption: 'Cases by ward', pageSize: 2 });
    document.body.append(el);
    expect([...el.querySelectorAll('.pager button')].map((b) => b.textContent)).toEqual(['Previous 2', 'Next 2', 'Show all']);
    expect(el.querySelector('.pager-range')?.textContent).toBe('Rows 1 to 2 of 5');
    expect(dataTable(wards(500), wardColumns, { caption: 'All', pageSize: Infinity }).querySelectorAll('tbody tr')).toHaveLength(500);
    const files: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => { files.push(blob); return 'blob:test'; };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    button(el, 'Download CSV').click();
    const lines = (await files[0].text()).split('\r\n');
    expect(lines.slice(lines.indexOf('') + 1)).toEqual(['Ward,Cases', 'W1,1', 'W2,2', 'W3,3', 'W4,4', 'W5,5', '']);
    button(el, 'Download XLSX').click();
    await vi.waitFor(() => expect(files).toHaveLength(2));
    const [sheet] = await readXlsxFile(Buffer.from(await files[1].arrayBuffer()));
    expect(sheet.sheet).toBe('Cases by ward');
    const header = sheet.data.findIndex((r) => r[0] === 'Ward');
    expect(sheet.data.slice(header)).toEqual([['Ward', 'Cases'], ['W1', 1], ['W2', 2], ['W3', 3], ['W4', 4], ['W5', 5]]);
  });
});

describe('dataTable sorting, search and downloads that stand alone', () => {
  const people = [
    { id: 'C-0003', risk: 'high', n: 3, change: -1, pct: -25 },
    { id: 'C-0010', risk: 'low', n: null, suppressed: true, change: null, pct: null },
    { id: 'C-0002', risk: 'medium', n: 12, change: 4, pct: 50 },
    { id: 'C-0001', risk: 'low', n: 7, change: 0, pct: 0 },
  ];
  const cols: Column[] = [
    { key: 'id', label: 'Child' },
    { key: 'risk', label: 'Risk level', format: codeLabel, code: true },
    { key: 'n', label: 'Episodes', kind: 'count' },
    { key: 'change', label: 'Change', kind: 'change' },
    { key: 'pct', label: '% change', kind: 'pct_change' },
  ];
  const keys = (el: HTMLElement) => [...el.querySelectorAll('tbody th')].map((th) => th.textContent);
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  test('a button in every header sorts all rows, states aria-sort, withheld and empty last', () => {
    const el = dataTable(people, cols, { caption: 'Children', pageSize: 2 });
    const heads = [...el.querySelectorAll('thead th')];
    expect(heads.map((th) => th.querySelector('button.sort')?.textContent)).toEqual(['Child', 'Risk level', 'Episodes', 'Change', '% change']);
    const sortBy = (i: number) => (heads[i].querySelector('button') as HTMLButtonElement).click();
    sortBy(2);
    expect(heads[2].getAttribute('aria-sort')).toBe('ascending');
    // Only 2 rows a page: the order is over every row, not the page shown.
    expect(keys(el)).toEqual(['C-0003', 'C-0001']);
    sortBy(2);
    expect(heads[2].getAttribute('aria-sort')).toBe('descending');
    expect(keys(el)).toEqual(['C-0002', 'C-0001']);
    (el.querySelector('.pager button:last-child') as HTMLButtonElement).click();
    expect(keys(el)).toEqual(['C-0002', 'C-0001', 'C-0003', 'C-0010']);
    sortBy(0);
    expect(heads[2].hasAttribute('aria-sort')).toBe(false);
    expect(keys(el)).toEqual(['C-0001', 'C-0002']);
    sortBy(1);
    // High, Low, Low, Medium: equal labels keep their order.
    expect(keys(el)).toEqual(['C-0003', 'C-0010']);
    expect(el.querySelector('.actions [role="status"]')?.textContent).toBe('Sorted by Risk level, ascending.');
  });

  test('changes display signed, in words when none', () => {
    const el = dataTable(people, cols, { caption: 'Children' });
    expect([...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(2).map((td) => td.textContent))).toEqual([
      ['−1', '−25.0%'], ['–', '–'], ['+4', '+50.0%'], ['no change', '0.0%'],
    ]);
  });

  test('filter-as-you-type over the pseudonymous id; the download holds the rows shown, with its context', async () => {
    const el = dataTable(people, cols, { caption: 'Children missing, 2024/25', search: { label: 'Find a child', keys: ['id'] } });
    document.body.append(el);
    const input = el.querySelector('input[type="search"]') as HTMLInputElement;
    expect(el.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Find a child');
    input.value = '00';
    input.dispatchEvent(new Event('input'));
    expect(keys(el)).toHaveLength(4);
    input.value = 'c-0001';
    input.dispatchEvent(new Event('input'));
    expect(keys(el)).toEqual(['C-0001']);
    const files: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => { files.push(blob); return 'blob:test'; };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Download CSV')!.click();
    const lines = (await files[0].text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Title,"Children missing, 2024/25"');
    expect(lines).toContain('Marking,OFFICIAL-SENSITIVE');
    expect(lines).toContain('Search,"Rows containing ""c-0001"" only"');
    expect(lines.slice(lines.indexOf('') + 1)).toEqual(['Child,Risk level,Risk level (code),Episodes,Change,% change', 'C-0001,Low,low,7,0,0', '']);
    input.value = 'zzz';
    input.dispatchEvent(new Event('input'));
    expect(el.querySelector('tbody')?.textContent).toBe('No row matches the search.');
  });
});

describe('cards and notes', () => {
  test('card shows value, previous period and change in words', () => {
    const el = card('Cases referred', 132, 120, 'count', { previousLabel: '2023/24' });
    expect(el.querySelector('.card-label')?.textContent).toBe('Cases referred');
    expect(el.querySelector('.card-value')?.textContent).toBe('132');
    expect(el.querySelector('.card-previous')?.textContent).toBe('2023/24: 120');
    expect(el.querySelector('.card-change')?.textContent).toBe('Change: up 12 (+10.0%)');
    const pct = card('RHI within 72h', null, 40, 'percent', { previousLabel: '2023/24' });
    expect(pct.querySelector('.card-value')?.textContent).toBe('–');
    expect(pct.querySelector('.card-value')?.getAttribute('title')).toBe('no denominator');
    expect(changeText(41.25, 43.8, 'percent')).toBe('down 2.6 percentage points');
    expect(changeText(5, 5, 'count')).toBe('no change');
    expect(changeText(3, 0, 'count')).toBe('up 3');
    expect(changeText(1200, 1250, 'count')).toBe('down 50 (−4.0%)');
  });

  test('completeness note, and a warning above 50% not recorded', () => {
    expect(notRecordedShare([{ key: 'F', count: 3 }, { key: 'not_recorded', count: 1 }])).toBe(25);
    expect(completenessNote([{ key: 'F', count: 3 }, { key: 'not_recorded', count: 1 }])?.textContent).toBe('25.0% not recorded.');
    const warn = completenessNote([{ key: 'F', count: 2 }, { key: 'not_recorded', count: 3 }])!;
    expect(warn.className).toBe('warning');
    expect(warn.textContent).toContain('60.0% not recorded.');
    expect(completenessNote([{ key: 'F', count: 2 }, { key: 'not_recorded', count: 2 }])?.className).toBe('note');
    expect(completenessNote([])).toBeNull();
  });

  test('breakdown rows in band order with not recorded last', () => {
    const ordered = orderRows([{ key: 'not_recorded', count: 9 }, { key: '16-17', count: 1 }, { key: '0-11', count: 2 }], ['0-11', '12-13', '14-15', '16-17', '18+']);
    expect(ordered.map((r) => r.key)).toEqual(['0-11', '16-17', 'not_recorded']);
    expect(orderRows([{ key: 'a', count: 1 }, { key: 'not_recorded', count: 9 }, { key: 'b', count: 5 }]).map((r) => r.key)).toEqual(['b', 'a', 'not_recorded']);
  });
});

describe('figure', () => {
  test('wraps chart and table with a numbered caption and downloads', () => {
    const chart = barChart([{ key: 'F', count: 3 }], { ariaLabel: 'Cases by sex', xLabel: 'Cases', yLabel: 'Sex' });
    const el = figure(chart, dataTable([{ key: 'F', count: 3 }], columns.slice(0, 2), { caption: 'Cases by sex' }), { caption: 'Cases by sex', number: 3 });
    expect(el.tagName).toBe('FIGURE');
    expect(el.querySelector('figcaption')?.textContent).toBe('Figure 3: Cases by sex');
    expect(el.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe('Cases by sex');
    expect(el.querySelector('table caption')?.textContent).toBe('Cases by sex');
    expect([...el.querySelectorAll('button:not(.sort)')].map((b) => b.textContent)).toEqual(['Download SVG', 'Download PNG', 'Download CSV', 'Download XLSX']);
    const text = svgText(chart);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).not.toContain('<style');
  });

  test('breakdown figure: chart, completeness and a table of counts and shares', () => {
    const el = breakdownFigure({ subject: 'missing', dimension: 'duration_band', rows: [
      { key: 'over_72h', count: 2 }, { key: 'not_recorded', count: 6 }, { key: 'under_6h', count: 12 },
    ] }, { caption: 'Missing episodes by duration', number: 2, categoryLabel: 'Time missing', countLabel: 'Episodes' });
    expect([...el.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Under 6 hours', 'Over 72 hours', 'Not recorded']);
    expect([...el.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['12', '60.0%', '2', '10.0%', '6', '30.0%']);
    expect(el.querySelector('.note')?.textContent).toBe('30.0% not recorded.');
    expect(el.querySelectorAll('svg g[aria-label="bar"] rect')).toHaveLength(3);
  });
});

describe('status and period picker', () => {
  test('loadInto shows Loading… with aria-busy, then the result or an alert', async () => {
    const el = document.createElement('div');
    let release!: () => void;
    const pending = loadInto(el, 'x', () => new Promise<Node>((r) => { release = () => r(document.createTextNode('done')); }));
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(el.textContent).toBe('Loading…');
    release();
    await pending;
    expect(el.hasAttribute('aria-busy')).toBe(false);
    expect(el.textContent).toBe('done');
    await loadInto(el, 'the trends', () => Promise.reject(new ApiError(404, 'No such API route')));
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('Could not load the trends.Not available yet: No such API route');
    expect(errorBox(new Error('boom')).getAttribute('role')).toBe('alert');
  });

  test('custom range validation and picker state', () => {
    expect(customRangeError('2024-04-01', '2024-03-31')).toBe('The start date must be on or before the end date.');
    expect(customRangeError('', '2024-03-31')).toBe('Enter a valid start date.');
    expect(customRangeError('2024-01-01', '2024-03-31')).toBeNull();
    const chosen: string[] = [];
    const picker = createPeriodPicker((p) => chosen.push(`${p.from}/${p.to}`), '2025-11-22');
    document.body.append(picker.element);
    picker.update({ from: '2024-04-01', to: '2025-03-31' }, { from: '2023-04-01', to: '2024-03-31' });
    const select = picker.element.querySelector('select')!;
    expect(select.value).toBe('2024');
    expect(select.options[0].textContent).toBe('2025/26 (year to date)');
    expect(select.options[1].textContent).toBe('Financial year 2024/25');
    expect(picker.element.querySelector('.period-summary')?.textContent).toBe('Showing 2024/25 (01/04/2024 to 31/03/2025), compared with 2023/24 (01/04/2023 to 31/03/2024).');
    select.value = '2022';
    select.dispatchEvent(new Event('change'));
    expect(chosen).toEqual(['2022-04-01/2023-03-31']);
    // Presets beyond financial years: a quarter, then a range that is none of them.
    select.value = '2025-07-01/2025-09-30';
    select.dispatchEvent(new Event('change'));
    expect(chosen).toEqual(['2022-04-01/2023-03-31', '2025-07-01/2025-09-30']);
    picker.update({ from: '2025-07-01', to: '2025-09-30' }, { from: '2025-04-01', to: '2025-06-30' });
    expect(select.selectedOptions[0].textContent).toBe('Q2 2025/26 (July to September 2025)');
    picker.update({ from: '2024-01-15', to: '2024-03-31' }, { from: '2023-10-30', to: '2024-01-14' });
    expect(select.value).toBe('custom');
    expect((picker.element.querySelector('.period-custom') as HTMLElement).hidden).toBe(false);
    (picker.element.querySelector('#period-to') as HTMLInputElement).value = '2023-12-01';
    (picker.element as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    expect(picker.element.querySelector('#period-error')?.textContent).toBe('The start date must be on or before the end date.');
    expect(chosen).toHaveLength(2);
  });
});

describe('cellDisplay: [c] means withheld and nothing else', () => {
  const rate: Column = { key: 'rate', label: 'Rate', kind: 'rate' };
  const pct: Column = { key: 'pct', label: '%', kind: 'percent' };
  test('a withheld row shows [c] for its rate and percentage', () => {
    const row = { count: null, rate: null, pct: null, suppressed: true };
    expect(cellDisplay(row, rate).text).toBe('[c]');
    expect(cellDisplay(row, pct).text).toBe('[c]');
  });
  test('a row with no population says so, not [c]', () => {
    const row = { count: 12, rate: null, pct: 40 };
    expect(cellDisplay(row, rate).text).toBe('no population');
    expect(cellDisplay(row, pct).text).toBe('40.0%');
  });
});
