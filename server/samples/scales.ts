// How big a generated data set is: the demo borough, or many areas tiled for the benchmark.
import type { Pt } from './geometry.ts';
import type { AreaProfile } from './model.ts';

export type ScaleName = 'demo' | 'national';

export interface Scale {
  areas: number;
  columns: number; // areas are tiled in a grid this many wide
  firstYear: number; // first financial year
  years: number;
  origin: Pt; // [lon, lat] of the first area: on the Dogger Bank, so no real place lies beneath
  profile: AreaProfile;
}

export const SCALES: Record<ScaleName, Scale> = {
  demo: {
    areas: 1,
    columns: 1,
    firstYear: 2021,
    years: 5,
    origin: [2.1, 54.75],
    profile: { wardCount: [16, 19], referralsPerMonth: 13.3, episodesPerYear: 2000, offendersPerYear: 80, locations: 150 },
  },
  national: {
    areas: 40,
    columns: 8,
    firstYear: 2016,
    years: 10,
    origin: [1.0, 54.3],
    profile: { wardCount: [16, 19], referralsPerMonth: 35, episodesPerYear: 6000, offendersPerYear: 255, locations: 1260 },
  },
};

export function isScaleName(name: string): name is ScaleName {
  return name in SCALES;
}
