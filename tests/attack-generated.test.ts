// Issue #12's attacks (tests/helpers/attack.ts) on generated data sets: the
// committed demo borough and another seed of the generator (server/samples),
// so that the rules hold on data other than the acceptance extracts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArea } from '../server/samples/generate.ts';
import * as attack from './helpers/attack.ts';

const YEARS = [
  { from: '2024-04-01', to: '2025-03-31' },
  { from: '2023-04-01', to: '2024-03-31' },
];

const dataSets: { name: string; folder: () => Promise<string>; cleanup?: () => void }[] = [
  { name: 'the demo borough (data-samples/)', folder: async () => fileURLToPath(new URL('../data-samples/', import.meta.url)) },
  (() => {
    let dir = '';
    return {
      name: 'another seed of the generator',
      folder: async () => {
        dir = mkdtempSync(join(tmpdir(), 'attack-generated-'));
        await generateArea({ outDir: dir, seed: 'attack-suite-borough' });
        return dir;
      },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  })(),
];

for (const set of dataSets) {
  describe(`attacks on ${set.name}`, () => {
    let roles: attack.Roles;
    beforeAll(async () => {
      roles = await attack.openRoles(await set.folder(), YEARS);
    }, 180_000);
    afterAll(async () => {
      await roles.close();
      set.cleanup?.();
    });

    // Shifted periods, filters, definitions and grid sizes are refused before any figure is computed,
    // whatever the data: tests/attack-acceptance.test.ts tries every one of them.
    it('refuses a shifted period and a complementary filter', async () => {
      const y = YEARS[0];
      for (const s of [roles.viewer, roles.partner]) {
        expect((await s.get(`/api/hotspots/grid?from=${y.from}&to=2025-03-30`)).status).toBe(400);
        expect((await s.get(`/api/hotspots/grid?${attack.fyQuery(y)}&location_type=park`)).status).toBe(400);
      }
      expect((await roles.viewer.get(`/api/breakdowns/victims/age_band?${attack.fyQuery(y)}&sex=F`)).status).toBe(400);
    });
    it('totals minus shown cells, percentages × denominators and the concentration recover nothing', async () => {
      const { leaks, withheld } = await attack.totalsMinusShown(roles);
      expect(leaks).toEqual([]);
      expect(withheld).toBeGreaterThan(10);
      expect(await attack.percentagesTimesDenominators(roles)).toEqual([]);
      expect(await attack.concentrationSums(roles)).toEqual([]);
      expect((await attack.monthlySeriesSums(roles)).leaks).toEqual([]);
    }, 300_000);
    it('trend baselines and Gi* z-scores recover nothing', async () => {
      const trends = await attack.trendBaselines(roles);
      expect(trends.leaks).toEqual([]);
      const grid = await attack.giStarBesideWithheld(roles);
      expect(grid.leaks).toEqual([]);
      expect(trends.withheld + grid.withheld).toBeGreaterThan(5);
    }, 300_000);
    it('every figure a viewer or partner sees equals the analyst’s, and the report agrees with the pages', async () => {
      const { differences, compared } = await attack.figuresAgree(roles);
      expect(differences).toEqual([]);
      expect(compared).toBeGreaterThan(20);
      const report = await attack.reportAgreesWithPages(roles);
      expect(report.differences).toEqual([]);
      expect(report.compared).toBeGreaterThan(30);
    }, 300_000);
  });
}
