// One fictional area: geography, children, cases, missing episodes, offenders, locations and
// disruptions, with identifiers given out in date order.
import { timeline } from './calendar.ts';
import { cseCases } from './cases.ts';
import { missingChildren } from './children.ts';
import { disruptionsOf } from './disruptions.ts';
import { buildWards } from './geography.ts';
import { locationReports, locationsOf } from './locations.ts';
import { missingEpisodes } from './missing.ts';
import { nextId, type Area, type Case, type Disruption, type Episode, type Location, type LocationReport } from './model.ts';
import { offendersAndLinks, type Offending } from './offenders.ts';
import { populationRows, type PopulationRow } from './population.ts';
import { Table, type Rng } from './prng.ts';
import type { Scale } from './scales.ts';
import { wardNames } from './names.ts';

export interface AreaData {
  area: Area;
  cases: Case[];
  episodes: Episode[];
  offending: Offending;
  locations: Location[];
  reports: LocationReport[];
  disruptions: Disruption[];
  population: PopulationRow[];
}

/** Builds area `index` of a scale; `firstCode` numbers its wards (990001 → E05990001). */
export function buildArea(root: Rng, scale: Scale, index: number, firstCode: number): AreaData {
  const rng = root.fork(`area-${index}`);
  const tiled = scale.areas > 1;
  const origin: [number, number] = [
    scale.origin[0] + (index % scale.columns) * 0.3,
    scale.origin[1] + Math.floor(index / scale.columns) * 0.17,
  ];
  const wards = buildWards(rng.fork('geography'), {
    origin,
    firstCode,
    names: wardNames(tiled ? index + 1 : null),
    wardCount: rng.int(...scale.profile.wardCount),
  });
  const area: Area = {
    index,
    prefix: tiled ? `A${String(index + 1).padStart(2, '0')}-` : '',
    rng,
    t: timeline(scale.firstYear, scale.years),
    profile: scale.profile,
    wards,
    hotspots: wards.filter((w) => w.hotspot),
    wardTable: Table.of(wards, (w) => w.weight),
    counters: new Map(),
  };
  const children = missingChildren(area);
  const episodes = missingEpisodes(area, children);
  const cases = cseCases(area, children);
  const offending = offendersAndLinks(area, cases);
  const locations = locationsOf(area);
  const reports = locationReports(area, cases, offending, locations);
  const disruptions = disruptionsOf(area, offending, reports);
  for (const c of cases) c.id = nextId(area, 'CASE-', 5);
  for (const e of episodes) e.id = nextId(area, 'EP', 6);
  offending.offenders.sort((a, b) => a.identified - b.identified);
  for (const o of offending.offenders) o.id = nextId(area, 'P', 5);
  offending.links.sort((a, b) => a.on - b.on);
  for (const d of disruptions) d.id = nextId(area, 'D', 5);
  const lastYear = area.t.firstYear + area.t.years - 1;
  const population = populationRows(rng.fork('population'), wards, area.t.firstYear, lastYear);
  return { area, cases, episodes, offending, locations, reports, disruptions, population };
}
