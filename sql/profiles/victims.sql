-- Victims profile: what sql/measures and sql/breakdowns do not define.
-- Every query reads `cases_referred` (referral_date in the period $from–$to)
-- narrowed by the victims page filters $ward, $risk_level, $sex, $age_band,
-- $looked_after and $cse_model, through the `victim_cases` and
-- `child_age_band` macros of sql/measures/common.sql (run on the connection
-- first), so that a filter means the same on every figure of the page.

-- name: completeness
-- Recording gaps: for each field the victims page shows, the cases in scope
-- where the field was not recorded, as % of those cases (null when there are
-- none). Ethnicity counts REFU and NOBT as not recorded, as the
-- `ethnicity_group` breakdown does; vulnerabilities are not recorded when the
-- cell was empty.
WITH c AS (
  SELECT * FROM victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model)
  WHERE referral_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
), fields AS (
  SELECT 1 AS ord, 'age_band' AS field, count(*) AS total, count(*) FILTER (WHERE age_at_referral IS NULL) AS not_recorded FROM c
  UNION ALL SELECT 2, 'sex', count(*), count(*) FILTER (WHERE sex IS NULL) FROM c
  UNION ALL SELECT 3, 'ethnicity_group', count(*), count(*) FILTER (WHERE ethnicity IS NULL OR ethnicity IN ('REFU', 'NOBT')) FROM c
  UNION ALL SELECT 4, 'looked_after', count(*), count(*) FILTER (WHERE looked_after IS NULL) FROM c
  UNION ALL SELECT 5, 'risk_level', count(*), count(*) FILTER (WHERE risk_level IS NULL) FROM c
  UNION ALL SELECT 6, 'cse_model', count(*), count(*) FILTER (WHERE cse_model IS NULL) FROM c
  UNION ALL SELECT 7, 'referral_source', count(*), count(*) FILTER (WHERE referral_source IS NULL) FROM c
  UNION ALL SELECT 8, 'home_ward', count(*), count(*) FILTER (WHERE home_ward IS NULL) FROM c
  UNION ALL SELECT 9, 'vulnerabilities', count(*), count(*) FILTER (WHERE vulnerabilities IS NULL) FROM c
)
SELECT field, 'cases_referred' AS denominator, total, not_recorded,
  CASE WHEN total = 0 THEN NULL ELSE 100.0 * not_recorded / total END AS pct_not_recorded
FROM fields ORDER BY ord;

-- name: cases_by_sex_age_band
-- Numerator of the rate by sex and age band: cases in scope (one row per case,
-- as the breakdowns) where the child was aged 0-17 at referral and sex is
-- recorded, by sex and the victims age band.
SELECT sex, child_age_band(age_at_referral) AS age_band, count(*) AS count
FROM victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model)
WHERE referral_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
  AND sex IS NOT NULL AND age_at_referral <= 17
GROUP BY 1, 2 ORDER BY 1, 2;

