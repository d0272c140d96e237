// The measures the strategic sub-group follows over time, each with the
// direction that counts as improvement and why (the sub-group's reading).
// Unit and label come from the measures catalogue.
import { MEASURES, type MeasureDef } from '../measures/definitions.ts';
import type { Direction } from './xmr.ts';

export interface TrendMeasure {
  id: string;
  direction: Direction;
  rationale: string;
}

export const TREND_MEASURES: readonly TrendMeasure[] = [
  { id: 'cases_referred', direction: 'neither', rationale: 'More referrals may mean better identification by partners, not more exploitation.' },
  { id: 'children_referred', direction: 'neither', rationale: 'As cases referred: a rise may reflect awareness and identification.' },
  { id: 'children_high_risk', direction: 'lower', rationale: 'Fewer children reaching high risk by the time they are referred means earlier identification and less harm.' },
  { id: 'missing_episodes', direction: 'lower', rationale: 'Going missing is a key risk indicator of exploitation; fewer episodes is better.' },
  { id: 'children_missing', direction: 'lower', rationale: 'Fewer children going missing is better.' },
  { id: 'episodes_over_24h', direction: 'lower', rationale: 'Long episodes carry the greatest risk of harm; fewer is better.' },
  { id: 'pct_rhi_within_72h', direction: 'higher', rationale: 'Statutory guidance expects a return home interview within 72 hours; a higher share is better.' },
  { id: 'offenders_identified', direction: 'higher', rationale: 'Identifying more offenders is the police activity the strategy asks for.' },
  { id: 'disruptions', direction: 'higher', rationale: 'More disruption activity against offenders and locations is better.' },
  { id: 'cawns_issued', direction: 'higher', rationale: 'CAWNs are a disruption tool; more use is better.' },
];

export type TrendMeasureDef = TrendMeasure & Pick<MeasureDef, 'label' | 'unit' | 'definition'>;

/** The trend measure with its catalogue label, unit and definition; undefined when not followed over time. */
export function trendMeasure(id: string): TrendMeasureDef | undefined {
  const t = TREND_MEASURES.find((m) => m.id === id);
  const def = MEASURES.find((m) => m.id === id);
  return t && def ? { ...t, label: def.label, unit: def.unit, definition: def.definition } : undefined;
}
