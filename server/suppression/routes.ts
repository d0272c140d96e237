// Releases of their own for answers whose meaning the generic walk
// (payload.ts) cannot see: statistics computed from cells, series judged by
// financial year, tables that restate another answer's cells.
type Release = (body: unknown, threshold: number) => unknown;

export const ROUTE_RELEASES: Record<string, Release> = {};
