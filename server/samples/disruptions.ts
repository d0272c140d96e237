// Disruption and criminal-justice actions that follow from offenders' links, statuses and the
// locations reported most.
import type { Area, Disruption, Location, LocationReport, Offender } from './model.ts';
import type { Offending } from './offenders.ts';
import type { Rng } from './prng.ts';

const PREMISES = new Set(['hotel', 'takeaway', 'licensed_premises', 'taxi_private_hire']);

export function disruptionsOf(area: Area, offending: Offending, reports: readonly LocationReport[]): Disruption[] {
  const rng = area.rng.fork('disruptions');
  const out: Disruption[] = [];
  const add = (on: number, type: string, parts: Partial<Pick<Disruption, 'offender' | 'location' | 'case'>>) => {
    if (on <= area.t.end) out.push({ id: '', on, type, offender: null, location: null, case: null, ...parts });
  };
  for (const link of offending.links) {
    if (rng.chance(0.3)) add(link.on + rng.int(7, 60), 'cawn', { offender: link.offender, case: link.case });
  }
  for (const offender of offending.offenders) justice(rng, offender, add);
  const firstReport = new Map<Location, number>();
  const reportCount = new Map<Location, number>();
  for (const r of reports) {
    if (!firstReport.has(r.location)) firstReport.set(r.location, r.on);
    reportCount.set(r.location, (reportCount.get(r.location) ?? 0) + 1);
  }
  for (const [location, count] of reportCount) {
    if (!PREMISES.has(location.type) || count < 2) continue;
    let on = firstReport.get(location)!;
    const visits = rng.int(1, 3);
    for (let i = 0; i < visits; i++) {
      on += rng.int(7, 90);
      add(on, location.type === 'taxi_private_hire' ? 'vehicle_stop' : 'premises_visit', { location });
    }
    if (rng.chance(0.3)) add(on + rng.int(30, 120), 'licensing_action', { location });
  }
  return out.sort((a, b) => a.on - b.on);
}

type Add = (on: number, type: string, parts: { offender: Offender }) => void;

/** Arrest, charge and conviction consistent with the offender's status; orders and stops. */
function justice(rng: Rng, offender: Offender, add: Add): void {
  const status = offender.status;
  const parts = { offender };
  if (status === 'arrested' || status === 'charged' || status === 'convicted' || (status === 'no_further_action' && rng.chance(0.6))) {
    const arrest = offender.identified + rng.int(7, 150);
    add(arrest, 'arrest', parts);
    if (status === 'charged' || status === 'convicted') {
      const charge = arrest + rng.int(14, 120);
      add(charge, 'charge', parts);
      if (status === 'convicted') {
        const conviction = charge + rng.int(90, 360);
        add(conviction, 'conviction', parts);
        if (rng.chance(0.55)) add(conviction, 'sexual_harm_prevention_order', parts);
      }
    }
  } else if (rng.chance(0.04)) {
    add(offender.identified + rng.int(30, 300), 'sexual_risk_order', parts);
  }
  if (offender.group && rng.chance(0.12)) add(offender.identified + rng.int(0, 365), 'vehicle_stop', parts);
  if (rng.chance(0.03)) add(offender.identified + rng.int(0, 365), 'other', parts);
}
