// Hotspot maps: boundaries, ward counts for the choropleths, the Gi* grid of
// location reports, and (analyst only) the locations of concern as points.
import type { AppContext } from '../app.ts';
import { PERIOD_PARAMS, type RouteDef } from './registry.ts';
import { periodFromQuery } from '../period.ts';
import { loadBoundaries, boundaryAttribution, hotspotGrid } from '../hotspots/service.ts';
import { simplifyForDrawing } from '../hotspots/simplify.ts';
import { wardCounts, WARD_MEASURES } from '../hotspots/wards.ts';
import { childrenByArea } from '../hotspots/population.ts';
import { cellMFromQuery, cellsFromQuery, locationTypeFromQuery, wardMeasureFromQuery } from '../hotspots/params.ts';

type Query = Record<string, unknown>;

export function hotspotsRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/hotspots/boundaries',
      access: 'shared',
      cache: 'data',
      params: {},
      summary: 'Loaded ward boundaries for drawing (GeoJSON, d3-geo winding, simplified below a pixel) and the attribution they need',
      handler: async () => {
        const boundaries = simplifyForDrawing(await loadBoundaries(ctx.db));
        return {
          type: 'FeatureCollection',
          attribution: await boundaryAttribution(ctx.db, boundaries),
          features: boundaries.map((b) => ({
            type: 'Feature',
            id: b.area_code,
            properties: { area_code: b.area_code, area_name: b.area_name },
            geometry: b.geometry,
          })),
        };
      },
    },
    {
      method: 'get',
      path: '/api/hotspots/wards',
      access: 'shared',
      cache: 'data',
      params: { ...PERIOD_PARAMS, measure: 'choice' },
      summary: 'Counts and rates per 10,000 children by ward for one choropleth measure',
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const measure = wardMeasureFromQuery(q);
        const period = { from: p.date_from, to: p.date_to };
        const boundaries = await loadBoundaries(ctx.db);
        const result = await wardCounts(ctx.db, measure, period, boundaries, await childrenByArea(ctx.db, period));
        return { period, measures: WARD_MEASURES, ...result };
      },
    },
    {
      method: 'get',
      path: '/api/hotspots/grid',
      access: 'shared',
      cache: 'data',
      params: { ...PERIOD_PARAMS, cell_m: 'grid', location_type: 'filter', cells: 'choice' },
      summary: 'Location reports per grid cell with Getis-Ord Gi* z, p and hot/cold class (every cell, or with cells=reported those with reports or significant)',
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const { grid: _grid, cells, ...result } = await hotspotGrid(ctx.db, {
          from: p.date_from,
          to: p.date_to,
          cellM: cellMFromQuery(q),
          locationType: locationTypeFromQuery(q),
        });
        const listed = cellsFromQuery(q) === 'all' ? cells : cells.filter((c) => c.count > 0 || c.class !== 'not_significant');
        return { ...result, cells: listed };
      },
    },
    {
      method: 'get',
      path: '/api/hotspots/locations',
      access: 'records',
      cache: 'data',
      params: { ...PERIOD_PARAMS, location_type: 'filter' },
      summary: 'Locations of concern reported in the period, as points with report and child counts',
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const rows = await ctx.db.named('hotspots/locations#points', {
          from: p.date_from,
          to: p.date_to,
          location_type: locationTypeFromQuery(q),
        });
        return { period: { from: p.date_from, to: p.date_to }, rows };
      },
    },
  ];
}
