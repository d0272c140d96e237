-- Breakdowns of offenders first identified in the period, one row per
-- offender. Each query returns `period, key, count`, zero rows omitted, with
-- `not_recorded` as a key of its own.

-- name: age_band
-- Offenders first identified in the period by age at identification.
SELECT p.period, offender_age_band(o.age_at_identification) AS key, count(*) AS count
FROM period_days p
JOIN offenders o ON o.first_identified = p.day
GROUP BY ALL;

-- name: sex
-- Offenders first identified in the period by sex.
SELECT p.period, coalesce(o.sex, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN offenders o ON o.first_identified = p.day
GROUP BY ALL;

-- name: ethnicity_group
-- Offenders first identified in the period by ethnic group (REFU, NOBT and not
-- recorded are all not_recorded).
SELECT p.period, coalesce(g.eth_group, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN offenders o ON o.first_identified = p.day
LEFT JOIN ethnicity_groups g ON g.code = o.ethnicity
GROUP BY ALL;

-- name: role
-- Offenders first identified in the period by role.
SELECT p.period, coalesce(o.role, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN offenders o ON o.first_identified = p.day
GROUP BY ALL;

-- name: status
-- Offenders first identified in the period by criminal-justice status.
SELECT p.period, coalesce(o.status, 'not_recorded') AS key, count(*) AS count
FROM period_days p
JOIN offenders o ON o.first_identified = p.day
GROUP BY ALL;
