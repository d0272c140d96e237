-- ONS mid-year population estimates in the published wide layout → population.
-- The file is read into src_ons_population: one row per area, year and sex,
-- with the single-year-of-age columns 0 … 17 as age_0 … age_17 (the columns
-- 18 … 89 and 90+ are not read: rates are per 10,000 children aged 0–17).

-- name: population
-- One row per area, year, sex (Females, Males) and single year of age 0–17.
-- Persons rows are the sum of the other two and are not stored.
SELECT upper(area_code) AS area_code, year, sex,
       CAST(substr(age_column, 5) AS INTEGER) AS age, population
FROM (
  UNPIVOT (SELECT area_code, year, sex, age_0, age_1, age_2, age_3, age_4, age_5, age_6, age_7, age_8,
                  age_9, age_10, age_11, age_12, age_13, age_14, age_15, age_16, age_17
           FROM src_ons_population WHERE sex IN ('F', 'M'))
  ON age_0, age_1, age_2, age_3, age_4, age_5, age_6, age_7, age_8, age_9, age_10, age_11, age_12,
     age_13, age_14, age_15, age_16, age_17
  INTO NAME age_column VALUE population
);

-- name: check_persons_only
-- A Persons row of an area and year that has no Females or no Males row:
-- rates and the breakdowns by sex need both.
SELECT p.src_file AS file, p.line, 'sex' AS column_key, p.r_sex AS value,
       'Persons row without both a Females and a Males row for this area and year: the profiler needs children by sex' AS message
FROM src_ons_population p
WHERE p.sex = 'P'
  AND (SELECT count(DISTINCT q.sex) FROM src_ons_population q
       WHERE q.area_code = p.area_code AND q.year = p.year AND q.sex IN ('F', 'M')) < 2;

-- name: describe_population
-- "ONS mid-year estimates, 21 areas, 2022, 12345 children aged 0–17 (Females and Males)".
SELECT src_file AS file,
       printf('ONS mid-year estimates, %d areas, %s, %d children aged 0–17 (Females and Males)',
              count(DISTINCT area_code), string_agg(DISTINCT CAST(year AS VARCHAR), ', ' ORDER BY CAST(year AS VARCHAR)),
              coalesce(sum(age_0 + age_1 + age_2 + age_3 + age_4 + age_5 + age_6 + age_7 + age_8 + age_9 + age_10
                           + age_11 + age_12 + age_13 + age_14 + age_15 + age_16 + age_17) FILTER (WHERE sex IN ('F', 'M')), 0)) AS read_as
FROM src_ons_population
GROUP BY src_file;
