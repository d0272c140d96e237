// What every page and every download needs around its figures: the names of the
// wards held (boundaries) so that places are shown by name with their code, and
// the extracts held with the date of their latest import (a download's sources).
// Also, for every role, where the data held ends (the latest date of each
// extract) and which sources are held (tables not held, figures a held source
// cannot give), so that a page says "no offender data held" or "not in this
// source" rather than showing zeros. No figures and no file names or row
// counts; only the suppression note depends on the role (so it is not cached).
import type { AppContext } from '../app.ts';
import { heldSources } from '../import/sources/held.ts';
import type { NotInSource } from '../import/sources/layouts.ts';
import { MEASURES, type MeasureDef } from '../measures/definitions.ts';

/**
 * The table a measure counts (its records), by the measure's group; the
 * disruption measures of the locations group count disruptions. A measure whose
 * table is not held is shown as "no … data held", never as 0.
 */
function countedTable(m: MeasureDef): string {
  if (m.group === 'locations') return m.id === 'disruptions' || m.id === 'cawns_issued' ? 'disruptions' : 'location_reports';
  return { victims: 'cases', missing: 'missing_episodes', offenders: 'offenders', linking: 'cases' }[m.group];
}
import { suppressionThreshold, type RouteDef } from './registry.ts';

export interface WardName {
  code: string;
  /** null when the boundaries hold the ward without a name. */
  name: string | null;
}

export interface ContextAnswer {
  wards: WardName[];
  extracts: { extract: string; imported_at: string }[];
  /** The latest date (ISO) each extract holds, for extracts holding dated rows. */
  dataHeldTo: { extract: string; held_to: string }[];
  /** Which sources are held: each table with the layouts it was read from, the tables not held, the figures not in the held sources. */
  held: {
    tables: { extract: string; layouts: string[] }[];
    notHeld: string[];
    notInSource: (NotInSource & { source: string })[];
    /** Measures whose table is not held, with that table (shown as "no … data held"). */
    measuresNotHeld: { measure: string; extract: string }[];
  };
  /** The suppression note of this reader's figures, in words (a download carries it). */
  suppression: string;
}

/** What the reader's figures say about small numbers: withheld for viewers and partners, shown to analysts. */
export function suppressionNote(withheldUpTo: number | null, threshold: number): string {
  return withheldUpTo !== null
    ? `Counts from 1 to ${withheldUpTo}, and any figure that would reveal one by subtraction, are withheld and shown as [c].`
    : `Not suppressed: counts from 1 to ${threshold} are shown. Withhold them before sharing beyond the analysts.`;
}

export function contextRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/context',
      access: 'shared',
      params: {},
      summary: 'Ward names and codes from the boundaries held, the extracts held with their latest import date and the latest date each holds, the sources held, and the reader’s suppression note',
      handler: async (_req, res) => {
        const [wards, extracts, heldTo, held] = await Promise.all([
          ctx.db.named('hotspots/boundaries#names'),
          ctx.db.named('import/history#latest_by_extract'),
          ctx.db.named('import/history#data_held_to'),
          heldSources(ctx.db),
        ]);
        const answer: ContextAnswer = {
          wards: wards.map((w) => ({ code: String(w.area_code), name: w.area_name === null ? null : String(w.area_name) })),
          extracts: extracts.map((e) => ({ extract: String(e.extract), imported_at: String(e.imported_at) })),
          dataHeldTo: heldTo.map((r) => ({ extract: String(r.extract), held_to: String(r.held_to) })),
          held: {
            tables: held.tables.map((t) => ({ extract: t.extract, layouts: t.layouts })),
            notHeld: held.notHeld,
            notInSource: held.notInSource,
            measuresNotHeld: MEASURES.map((m) => ({ measure: m.id, extract: countedTable(m) })).filter((m) => held.notHeld.includes(m.extract)),
          },
          suppression: suppressionNote(suppressionThreshold(res), ctx.config.suppressionThreshold),
        };
        return answer;
      },
    },
  ];
}
