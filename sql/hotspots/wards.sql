-- Ward counts for the hotspot choropleth maps. Each query returns one row per
-- ward code found (`ward`, NULL when not recorded) with `count`, for the period
-- $from–$to (both inclusive). Rates per 10,000 children divide these counts by
-- the ward's population aged 0–17 (sql/population.sql).

-- name: cases_home
-- Cases referred in the period by the child's home ward (one per case).
SELECT c.home_ward AS ward, count(*) AS count
FROM cases c
WHERE c.referral_date BETWEEN $from AND $to
GROUP BY ALL;

-- name: missing_home
-- Missing episodes that started in the period (date part of start) by the child's home ward.
SELECT e.home_ward AS ward, count(*) AS count
FROM missing_episodes e
WHERE CAST(e.start_at AS DATE) BETWEEN $from AND $to
GROUP BY ALL;

-- name: missing_found
-- Where children were found: missing episodes that ended (the child was found
-- or returned) in the period, by the ward where the child was found, as the
-- missing page's found_ward view (sql/missing/views.sql) counts them, so that
-- the map and that table show the same cells.
SELECT e.found_ward AS ward, count(*) AS count
FROM missing_episodes e
WHERE CAST(e.end_at AS DATE) BETWEEN $from AND $to
GROUP BY ALL;

-- name: location_reports
-- Location reports made in the period by the ward of the location reported
-- (a location reported three times counts three times), optionally only
-- locations of type $location_type (NULL: every type), as the grid is filtered.
SELECT l.ward AS ward, count(*) AS count
FROM location_reports r
JOIN locations l ON l.location_id = r.location_id
WHERE r.reported_on BETWEEN $from AND $to
  AND ($location_type IS NULL OR l.location_type = $location_type)
GROUP BY ALL;

-- name: offenders_home
-- Offenders first identified in the period by their home ward.
SELECT o.home_ward AS ward, count(*) AS count
FROM offenders o
WHERE o.first_identified BETWEEN $from AND $to
GROUP BY ALL;
