-- Victims: children identified as at risk of, or experiencing, CSE (cases
-- extract). Every query returns one row per period (`period`, `value`) and
-- honours the victims page filters $ward, $risk_level, $sex, $age_band,
-- $looked_after and $cse_model (see common.sql).

-- name: cases_referred
-- Cases with a referral date in the period.
WITH counted AS (
  SELECT p.period, count(*) AS n
  FROM period_days p
  JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: children_referred
-- Distinct children with a case referred in the period.
WITH counted AS (
  SELECT p.period, count(DISTINCT c.child_id) AS n
  FROM period_days p
  JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: children_open
-- Distinct children with a case open at some time in the period: referred on
-- or before the end of the period and not closed before its start.
WITH counted AS (
  SELECT p.period, count(DISTINCT c.child_id) AS n
  FROM periods p
  JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c
    ON c.referral_date <= p.date_to AND (c.closed_date IS NULL OR c.closed_date >= p.date_from)
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: children_high_risk
-- Distinct children with a case referred in the period whose risk level is high.
WITH counted AS (
  SELECT p.period, count(DISTINCT c.child_id) AS n
  FROM period_days p
  JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
  WHERE c.risk_level = 'high'
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: pct_cases_looked_after
-- Cases referred in the period where the child was looked after at referral,
-- as a percentage of cases referred in the period.
WITH counted AS (
  SELECT p.period, count(*) FILTER (WHERE c.looked_after = 'Y') AS num, count(*) AS den
  FROM period_days p
  JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
  GROUP BY p.period
)
SELECT p.period, 100.0 * counted.num / nullif(counted.den, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: pct_cases_male
-- Cases referred in the period where the child is male, as a percentage of
-- cases referred in the period.
WITH counted AS (
  SELECT p.period, count(*) FILTER (WHERE c.sex = 'M') AS num, count(*) AS den
  FROM period_days p
  JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
  GROUP BY p.period
)
SELECT p.period, 100.0 * counted.num / nullif(counted.den, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: pct_cases_ethnicity_recorded
-- Cases referred in the period with an ethnicity recorded (any code other than
-- REFU refused or NOBT not obtained), as a percentage of cases referred in the
-- period.
WITH counted AS (
  SELECT p.period,
         count(*) FILTER (WHERE c.ethnicity IS NOT NULL AND c.ethnicity NOT IN ('REFU', 'NOBT')) AS num,
         count(*) AS den
  FROM period_days p
  JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
  GROUP BY p.period
)
SELECT p.period, 100.0 * counted.num / nullif(counted.den, 0) AS value
FROM periods p LEFT JOIN counted USING (period);
