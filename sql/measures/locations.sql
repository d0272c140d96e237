-- Locations of concern and disruption activity. Every query returns `period,
-- value` for each period with something to count (a period without counts 0;
-- a percentage has none).

-- name: locations_reported
-- Distinct locations reported in connection with a case in the period.
SELECT period, count(DISTINCT r.location_id) AS value
FROM period_days p
JOIN location_reports r ON r.reported_on = p.day
GROUP BY period;

-- name: repeat_locations
-- Locations whose reports in the period involve 2 or more distinct children
-- (through the cases reported).
WITH children AS (
  SELECT p.period, r.location_id, count(DISTINCT c.child_id) AS n
  FROM period_days p
  JOIN location_reports r ON r.reported_on = p.day
  JOIN cases c ON c.case_id = r.case_id
  GROUP BY p.period, r.location_id
), counted AS (
  SELECT period, count(*) AS n FROM children WHERE n >= 2 GROUP BY period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: disruptions
-- Disruption and criminal-justice actions taken in the period.
SELECT period, count(*) AS value
FROM period_days p
JOIN disruptions d ON d.action_date = p.day
GROUP BY period;

-- name: cawns_issued
-- Child abduction warning notices (CAWNs) issued in the period.
SELECT period, count(*) FILTER (WHERE d.action_type = 'cawn') AS value
FROM period_days p
JOIN disruptions d ON d.action_date = p.day
GROUP BY period;
