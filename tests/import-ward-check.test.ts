// Imports that warn (server/import/ward-check.ts): a batch whose wards are not in
// the boundaries held, or boundaries without the wards in use, is imported with a
// warning naming the wards and where they are used.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db.ts';
import { importFiles, importFolder } from '../server/import/index.ts';
import { fixturePath } from './helpers/fixtures.ts';

const ACCEPTANCE = fixturePath('acceptance/extracts');
const DEMO = fileURLToPath(new URL('../data-samples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ward-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 50], [x + 0.01, 50], [x + 0.01, 50.01], [x, 50.01], [x, 50]]] });

describe('ward check on import', () => {
  it('names the wards the boundaries held lack, with where they are used (nothing while no boundaries are held)', async () => {
    const db = await Database.open(':memory:');
    const first = await importFolder(db, ACCEPTANCE, { source: 'cli' });
    expect(first.ok).toBe(true);
    // The wards in use, counted straight from the stored extracts.
    const used = (await db.all(`SELECT DISTINCT code FROM (
      SELECT home_ward AS code FROM cases UNION ALL SELECT home_ward FROM missing_episodes UNION ALL SELECT found_ward FROM missing_episodes
      UNION ALL SELECT home_ward FROM offenders UNION ALL SELECT ward FROM locations) WHERE code IS NOT NULL ORDER BY code`)).map((r) => String(r.code));
    expect(used.length).toBeGreaterThan(2);
    expect(first.warnings.filter((w) => /ward/i.test(w))).toEqual([]);

    const file = join(dir, 'boundaries.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { area_code: used[0], area_name: 'Held ward' }, geometry: square(-1) },
      { type: 'Feature', properties: { area_code: 'E05999999', area_name: 'Unused ward' }, geometry: square(-0.9) },
    ] }));
    const second = await importFiles(db, [{ name: 'boundaries.geojson', path: file }], { source: 'cli' });
    expect(second.ok).toBe(true);
    const warning = second.warnings.find((w) => w.includes('ward boundaries held'));
    expect(warning).toBeDefined();
    expect(warning).toContain(`${used.length - 1} of the ${used.length} wards the extracts use are in the ward boundaries held (2 wards): `);
    for (const code of used.slice(1, 11)) expect(warning).toContain(code);
    expect(warning).not.toContain(`${used[0]},`);
    expect(warning).toContain('cases.home_ward');
    db.close();
  }, 120_000);

  it('says nothing when every ward in use has a boundary', async () => {
    const db = await Database.open(':memory:');
    const r = await importFolder(db, DEMO, { source: 'cli' });
    expect(r.ok).toBe(true);
    expect(r.warnings.filter((w) => /ward/i.test(w))).toEqual([]);
    db.close();
  }, 120_000);
});
