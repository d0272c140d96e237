-- Breakdown of disruption and criminal-justice actions taken in the period,
-- one row per action. Returns `period, key, count`, zero rows omitted.

-- name: action_type
-- Disruptions in the period by type of action.
SELECT p.period, d.action_type AS key, count(*) AS count
FROM period_days p
JOIN disruptions d ON d.action_date = p.day
GROUP BY ALL;
