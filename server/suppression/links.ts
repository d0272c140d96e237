// Measures that restate a breakdown's cell: cases of male children are the
// victims-by-sex breakdown's M row (pct_cases_male × cases referred), CAWNs
// issued the disruptions' cawn row, and so on. A cell withheld in its
// breakdown (secondary suppression may take any cell) must not be given back
// by the measure, so such a measure is withheld with its cell.
type Rows = { key: string; count: number | null }[];

/** The breakdown ('subject/dimension') and row a measure restates (its numerator for a percentage). */
export const MEASURE_CELLS: Readonly<Record<string, { breakdown: string; key: string }>> = {
  pct_cases_male: { breakdown: 'victims/sex', key: 'M' },
  pct_cases_looked_after: { breakdown: 'victims/looked_after', key: 'Y' },
  pct_offenders_in_group: { breakdown: 'offenders/lone_group', key: 'group' },
  cawns_issued: { breakdown: 'disruptions/action_type', key: 'cawn' },
};

/** The breakdowns the links need. */
export const LINKED_BREAKDOWNS = [...new Set(Object.values(MEASURE_CELLS).map((l) => l.breakdown))];

/** Withholds (null, named in `suppressed`) each measure whose cell is withheld in its released breakdown. */
export function withholdLinked<T extends { measures: Record<string, number | null>; suppressed?: string[] }>(m: T, released: Record<string, Rows | undefined>): T {
  const measures = { ...m.measures };
  const suppressed = new Set(m.suppressed ?? []);
  for (const [id, link] of Object.entries(MEASURE_CELLS)) {
    const row = released[link.breakdown]?.find((r) => r.key === link.key);
    if (row && row.count === null && measures[id] !== null && measures[id] !== undefined) {
      measures[id] = null;
      suppressed.add(id);
    }
  }
  return { ...m, measures, ...(suppressed.size ? { suppressed: [...suppressed] } : {}) };
}
