-- Offenders: suspected perpetrators and persons of interest, and their links
-- to cases. Every query returns `period, value` for each period with
-- something to count (a period without counts 0; a percentage has none).

-- name: offenders_identified
-- Offenders first identified in the period.
SELECT period, count(*) AS value
FROM period_days p
JOIN offenders o ON o.first_identified = p.day
GROUP BY period;

-- name: pct_offenders_in_group
-- Offenders first identified in the period who belong to a group or network
-- (have a group_id), as a percentage of offenders first identified in the period.
SELECT period, 100.0 * count(*) FILTER (WHERE o.group_id IS NOT NULL) / count(*) AS value
FROM period_days p
JOIN offenders o ON o.first_identified = p.day
GROUP BY period;

-- name: offenders_multi_victim
-- Offenders linked to 2 or more distinct children (through the cases they are
-- linked to), counting every link made on or before the end of the period,
-- however long ago.
WITH first_links AS (
  -- when each offender was first linked to each child
  SELECT l.offender_id, c.child_id, min(l.linked_on) AS first_linked
  FROM case_offender_links l
  JOIN cases c ON c.case_id = l.case_id
  GROUP BY l.offender_id, c.child_id
), second_child AS (
  -- the date each offender was first linked to a second distinct child
  SELECT offender_id, first_linked AS reached_on
  FROM (
    SELECT offender_id, first_linked,
           row_number() OVER (PARTITION BY offender_id ORDER BY first_linked) AS nth
    FROM first_links
  )
  WHERE nth = 2
), counted AS (
  SELECT p.period, count(*) AS n
  FROM periods p
  JOIN second_child s ON s.reached_on <= p.date_to
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: groups_active
-- Distinct groups or networks (group_id) with at least one member linked to a
-- case in the period.
SELECT period, count(DISTINCT o.group_id) AS value
FROM period_days p
JOIN case_offender_links l ON l.linked_on = p.day
JOIN offenders o ON o.offender_id = l.offender_id
GROUP BY period;
