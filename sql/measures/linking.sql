-- Linking missing episodes and CSE cases through the shared child_id.
-- Every query returns `period, value` for each period with children to count
-- (a period without any counts 0; a percentage has none).

-- name: pct_referred_children_missing
-- Of the distinct children with a case referred in the period, the percentage
-- who had any missing episode starting between 365 days before their earliest
-- referral in the period and the end of the period (macro
-- referred_children_missing in sql/measures/common.sql, one row per period and
-- referred child).
SELECT period, 100.0 * count(*) FILTER (WHERE went_missing) / count(*) AS value
FROM referred_children_missing()
GROUP BY period;

-- name: repeat_missing_children_without_case
-- Of the children missing repeatedly in the period (as repeat_missing_children,
-- with the same thresholds), those with no CSE case open at any time in the
-- period (as children_open): macro repeat_missing_cases in
-- sql/measures/common.sql.
SELECT period, count(*) FILTER (WHERE NOT r.case_open) AS value
FROM repeat_missing_cases($repeat_min, $repeat_days) r
GROUP BY period;
