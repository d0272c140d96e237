-- Denominators of rates per 10,000 children aged 0–17 (measures.md, Rates):
-- the resident population aged 0–17 for the year in which the period ends,
-- or, where that year is not loaded, the latest year before it (chosen for
-- each area separately). Areas without population have no row, so show no rate.
-- Both queries read the `periods` table and answer for every period.

-- name: children_by_area
-- Children aged 0–17 living in each area, for the year in which the period
-- ends or the latest year before it.
WITH chosen AS (
  SELECT p.period, pop.area_code, max(pop.year) AS year
  FROM periods p
  JOIN population pop ON pop.year <= year(p.date_to)
  GROUP BY p.period, pop.area_code
)
SELECT ch.period, ch.area_code, sum(pop.population) AS population
FROM chosen ch
JOIN population pop ON pop.area_code = ch.area_code AND pop.year = ch.year
WHERE pop.age BETWEEN 0 AND 17
GROUP BY ch.period, ch.area_code;

-- name: children_by_sex_age_band
-- Children aged 0–17 living in the whole area by sex and age band (the bands
-- of the victims breakdown), for the year in which the period ends or the
-- latest year before it.
WITH chosen AS (
  SELECT p.period, pop.area_code, max(pop.year) AS year
  FROM periods p
  JOIN population pop ON pop.year <= year(p.date_to)
  GROUP BY p.period, pop.area_code
)
SELECT ch.period, pop.sex, child_age_band(pop.age) AS age_band, sum(pop.population) AS population
FROM chosen ch
JOIN population pop ON pop.area_code = ch.area_code AND pop.year = ch.year
WHERE pop.age BETWEEN 0 AND 17
GROUP BY ALL;
