-- Breakdowns of victims: cases referred in the period, one row per case
-- (vulnerabilities: once under each code the case lists). Each query returns
-- `period, key, count`, zero rows omitted, with `not_recorded` as a key of its
-- own, and honours the victims page filters (see sql/measures/common.sql).

-- name: age_band
-- Cases referred in the period by the child's age at referral.
SELECT p.period, child_age_band(c.age_at_referral) AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY ALL;

-- name: sex
-- Cases referred in the period by the child's sex.
SELECT p.period, coalesce(c.sex, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY ALL;

-- name: ethnicity_group
-- Cases referred in the period by the child's ethnic group (REFU, NOBT and
-- not recorded are all not_recorded).
SELECT p.period, coalesce(g.eth_group, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
LEFT JOIN ethnicity_groups g ON g.code = c.ethnicity
GROUP BY ALL;

-- name: looked_after
-- Cases referred in the period by whether the child was looked after at referral.
SELECT p.period, coalesce(c.looked_after, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY ALL;

-- name: risk_level
-- Cases referred in the period by latest assessed risk level.
SELECT p.period, coalesce(c.risk_level, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY ALL;

-- name: cse_model
-- Cases referred in the period by model of exploitation.
SELECT p.period, coalesce(c.cse_model, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY ALL;

-- name: referral_source
-- Cases referred in the period by the agency or person that referred them.
SELECT p.period, coalesce(c.referral_source, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY ALL;

-- name: home_ward
-- Cases referred in the period by the child's home ward.
SELECT p.period, coalesce(c.home_ward, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
GROUP BY ALL;

-- name: vulnerabilities
-- Cases referred in the period by vulnerability: a case counts once under each
-- code it lists, so the counts may add up to more than the number of cases;
-- cases listing none are not counted.
SELECT p.period, v.code AS key, count(*) AS count
FROM period_days p
JOIN victim_cases($ward, $risk_level, $sex, $age_band, $looked_after, $cse_model) c ON c.referral_date = p.day
CROSS JOIN unnest(list_distinct(c.vulnerabilities)) AS v(code)
GROUP BY ALL;
