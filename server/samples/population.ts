// Resident children by ward, year, sex and single year of age (the rate denominators).
import type { Ward } from './geography.ts';
import type { Rng } from './prng.ts';

export interface PopulationRow {
  code: string;
  year: number;
  sex: 'F' | 'M';
  age: number;
  population: number;
}

/** Mid-year estimates for each calendar year from `firstYear` to `lastYear`. */
export function populationRows(rng: Rng, wards: readonly Ward[], firstYear: number, lastYear: number): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (const ward of wards) {
    const growth = rng.uniform(-0.008, 0.018);
    const youthful = rng.uniform(-0.012, 0.012); // younger or older age profile
    for (let year = firstYear; year <= lastYear; year++) {
      const total = ward.children * Math.pow(1 + growth, year - firstYear);
      for (const sex of ['F', 'M'] as const) {
        const share = sex === 'M' ? 0.512 : 0.488;
        for (let age = 0; age <= 17; age++) {
          const profile = 1 + youthful * (8.5 - age);
          const count = (total * share * profile) / 18;
          rows.push({ code: ward.code, year, sex, age, population: Math.max(0, Math.round(count * rng.uniform(0.93, 1.07))) });
        }
      }
    }
  }
  return rows;
}
