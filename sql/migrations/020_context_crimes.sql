-- police.uk street-level crime, loaded as a context layer for the Hotspots page
-- (server/import/sources). police.uk moves every crime to an anonymous snap
-- point, so a point is a map context, never an address.
CREATE TABLE IF NOT EXISTS context_crimes (
  crime_month  DATE NOT NULL,      -- first day of `Month`
  crime_type   VARCHAR NOT NULL,
  longitude    DOUBLE,
  latitude     DOUBLE,
  location     VARCHAR,            -- "On or near …": the snap point's label
  lsoa_code    VARCHAR,
  reported_by  VARCHAR,
  falls_within VARCHAR,
  last_outcome VARCHAR
);
