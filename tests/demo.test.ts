// `npm start` on an empty database loads the fictional demo area: every file of
// data-samples/ imports without a problem and the area is named.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../server/db.ts';
import { hasExtracts } from '../server/import/index.ts';
import { DEMO_AREA_NAME, DEMO_DIR, loadDemoArea } from '../server/demo.ts';

const dataLines = (file: string) => readFileSync(join(DEMO_DIR, file), 'utf8').trimEnd().split('\n').length - 1;

describe('demo area', () => {
  it('loads data-samples/ whole and names the area', async () => {
    const db = await Database.open(':memory:');
    expect(await hasExtracts(db)).toBe(false);
    const result = await loadDemoArea(db);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const rows = Object.fromEntries(result.files.map((f) => [f.extract, f.rows]));
    for (const extract of ['cases', 'missing_episodes', 'offenders', 'case_offender_links', 'locations', 'location_reports', 'disruptions', 'population']) {
      expect(rows[extract]).toBe(dataLines(`${extract}.csv`));
    }
    const geo = JSON.parse(readFileSync(join(DEMO_DIR, 'boundaries.geojson'), 'utf8'));
    expect(rows.boundaries).toBe(geo.features.length);
    expect(await hasExtracts(db)).toBe(true);
    expect(await db.named('report/area#area_name')).toEqual([{ area_name: DEMO_AREA_NAME }]);
    db.close();
  });
});
