// The victims, offenders and links profiles: figures measures.md does not
// define (sql/profiles). Aggregates need 'aggregate' access; lists of
// pseudonymous records (groups, offenders linked to several children) and the
// network need 'records'. Every route takes ?from=&to= (400 naming the
// parameter); victims routes also take the victims page filters.
import type { Request } from 'express';
import type { AppContext } from '../app.ts';
import { PERIOD_PARAMS, VICTIM_FILTER_PARAMS, type Params, type RouteDef } from './registry.ts';

const VICTIMS: Params = { ...PERIOD_PARAMS, ...VICTIM_FILTER_PARAMS };
import { notFound } from '../errors.ts';
import { periodFromQuery, type Period } from '../period.ts';
import { measureParamsFromQuery, type VictimFilters } from '../measures/params.ts';
import { victimsCompleteness, victimsRates } from '../profiles/victims.ts';
import {
  OFFENDER_PROFILE_BREAKDOWNS, multiVictimOffenders, offenderBreakdown, offenderGroups, offendersCompleteness,
  type OffenderProfileBreakdown,
} from '../profiles/offenders.ts';
import { groupFromQuery, loadNetwork, networkView } from '../profiles/network.ts';

const query = (req: Request) => req.query as Record<string, unknown>;
const periodJson = (p: Period) => ({ from: p.date_from, to: p.date_to });

function victimFilters(q: Record<string, unknown>): VictimFilters {
  const { ward, risk_level, sex, age_band, looked_after, cse_model } = measureParamsFromQuery(q);
  return { ward, risk_level, sex, age_band, looked_after, cse_model };
}

export function profilesRoutes(ctx: AppContext): RouteDef[] {
  const { db } = ctx;
  return [
    {
      method: 'get',
      path: '/api/profiles/victims/completeness',
      access: 'aggregate',
      cache: 'data',
      params: VICTIMS,
      summary: 'Victims: % not recorded for every field of the victims page, under its filters',
      handler: async (req) => {
        const period = periodFromQuery(query(req));
        const filters = victimFilters(query(req));
        return { period: periodJson(period), filters, fields: await victimsCompleteness(db, period, filters) };
      },
    },
    {
      method: 'get',
      path: '/api/profiles/victims/rates',
      access: 'aggregate',
      cache: 'data',
      params: VICTIMS,
      summary: 'Victims: cases per 10,000 children aged 0-17 by home ward and by sex and age band',
      handler: async (req) => {
        const period = periodFromQuery(query(req));
        const filters = victimFilters(query(req));
        return { period: periodJson(period), filters, ...(await victimsRates(db, period, filters)) };
      },
    },
    {
      method: 'get',
      path: '/api/profiles/offenders/completeness',
      access: 'aggregate',
      cache: 'data',
      params: PERIOD_PARAMS,
      summary: 'Offenders: % not recorded for every field of the offenders page',
      handler: async (req) => {
        const period = periodFromQuery(query(req));
        return { period: periodJson(period), fields: await offendersCompleteness(db, period) };
      },
    },
    {
      method: 'get',
      path: '/api/profiles/offenders/breakdowns/:dimension',
      access: 'aggregate',
      cache: 'data',
      params: PERIOD_PARAMS,
      summary: 'Offenders: lone or group, relationship to the child, and offender-child age gap',
      handler: async (req) => {
        const { dimension } = req.params as { dimension: string };
        if (!(OFFENDER_PROFILE_BREAKDOWNS as readonly string[]).includes(dimension)) {
          throw notFound(`No offenders profile breakdown '${dimension}'`);
        }
        const period = periodFromQuery(query(req));
        const rows = await offenderBreakdown(db, dimension as OffenderProfileBreakdown, period);
        return { period: periodJson(period), dimension, rows };
      },
    },
    {
      method: 'get',
      path: '/api/profiles/offenders/groups',
      access: 'records',
      cache: 'data',
      params: PERIOD_PARAMS,
      summary: 'Offenders: groups active in the period with size, children linked and first/last activity',
      handler: async (req) => {
        const period = periodFromQuery(query(req));
        return { period: periodJson(period), groups: await offenderGroups(db, period) };
      },
    },
    {
      method: 'get',
      path: '/api/profiles/offenders/multi-victim',
      access: 'records',
      cache: 'data',
      params: PERIOD_PARAMS,
      summary: 'Offenders: offenders linked to two or more children (pseudonymous records)',
      handler: async (req) => {
        const period = periodFromQuery(query(req));
        return { period: periodJson(period), offenders: await multiVictimOffenders(db, period) };
      },
    },
    {
      method: 'get',
      path: '/api/profiles/network',
      access: 'records',
      cache: 'data',
      params: { ...PERIOD_PARAMS, group: 'choice' },
      summary: 'Links: summary and largest connected groups of the network, with the nodes and links of one group (?group=) or of the largest groups',
      handler: async (req) => {
        const period = periodFromQuery(query(req));
        const group = groupFromQuery(query(req).group);
        return { period: periodJson(period), ...networkView(await loadNetwork(db, period), group) };
      },
    },
  ];
}
