-- Breakdown of the locations reported in connection with a case in the
-- period, one row per location. Returns `period, key, count`, zero rows omitted.

-- name: location_type
-- Distinct locations reported in the period by type of location.
SELECT p.period, l.location_type AS key, count(DISTINCT l.location_id) AS count
FROM period_days p
JOIN location_reports r ON r.reported_on = p.day
JOIN locations l ON l.location_id = r.location_id
GROUP BY ALL;
