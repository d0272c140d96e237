-- Breakdowns of missing episodes that started in the period, one row per
-- episode. Each query returns `period, key, count`, zero rows omitted, with
-- `not_recorded` as a key of its own.

-- name: missing_from
-- Missing episodes started in the period by where the child went missing from.
SELECT e.period, coalesce(e.missing_from, 'not_recorded') AS key, count(*) AS count
FROM episodes_started() e
GROUP BY ALL;

-- name: police_risk
-- Missing episodes started in the period by the risk level the police graded.
SELECT e.period, coalesce(e.police_risk, 'not_recorded') AS key, count(*) AS count
FROM episodes_started() e
GROUP BY ALL;

-- name: duration_band
-- Missing episodes started in the period by how long the child was missing
-- (a band includes its upper bound: exactly 6 hours is under_6h); episodes
-- with no end are ongoing. Where the source holds dates, not times, a band is
-- given only when the dates decide it (macro duration_band_dates), else
-- not_recorded.
SELECT e.period,
       CASE WHEN e.times_recorded IS DISTINCT FROM false THEN duration_band(e.start_at, e.end_at)
            ELSE duration_band_dates(CAST(e.start_at AS DATE), CAST(e.end_at AS DATE)) END AS key,
       count(*) AS count
FROM episodes_started() e
GROUP BY ALL;

-- name: age_band
-- Missing episodes started in the period by the child's age when the episode started.
SELECT e.period, child_age_band(e.age_at_start) AS key, count(*) AS count
FROM episodes_started() e
GROUP BY ALL;

-- name: sex
-- Missing episodes started in the period by the child's sex.
SELECT e.period, coalesce(e.sex, 'not_recorded') AS key, count(*) AS count
FROM episodes_started() e
GROUP BY ALL;

-- name: ethnicity_group
-- Missing episodes started in the period by the child's ethnic group (REFU,
-- NOBT and not recorded are all not_recorded).
SELECT e.period, coalesce(g.eth_group, 'not_recorded') AS key, count(*) AS count
FROM episodes_started() e
LEFT JOIN ethnicity_groups g ON g.code = e.ethnicity
GROUP BY ALL;
