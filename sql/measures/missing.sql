-- Missing episodes: children reported missing or absent (missing_episodes
-- extract). An episode is in the period when the date part of its start (or,
-- for returns, of its end) falls in it: macros episodes_started and
-- episodes_ended of sql/measures/common.sql. Every query returns `period,
-- value` for each period with episodes; a period without any counts 0 (a
-- percentage has none). Measures reading the same rows are computed in one
-- pass over them (server/measures/run.ts).

-- name: missing_episodes
-- Missing episodes that started in the period.
SELECT period, count(*) AS value
FROM episodes_started() e
GROUP BY period;

-- name: children_missing
-- Distinct children with a missing episode that started in the period.
SELECT period, count(DISTINCT e.child_id) AS value
FROM episodes_started() e
GROUP BY period;

-- name: episodes_from_care
-- Missing episodes that started in the period where the child went missing from care.
SELECT period, count(*) FILTER (WHERE e.missing_from = 'care') AS value
FROM episodes_started() e
GROUP BY period;

-- name: episodes_over_24h
-- Missing episodes that started in the period and ended more than 24 hours
-- (the long-episode threshold $long_hours) after they started; an episode of
-- exactly 24 hours is not counted, nor one still ongoing.
SELECT period, count(*) FILTER (WHERE epoch(e.end_at) - epoch(e.start_at) > $long_hours * 3600) AS value
FROM episodes_started() e
GROUP BY period;

-- name: repeat_missing_children
-- Distinct children with 3 or more missing episodes starting in the period
-- (the repeat threshold $repeat_min) where the third starts fewer than 90 days
-- ($repeat_days) after the first, by calendar date: some run of 3 consecutive
-- episodes in the period spans at most 89 days (macro repeat_missing in
-- sql/measures/common.sql; macro repeat_missing_cases gives one row per period
-- and child missing repeatedly).
SELECT period, count(*) AS value
FROM repeat_missing_cases($repeat_min, $repeat_days) r
GROUP BY period;

-- name: episodes_returned
-- Missing episodes that ended (the child was found or returned) in the period.
SELECT period, count(*) AS value
FROM episodes_ended() e
GROUP BY period;

-- name: pct_rhi_offered
-- Episodes that ended in the period where a return home interview was offered,
-- as a percentage of episodes that ended in the period.
SELECT period, 100.0 * count(*) FILTER (WHERE e.rhi_offered = 'Y') / count(*) AS value
FROM episodes_ended() e
GROUP BY period;

-- name: pct_rhi_within_72h
-- Episodes that ended in the period where the return home interview took place
-- within 72 hours: on or before the return date plus 3 days, and not before the
-- date the episode started; as a percentage of episodes that ended in the period.
SELECT period,
       100.0 * count(*) FILTER (WHERE e.rhi_completed_date <= CAST(e.end_at AS DATE) + 3
                                  AND e.rhi_completed_date >= CAST(e.start_at AS DATE)) / count(*) AS value
FROM episodes_ended() e
GROUP BY period;
