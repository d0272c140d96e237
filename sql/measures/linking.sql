-- Linking missing episodes and CSE cases through the shared child_id.
-- Every query returns one row per period.

-- name: pct_referred_children_missing
-- Of the distinct children with a case referred in the period, the percentage
-- who had any missing episode starting between 365 days before their earliest
-- referral in the period and the end of the period (macro
-- referred_children_missing in sql/measures/common.sql).
WITH counted AS (
  SELECT period, count(*) FILTER (WHERE went_missing) AS num, count(*) AS den
  FROM referred_children_missing()
  GROUP BY period
)
SELECT p.period, 100.0 * counted.num / nullif(counted.den, 0) AS value
FROM periods p LEFT JOIN counted USING (period);

-- name: repeat_missing_children_without_case
-- Of the children missing repeatedly in the period (as repeat_missing_children,
-- with the same thresholds), those with no CSE case open at any time in the
-- period (as children_open).
WITH counted AS (
  SELECT r.period, count(*) AS n
  FROM repeat_missing($repeat_min, $repeat_days) r
  WHERE NOT EXISTS (
    SELECT 1 FROM cases_open() o WHERE o.period = r.period AND o.child_id = r.child_id
  )
  GROUP BY r.period
)
SELECT p.period, coalesce(counted.n, 0) AS value
FROM periods p LEFT JOIN counted USING (period);
