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
-- exactly 24 hours is not counted, nor one still ongoing. Where the source
-- holds dates, not times (SSDA903, SSD), an episode counts only when its dates
-- alone show it lasted longer: its end date is at least 1 + $long_hours / 24
-- days after its start date (two days for 24 hours); one that may or may not
-- have lasted that long is not counted (docs/sources.md).
SELECT period,
       count(*) FILTER (WHERE CASE WHEN e.times_recorded IS DISTINCT FROM false
                                   THEN epoch(e.end_at) - epoch(e.start_at) > $long_hours * 3600
                                   ELSE (date_diff('day', CAST(e.start_at AS DATE), CAST(e.end_at AS DATE)) - 1) * 24 >= $long_hours END) AS value
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
-- as a percentage of episodes that ended in the period. Episodes from a source
-- without that field (SSDA903) are in neither: with only those, there is no
-- figure ("not in this source"), never 0 %.
SELECT period,
       100.0 * count(*) FILTER (WHERE e.rhi_offered = 'Y' AND e.rhi_offered_in_source IS DISTINCT FROM false)
             / nullif(count(*) FILTER (WHERE e.rhi_offered_in_source IS DISTINCT FROM false), 0) AS value
FROM episodes_ended() e
GROUP BY period;

-- name: pct_rhi_within_72h
-- Episodes that ended in the period where the return home interview took place
-- within 72 hours: on or before the return date plus 3 days, and not before the
-- date the episode started; as a percentage of episodes that ended in the period.
-- Episodes from a source without an interview date (SSDA903, SSD) are in
-- neither: with only those, there is no figure ("not in this source").
SELECT period,
       100.0 * count(*) FILTER (WHERE e.rhi_completed_date <= CAST(e.end_at AS DATE) + 3
                                  AND e.rhi_completed_date >= CAST(e.start_at AS DATE)
                                  AND e.rhi_date_in_source IS DISTINCT FROM false)
             / nullif(count(*) FILTER (WHERE e.rhi_date_in_source IS DISTINCT FROM false), 0) AS value
FROM episodes_ended() e
GROUP BY period;
