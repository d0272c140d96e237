-- name: missing_children
-- Every child with a missing episode starting in the period (pseudonymous
-- child_id), for the analyst's lists:
-- - episodes: episodes starting in the period; first_start/last_start the
--   earliest and latest of their starts; longest_hours the longest of those
--   that have ended (NULL when none has; episodes known by their dates only,
--   from SSDA903 or SSD, have no length in hours), ongoing those with no end;
-- - episodes_from_care: those of them with missing_from = care;
-- - repeat_missing: the child is missing repeatedly in the period, with the
--   thresholds $repeat_min and $repeat_days (macro repeat_run on the child's
--   start dates, the same definition as repeat_missing_children);
-- - case_open: the child has a CSE case open at some time in the period (as
--   children_open);
-- - risk_level: when a case is open, the risk level (the latest assessed
--   level, as the cases extract records it) of the child's most recent case
--   open in the period — latest referral_date, ties broken by the greatest
--   case_id — or not_recorded when that case has none; NULL without a case.
WITH episodes AS (
  SELECT e.period, e.child_id,
         count(*) AS episodes,
         strftime(min(e.start_at), '%Y-%m-%d %H:%M') AS first_start,
         strftime(max(e.start_at), '%Y-%m-%d %H:%M') AS last_start,
         max(epoch(e.end_at) - epoch(e.start_at)) FILTER (WHERE e.times_recorded IS DISTINCT FROM false) / 3600.0 AS longest_hours,
         count(*) FILTER (WHERE e.end_at IS NULL) AS ongoing,
         count(*) FILTER (WHERE e.missing_from = 'care') AS episodes_from_care,
         repeat_run(list_sort(list(CAST(e.start_at AS DATE))), $repeat_min, $repeat_days) AS repeat_missing
  FROM episodes_started() e
  GROUP BY ALL
), latest_case AS (
  SELECT period, child_id,
         arg_max(coalesce(risk_level, 'not_recorded'), struct_pack(d := referral_date, id := case_id)) AS risk_level
  FROM cases_open()
  GROUP BY ALL
)
SELECT e.period, e.child_id, e.episodes, e.first_start, e.last_start, e.longest_hours, e.ongoing,
       e.episodes_from_care,
       e.repeat_missing,
       l.child_id IS NOT NULL AS case_open,
       l.risk_level
FROM episodes e
LEFT JOIN latest_case l USING (period, child_id)
ORDER BY e.period, e.episodes DESC, e.child_id;
