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
import { cellMFromQuery, levelFromQuery, locationTypeFromQuery, wardMeasureFromQuery } from '../hotspots/params.ts';
import { CLASSIFICATION, gridExport, wardExport, suppressionNote, toGeoJson, toCsv, type ExportTable } from '../hotspots/export.ts';

type Query = Record<string, unknown>;

const PARAMS: Params = { ...PERIOD_PARAMS, level: 'choice', measure: 'choice', cell_m: 'grid', location_type: 'filter' };

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
    const grid = await hotspotGrid(ctx.db, { ...period, cellM, locationType });
    const title = `Hotspots of location reports (Getis-Ord Gi*, ${cellM} m grid)`;
    return {
      table: gridExport(grid, threshold, { ...common, title, location_type: locationType }),
      params: { ...period, level, cell_m: cellM, location_type: locationType },
    };
  }
  const measure = wardMeasureFromQuery(q);
  const wards = await wardCounts(ctx.db, measure, period, boundaries, await childrenByArea(ctx.db, period));
  return {
    table: wardExport(wards, boundaries, threshold, { ...common, title: `${wards.label}`, location_type: null }),
    params: { ...period, level, measure },
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
