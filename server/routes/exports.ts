// Shared exports of hotspot data for partners (police analysts): aggregated
// only, small counts withheld, with metadata; every export is logged with its
// route, parameters and the SHA-256 of the file.
import type { Request, Response } from 'express';
import type { AppContext } from '../app.ts';
import { FileReply, PERIOD_PARAMS, served, suppressionThreshold, type Params, type RouteDef } from './registry.ts';
import { periodFromQuery } from '../period.ts';
import { loadBoundaries, boundaryAttribution, hotspotGrid } from '../hotspots/service.ts';
import { wardCounts } from '../hotspots/wards.ts';
import { childrenByArea } from '../hotspots/population.ts';
import { cellMFromQuery, cellsFromQuery, guardFromQuery, levelFromQuery, locationTypeFromQuery, stepFromQuery, wardMeasureFromQuery } from '../hotspots/params.ts';
import { emergingHotspots } from '../hotspots/emerging-service.ts';
import { complementForced } from '../hotspots/suppress.ts';
import { CLASSIFICATION, emergingExport, gridExport, wardExport, suppressionNote, toGeoJson, toCsv, type ExportTable } from '../hotspots/export.ts';

type Query = Record<string, unknown>;

const PARAMS: Params = { ...PERIOD_PARAMS, level: 'choice', measure: 'choice', cell_m: 'grid', location_type: 'filter', cells: 'choice', step: 'choice', min_reports: 'definition' };

async function buildExport(ctx: AppContext, q: Query, threshold: number): Promise<{ table: ExportTable; params: Record<string, unknown> }> {
  const p = periodFromQuery(q);
  const level = levelFromQuery(q);
  const period = { from: p.date_from, to: p.date_to };
  const boundaries = await loadBoundaries(ctx.db);
  const common = {
    classification: CLASSIFICATION,
    period,
    suppression_threshold: threshold,
    suppression: suppressionNote(threshold),
    attribution: await boundaryAttribution(ctx.db, boundaries),
    generated_at: new Date().toISOString(),
  };
  if (level === 'grid') {
    const cellM = cellMFromQuery(q);
    const locationType = locationTypeFromQuery(q);
    const guard = guardFromQuery(q);
    const cells = cellsFromQuery(q);
    const grid = await hotspotGrid(ctx.db, { ...period, cellM, locationType, guard, cells });
    let forced: boolean[] | undefined;
    if (locationType) {
      const every = new Map((await hotspotGrid(ctx.db, { ...period, cellM, locationType: null, guard, cells: 'reported' })).cells.map((c) => [`${c.i},${c.j}`, c.count]));
      forced = complementForced(grid.cells.map((c) => c.count), grid.cells.map((c) => every.get(`${c.i},${c.j}`) ?? 0), threshold);
    }
    const title = `Hotspots of location reports (Getis-Ord Gi*, ${cellM} m grid)`;
    return {
      table: gridExport(grid, threshold, { ...common, title, location_type: locationType }, forced),
      params: { ...period, level, cell_m: cellM, location_type: locationType, cells, min_reports: guard.minNeighbourhood },
    };
  }
  if (level === 'emerging') {
    const cellM = cellMFromQuery(q);
    const locationType = locationTypeFromQuery(q);
    const guard = guardFromQuery(q);
    const step = stepFromQuery(q);
    const r = await emergingHotspots(ctx.db, { ...period, step, cellM, locationType, guard });
    let forced: boolean[] | undefined;
    if (locationType) {
      const every = new Map((await emergingHotspots(ctx.db, { ...period, step, cellM, locationType: null, guard })).cells.map((c) => [`${c.i},${c.j}`, c.count]));
      forced = complementForced(r.cells.map((c) => c.count), r.cells.map((c) => every.get(`${c.i},${c.j}`) ?? c.count), threshold);
    }
    const title = `Emerging hot spots of location reports (${cellM} m grid, by ${step})`;
    return {
      table: emergingExport(r, threshold, { ...common, period: r.period, title, location_type: locationType }, forced),
      params: { ...period, level, cell_m: cellM, location_type: locationType, step, min_reports: guard.minNeighbourhood },
    };
  }
  const measure = wardMeasureFromQuery(q);
  const children = await childrenByArea(ctx.db, period);
  const wards = await wardCounts(ctx.db, measure, period, boundaries, children, locationTypeFromQuery(q));
  const every = wards.location_type ? await wardCounts(ctx.db, measure, period, boundaries, children, null) : null;
  const forced = every ? complementForced(wards.rows.map((r) => r.count), every.rows.map((r) => r.count), threshold) : undefined;
  return {
    table: wardExport(wards, boundaries, threshold, { ...common, title: `${wards.label}`, location_type: wards.location_type }, forced),
    params: { ...period, level, measure, location_type: wards.location_type },
  };
}

// Exports leave the analyst whoever asks: every role's file is built with small
// numbers withheld (the configured threshold). The pipeline records each export
// with the SHA-256 of the file sent.
async function exported(ctx: AppContext, req: Request, res: Response, format: 'geojson' | 'csv'): Promise<FileReply> {
  const threshold = suppressionThreshold(res) ?? ctx.config.suppressionThreshold;
  const { table, params } = await buildExport(ctx, req.query as Query, threshold);
  Object.assign(served(res).audit, { event: 'export', details: params });
  const name = fileName(params, format);
  return format === 'csv'
    ? new FileReply(toCsv(table), 'text/csv; charset=utf-8', name, true)
    : new FileReply(toGeoJson(table), 'application/geo+json; charset=utf-8', name, true);
}

function fileName(params: Record<string, unknown>, ext: string): string {
  return `hotspots_${params.level}_${params.from}_${params.to}.${ext}`;
}

export function exportsRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/exports/hotspots.geojson',
      access: 'shared',
      params: PARAMS,
      summary: 'Hotspot data by ward or grid cell as RFC 7946 GeoJSON, small counts withheld',
      handler: (req, res) => exported(ctx, req, res, 'geojson'),
    },
    {
      method: 'get',
      path: '/api/exports/hotspots.csv',
      access: 'shared',
      params: PARAMS,
      summary: 'Hotspot data by ward or grid cell as CSV, small counts withheld',
      handler: (req, res) => exported(ctx, req, res, 'csv'),
    },
  ];
}
