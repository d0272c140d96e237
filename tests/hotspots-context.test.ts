// police.uk street-level crime as a context layer (issue 17, item 6): rows
// inserted directly into context_crimes (migration 020; the importer of
// police.uk CSVs is another issue's), served per anonymous snap point for the
// period, filtered by crime type, to every role that sees the hotspot maps,
// and said to be snapped, anonymised locations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { insertJson } from './hotspots-fixtures.ts';

let s: TestServer;

const ROWS = [
  // Two crimes at one snap point in March 2024, one there in April, one elsewhere in April, one in 2023, one without coordinates.
  { crime_month: '2024-03-01', crime_type: 'Violence and sexual offences', longitude: -2.3012, latitude: 53.4461, location: 'On or near Chester Road' },
  { crime_month: '2024-03-01', crime_type: 'Violence and sexual offences', longitude: -2.3012, latitude: 53.4461, location: 'On or near Chester Road' },
  { crime_month: '2024-04-01', crime_type: 'Shoplifting', longitude: -2.3012, latitude: 53.4461, location: 'On or near Chester Road' },
  { crime_month: '2024-04-01', crime_type: 'Violence and sexual offences', longitude: -2.3501, latitude: 53.3872, location: 'On or near Railway Street' },
  { crime_month: '2023-12-01', crime_type: 'Shoplifting', longitude: -2.3205, latitude: 53.4255, location: 'On or near School Road' },
  { crime_month: '2024-04-01', crime_type: 'Burglary', longitude: null, latitude: null, location: 'No location' },
];

beforeAll(async () => {
  s = await startTestServer();
  await insertJson(s.db, 'context_crimes', ROWS, {
    crime_month: 'DATE', crime_type: 'VARCHAR', longitude: 'DOUBLE', latitude: 'DOUBLE', location: 'VARCHAR',
  });
});
afterAll(async () => {
  await s.close();
  s.db.close();
});

describe('GET /api/hotspots/context', () => {
  it('counts crimes per snap point in the period, the points labelled as snapped and anonymised', async () => {
    const { status, body } = await s.get('/api/hotspots/context?from=2024-01-01&to=2024-12-31');
    expect(status).toBe(200);
    expect(body.points).toEqual([
      { lon: -2.3501, lat: 53.3872, location: 'On or near Railway Street', crimes: 1 },
      { lon: -2.3012, lat: 53.4461, location: 'On or near Chester Road', crimes: 3 },
    ]);
    expect(body.types).toEqual([
      { crime_type: 'Burglary', crimes: 1 },
      { crime_type: 'Shoplifting', crimes: 1 },
      { crime_type: 'Violence and sexual offences', crimes: 3 },
    ]);
    expect(body.note).toMatch(/snapped, anonymised/);
    expect(body.attribution).toMatch(/Open Government Licence/);
  });

  it('counts a month when the period holds part of it, and filters by crime type', async () => {
    const march = (await s.get('/api/hotspots/context?from=2024-03-15&to=2024-03-31')).body;
    expect(march.points).toEqual([{ lon: -2.3012, lat: 53.4461, location: 'On or near Chester Road', crimes: 2 }]);
    const shop = (await s.get('/api/hotspots/context?from=2023-01-01&to=2024-12-31&crime_type=Shoplifting')).body;
    expect(shop.points.map((p: { location: string; crimes: number }) => [p.location, p.crimes])).toEqual([
      ['On or near School Road', 1],
      ['On or near Chester Road', 1],
    ]);
  });

  it('is served to a partner too (public police.uk data, not case data)', async () => {
    const partner = await startTestServer({ role: 'partner', db: s.db });
    try {
      // A financial year, as the publication grid asks of a partner: April 2024's two located crimes at two snap points.
      const r = await partner.get('/api/hotspots/context?from=2024-04-01&to=2025-03-31');
      expect(r.status).toBe(200);
      expect(r.body.points.length).toBe(2);
    } finally {
      await partner.close();
    }
  });
});
