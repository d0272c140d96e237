-- The periods a measure is computed for, one row each: `period` (a label such
-- as '2024-04-01/2025-03-31' or '2024-05'), `date_from` and `date_to`, both
-- inclusive. Every query in sql/measures and sql/breakdowns reads this table, so
-- one definition serves a single period (the measures API) and a series of
-- months or quarters (trends) alike.
CREATE OR REPLACE TEMP TABLE periods AS
SELECT * FROM (
  SELECT unnest(from_json($periods, '[{"period":"VARCHAR","date_from":"DATE","date_to":"DATE"}]'), recursive := true)
);
