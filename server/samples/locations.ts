// Locations of concern (clustered in the town-centre wards) and the reports linking them to cases.
import { GROUP_MODELS, HOTSPOT_TYPES, LOCATION_TYPE } from './codes.ts';
import { pointInWard } from './geography.ts';
import { nextId, type Area, type Case, type Group, type Location, type LocationReport } from './model.ts';
import type { Offending } from './offenders.ts';
import { Table, type Rng } from './prng.ts';

export function locationsOf(area: Area): Location[] {
  const rng = area.rng.fork('locations');
  const locations: Location[] = [];
  for (let i = 0; i < area.profile.locations; i++) {
    const type = LOCATION_TYPE.draw(rng);
    const id = nextId(area, 'L', 4);
    if (type === 'online') {
      locations.push({ id, type, ward: null, point: null, popularity: rng.lognormal(1, 0.8) });
      continue;
    }
    const clustered = HOTSPOT_TYPES.has(type) && rng.chance(0.65);
    const ward = clustered ? rng.pick(area.hotspots) : area.wardTable.draw(rng);
    const point = pointInWard(rng, ward, clustered ? 0.45 : undefined);
    const located = type === 'taxi_private_hire' ? rng.chance(0.5) : rng.chance(0.96);
    locations.push({
      id,
      type,
      ward: rng.chance(0.98) ? ward : null,
      point: located ? point : null,
      popularity: rng.lognormal(1, 1) * (clustered ? 3 : 1) * (type === 'private_address' ? 0.4 : 1),
    });
  }
  return locations;
}

export function locationReports(area: Area, cases: readonly Case[], offending: Offending, locations: readonly Location[]): LocationReport[] {
  const rng = area.rng.fork('location-reports');
  const popular = Table.of(locations, (l) => l.popularity);
  const gathering = Table.of(
    locations.filter((l) => HOTSPOT_TYPES.has(l.type) || l.type === 'private_address'),
    (l) => l.popularity,
  );
  const groupOf = new Map<Case, Group>();
  for (const link of offending.links) if (link.offender.group) groupOf.set(link.case, link.offender.group);
  const reports: LocationReport[] = [];
  for (const c of cases) {
    const group = groupOf.get(c);
    if (!rng.chance(group || GROUP_MODELS.has(c.model) ? 0.8 : 0.45)) continue;
    const count = Math.min(6, 1 + rng.poisson(0.9));
    const seen = new Set<Location>();
    for (let i = 0; i < count; i++) {
      const location = group && rng.chance(0.6) ? placeOf(rng, group, gathering) : popular.draw(rng);
      if (seen.has(location)) continue;
      seen.add(location);
      const span = Math.min(120, (c.closed ?? area.t.end) - c.referral);
      reports.push({ location, case: c, on: c.referral + rng.int(0, Math.max(0, span)) });
    }
  }
  return reports.sort((a, b) => a.on - b.on);
}

/** One of the few places a group uses, chosen once when first needed. */
function placeOf(rng: Rng, group: Group, gathering: Table<Location>): Location {
  if (group.places.length === 0) {
    const count = rng.int(2, 4);
    for (let i = 0; i < count; i++) group.places.push(gathering.draw(rng));
  }
  return rng.pick(group.places);
}
