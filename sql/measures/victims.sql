-- Victims: children identified as at risk of, or experiencing, CSE (cases
-- extract). Every query returns `period, value` for each period with cases
-- (a period without any counts 0; a percentage has none) and honours the
-- victims page filters $ward, $risk_level, $sex, $age_band, $looked_after and
-- $cse_model (macro victim_cases, see common.sql). Measures reading the same
-- rows are computed in one pass over them (server/measures/run.ts).

-- name: cases_referred
-- Cases with a referral date in the period.
SELECT period, count(*) AS value
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY period;

-- name: children_referred
-- Distinct children with a case referred in the period.
SELECT period, count(DISTINCT c.child_id) AS value
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY period;

-- name: children_open
-- Distinct children with a case open at some time in the period: referred on
-- or before the end of the period and not closed before its start.
SELECT period, count(DISTINCT c.child_id) AS value
FROM periods p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c
  ON c.referral_date <= p.date_to AND (c.closed_date IS NULL OR c.closed_date >= p.date_from)
GROUP BY period;

-- name: children_high_risk
-- Distinct children with a case referred in the period whose risk level is high.
SELECT period, count(DISTINCT c.child_id) FILTER (WHERE c.risk_level = 'high') AS value
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY period;

-- name: pct_cases_looked_after
-- Cases referred in the period where the child was looked after at referral,
-- as a percentage of cases referred in the period.
SELECT period, 100.0 * count(*) FILTER (WHERE c.looked_after = 'Y') / count(*) AS value
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY period;

-- name: pct_cases_male
-- Cases referred in the period where the child is male, as a percentage of
-- cases referred in the period.
SELECT period, 100.0 * count(*) FILTER (WHERE c.sex = 'M') / count(*) AS value
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY period;

-- name: pct_cases_ethnicity_recorded
-- Cases referred in the period with an ethnicity recorded (any code other than
-- REFU refused or NOBT not obtained), as a percentage of cases referred in the
-- period.
SELECT period, 100.0 * count(*) FILTER (WHERE c.ethnicity IS NOT NULL AND c.ethnicity NOT IN ('REFU', 'NOBT')) / count(*) AS value
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY period;
