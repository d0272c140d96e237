// Hotspot maps: boundaries, ward counts for the choropleths, the Gi* grid of
// location reports, and (analyst only) the locations of concern as points.
import type { AppContext } from '../app.ts';
import { PERIOD_PARAMS, type RouteDef } from './registry.ts';
import { periodFromQuery } from '../period.ts';
import { loadBoundaries, boundaryAttribution, hotspotGrid } from '../hotspots/service.ts';
import { simplifyForDrawing } from '../hotspots/simplify.ts';
import { wardCounts, WARD_MEASURES } from '../hotspots/wards.ts';
import { childrenByArea } from '../hotspots/population.ts';
import { cellMFromQuery, cellsFromQuery, crimeTypeFromQuery, guardFromQuery, locationTypeFromQuery, stepFromQuery, wardMeasureFromQuery } from '../hotspots/params.ts';
import { emergingHotspots } from '../hotspots/emerging-service.ts';
import { scottBandwidthM } from '../hotspots/density.ts';

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
      params: { ...PERIOD_PARAMS, measure: 'choice', location_type: 'filter' },
      summary: 'Counts and rates per 10,000 children by ward for one choropleth measure (location reports optionally of one location type), and the counts no boundary can draw',
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const measure = wardMeasureFromQuery(q);
        const period = { from: p.date_from, to: p.date_to };
        const boundaries = await loadBoundaries(ctx.db);
        const result = await wardCounts(ctx.db, measure, period, boundaries, await childrenByArea(ctx.db, period), locationTypeFromQuery(q));
        return { period, measures: WARD_MEASURES, ...result };
      },
    },
    {
      method: 'get',
      path: '/api/hotspots/grid',
      access: 'shared',
      cache: 'data',
      params: { ...PERIOD_PARAMS, cell_m: 'grid', location_type: 'filter', cells: 'choice', min_reports: 'definition' },
      summary: 'Location reports per grid cell (centre, National Grid, ward) with Getis-Ord Gi* z, p and hot/cold class, or too few reports (every cell, or with cells=reported those with reports or significant)',
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const { grid: _grid, cells, ...result } = await hotspotGrid(ctx.db, {
          from: p.date_from,
          to: p.date_to,
          cellM: cellMFromQuery(q),
          locationType: locationTypeFromQuery(q),
          guard: guardFromQuery(q),
          cells: cellsFromQuery(q),
        });
        return { ...result, cells };
      },
    },
    {
      method: 'get',
      path: '/api/hotspots/emerging',
      access: 'shared',
      cache: 'data',
      params: { ...PERIOD_PARAMS, step: 'choice', cell_m: 'grid', location_type: 'filter', min_reports: 'definition' },
      summary: 'Emerging hot spots: Gi* per cell at every month or quarter of the span, the Mann–Kendall trend of its z-scores, and its ArcGIS Emerging Hot Spot Analysis category (cells with reports)',
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const { grid: _grid, ...result } = await emergingHotspots(ctx.db, {
          from: p.date_from,
          to: p.date_to,
          step: stepFromQuery(q),
          cellM: cellMFromQuery(q),
          locationType: locationTypeFromQuery(q),
          guard: guardFromQuery(q),
        });
        return result;
      },
    },
    {
      method: 'get',
      path: '/api/hotspots/context',
      access: 'shared',
      cache: 'data',
      params: { ...PERIOD_PARAMS, crime_type: 'choice' },
      summary: 'police.uk street-level crime for the period (public, Open Government Licence) per anonymous snap point, a context layer under the hotspot maps',
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const period = { from: p.date_from, to: p.date_to };
        const crimeType = crimeTypeFromQuery(q);
        const [points, types] = await Promise.all([
          ctx.db.named('hotspots/context#points', { ...period, crime_type: crimeType }),
          ctx.db.named('hotspots/context#types', period),
        ]);
        return {
          period,
          crime_type: crimeType,
          source: 'police.uk street-level crime',
          note: 'police.uk publishes every crime at an anonymous snap point near where it happened, never at its address: the points are snapped, anonymised locations, shown for context only.',
          attribution: 'Contains public sector information licensed under the Open Government Licence v3.0 (data.police.uk).',
          types: types.map((t) => ({ crime_type: String(t.crime_type), crimes: Number(t.crimes) })),
          points: points.map((r) => ({ lon: Number(r.lon), lat: Number(r.lat), location: r.location === null ? null : String(r.location), crimes: Number(r.crimes) })),
        };
      },
    },
    {
      method: 'get',
      path: '/api/hotspots/locations',
      access: 'records',
      cache: 'data',
      params: { ...PERIOD_PARAMS, location_type: 'filter' },
      summary: "Locations of concern reported in the period, as points with report and child counts, and the density map's default bandwidth in metres (Scott's rule)",
      handler: async (req) => {
        const q = req.query as Query;
        const p = periodFromQuery(q);
        const rows = await ctx.db.named('hotspots/locations#points', {
          from: p.date_from,
          to: p.date_to,
          location_type: locationTypeFromQuery(q),
        });
        const located = rows.map((r) => ({ lon: Number(r.lon), lat: Number(r.lat), reports: Number(r.reports) }));
        return { period: { from: p.date_from, to: p.date_to }, bandwidth_m: scottBandwidthM(located), rows };
      },
    },
  ];
}
