// The hotspot methods, their parameters and their limits, in words, for the
// methodology appendix of the report (server/report/methodology.ts); the same
// sentences as the exports' `method` metadata.
import { DEFAULT_GUARD } from './gistar.ts';
import { DEFAULT_CELL_M } from './params.ts';
import { MIN_STEPS, TREND_ALPHA } from './emerging.ts';
import { emergingMethod, gridMethod } from './export.ts';

export function hotspotMethodNotes(): string[] {
  return [
    `Hot spot maps: ${gridMethod(DEFAULT_CELL_M, 'boundaries', DEFAULT_GUARD)} The cell size can be chosen (100 m to 1 km on the page).`,
    `${emergingMethod({
      cell_m: DEFAULT_CELL_M, step: 'month', steps: [], trend_alpha: TREND_ALPHA,
      min_neighbourhood_reports: DEFAULT_GUARD.minNeighbourhood, min_total_reports: DEFAULT_GUARD.minTotal,
    })} At least ${MIN_STEPS} steps (months or quarters) are needed.`,
    "Density maps: a Gaussian kernel whose standard deviation (the bandwidth) is set in metres on the ground, so the surface does not change with the screen; by default Scott's rule, h = σ · N^(−1/6), from the spread σ of the reports' British National Grid coordinates and their number N.",
    'Limits of the hot spot methods: the statistics describe where reports were made, which follows where professionals look as well as where children are harmed; ' +
      'cells at the edge of the grid have fewer neighbours; a cell is a square of an arbitrary grid, so a cluster split by a cell edge is weaker than it is; ' +
      'grid cells with few reports are not tested ("too few reports"), so a small new problem can be missed; and the National Grid coordinates come from the OS Helmert ' +
      'transformation, good to about 5 m. police.uk crime, where shown, is drawn at police.uk\'s anonymous snap points, never at an address: it is context, not a place of offences.',
  ];
}
