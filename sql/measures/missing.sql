-- Missing episodes: children reported missing or absent (missing_episodes
-- extract). An episode is in the period when the date part of its start (or,
-- for returns, of its end) falls in it. Every query returns one row per period.

-- name: missing_episodes
-- Missing episodes that started in the period.
WITH counted AS (
  SELECT p.period, count(*) AS n
  FROM period_days p
  JOIN missing_episodes e ON CAST(e.start_at AS DATE) = p.day
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: children_missing
-- Distinct children with a missing episode that started in the period.
WITH counted AS (
  SELECT p.period, count(DISTINCT e.child_id) AS n
  FROM period_days p
  JOIN missing_episodes e ON CAST(e.start_at AS DATE) = p.day
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: episodes_from_care
-- Missing episodes that started in the period where the child went missing from care.
WITH counted AS (
  SELECT p.period, count(*) AS n
  FROM period_days p
  JOIN missing_episodes e ON CAST(e.start_at AS DATE) = p.day
  WHERE e.missing_from = 'care'
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: episodes_over_24h
-- Missing episodes that started in the period and ended more than 24 hours
-- (the long-episode threshold $long_hours) after they started; an episode of
-- exactly 24 hours is not counted, nor one still ongoing.
WITH counted AS (
  SELECT p.period, count(*) AS n
  FROM period_days p
  JOIN missing_episodes e ON CAST(e.start_at AS DATE) = p.day
  WHERE epoch(e.end_at) - epoch(e.start_at) > $long_hours * 3600
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: repeat_missing_children
-- Distinct children with 3 or more missing episodes starting in the period
-- (the repeat threshold $repeat_min) where the third starts fewer than 90 days
-- ($repeat_days) after the first, by calendar date: some run of 3 consecutive
-- episodes in the period spans at most 89 days (macro repeat_missing in
-- sql/measures/common.sql).
WITH counted AS (
  SELECT period, count(*) AS n
  FROM repeat_missing($repeat_min, $repeat_days)
  GROUP BY period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: episodes_returned
-- Missing episodes that ended (the child was found or returned) in the period.
WITH counted AS (
  SELECT p.period, count(*) AS n
  FROM period_days p
  JOIN missing_episodes e ON CAST(e.end_at AS DATE) = p.day
  GROUP BY p.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: pct_rhi_offered
-- Episodes that ended in the period where a return home interview was offered,
-- as a percentage of episodes that ended in the period.
WITH counted AS (
  SELECT p.period, count(*) FILTER (WHERE e.rhi_offered = 'Y') AS num, count(*) AS den
  FROM period_days p
  JOIN missing_episodes e ON CAST(e.end_at AS DATE) = p.day
  GROUP BY p.period
)
SELECT p.period, 100.0 * counted.num / nullif(counted.den, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: pct_rhi_within_72h
-- Episodes that ended in the period where the return home interview took place
-- within 72 hours: on or before the return date plus 3 days, and not before the
-- date the episode started; as a percentage of episodes that ended in the period.
WITH counted AS (
  SELECT p.period,
         count(*) FILTER (WHERE e.rhi_completed_date <= CAST(e.end_at AS DATE) + 3
                            AND e.rhi_completed_date >= CAST(e.start_at AS DATE)) AS num,
         count(*) AS den
  FROM period_days p
  JOIN missing_episodes e ON CAST(e.end_at AS DATE) = p.day
  GROUP BY p.period
)
SELECT p.period, 100.0 * counted.num / nullif(counted.den, 0) AS value
FROM periods p LEFT JOIN counted USING (period);
