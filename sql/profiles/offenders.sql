-- Offenders profile: what sql/measures and sql/breakdowns do not define.
-- The `offender_age_band` macro is that of sql/measures/common.sql.
-- "Links in the period" are case_offender_links with linked_on in $from–$to;
-- a link reaches a child through its case (cases.child_id).

-- name: completeness
-- Recording gaps: for each offender field the offenders page shows, the
-- `offenders_identified` (first_identified in the period) where it was not
-- recorded, as % of them (ethnicity: REFU and NOBT count as not recorded); and,
-- over links in the period, links with no relationship and links where the
-- offender's or the child's age is missing (so no age gap can be worked out).
-- Percentages are null when the denominator is 0.
WITH o AS (
  SELECT * FROM offenders WHERE first_identified BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
), l AS (
  SELECT l.relationship, f.age_at_identification, c.age_at_referral
  FROM case_offender_links l
  JOIN cases c USING (case_id)
  JOIN offenders f USING (offender_id)
  WHERE l.linked_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
), fields AS (
  SELECT 1 AS ord, 'age_band' AS field, 'offenders_identified' AS denominator, count(*) AS total, count(*) FILTER (WHERE age_at_identification IS NULL) AS not_recorded FROM o
  UNION ALL SELECT 2, 'sex', 'offenders_identified', count(*), count(*) FILTER (WHERE sex IS NULL) FROM o
  UNION ALL SELECT 3, 'ethnicity_group', 'offenders_identified', count(*), count(*) FILTER (WHERE ethnicity IS NULL OR ethnicity IN ('REFU', 'NOBT')) FROM o
  UNION ALL SELECT 4, 'role', 'offenders_identified', count(*), count(*) FILTER (WHERE role IS NULL) FROM o
  UNION ALL SELECT 5, 'status', 'offenders_identified', count(*), count(*) FILTER (WHERE status IS NULL) FROM o
  UNION ALL SELECT 6, 'home_ward', 'offenders_identified', count(*), count(*) FILTER (WHERE home_ward IS NULL) FROM o
  UNION ALL SELECT 7, 'relationship', 'links_in_period', count(*), count(*) FILTER (WHERE relationship IS NULL) FROM l
  UNION ALL SELECT 8, 'age_gap', 'links_in_period', count(*), count(*) FILTER (WHERE age_at_identification IS NULL OR age_at_referral IS NULL) FROM l
)
SELECT field, denominator, total, not_recorded,
  CASE WHEN total = 0 THEN NULL ELSE 100.0 * not_recorded / total END AS pct_not_recorded
FROM fields ORDER BY ord;

-- name: lone_group
-- `offenders_identified` acting alone or in a group: `group` when a group_id is
-- recorded, otherwise `lone` (role is a separate breakdown).
SELECT CASE WHEN group_id IS NULL THEN 'lone' ELSE 'group' END AS key, count(*) AS count
FROM offenders
WHERE first_identified BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
GROUP BY 1 ORDER BY key = 'not_recorded', count DESC, key;

-- name: relationships
-- Relationship between offender and child, over links in the period (one row
-- per link; not recorded is its own category).
SELECT coalesce(relationship, 'not_recorded') AS key, count(*) AS count
FROM case_offender_links
WHERE linked_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
GROUP BY 1 ORDER BY key = 'not_recorded', count DESC, key;

-- name: age_gap
-- Age gap between offender and child, over links in the period (one row per
-- link), in years: offender's age at the link minus child's age at the link.
-- Offender's age at the link = age_at_identification + whole years from
-- first_identified to linked_on; child's age at the link = age_at_referral +
-- whole years from referral_date to linked_on; whole years from a to b =
-- year(b) - year(a), less 1 when b's month-day falls before a's (negative when
-- the link predates the identification or referral). Bands: <0, 0-4, 5-9,
-- 10-19, 20+ (a band includes both ends); not_recorded when either age is
-- missing. A wide gap is a marker of the inappropriate-relationship model.
WITH l AS (
  SELECT
    f.age_at_identification
      + year(l.linked_on) - year(f.first_identified)
      - CASE WHEN strftime(l.linked_on, '%m-%d') < strftime(f.first_identified, '%m-%d') THEN 1 ELSE 0 END
    - (c.age_at_referral
      + year(l.linked_on) - year(c.referral_date)
      - CASE WHEN strftime(l.linked_on, '%m-%d') < strftime(c.referral_date, '%m-%d') THEN 1 ELSE 0 END) AS gap
  FROM case_offender_links l
  JOIN cases c USING (case_id)
  JOIN offenders f USING (offender_id)
  WHERE l.linked_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
)
SELECT
  CASE
    WHEN gap IS NULL THEN 'not_recorded'
    WHEN gap < 0 THEN '<0'
    WHEN gap <= 4 THEN '0-4'
    WHEN gap <= 9 THEN '5-9'
    WHEN gap <= 19 THEN '10-19'
    ELSE '20+'
  END AS key,
  count(*) AS count
FROM l GROUP BY 1
ORDER BY list_position(['<0', '0-4', '5-9', '10-19', '20+', 'not_recorded'], key);

-- name: groups
-- Groups active in the period (as `groups_active`: a member has a link in the
-- period), one row each. size = offenders held with that group_id;
-- children_linked = distinct children linked to any member through links with
-- linked_on <= $to (no lower bound, as `offenders_multi_victim`);
-- children_in_period = the same over links in the period; first_activity and
-- last_activity = earliest and latest linked_on of the members' links up to $to.
WITH members AS (
  SELECT offender_id, group_id FROM offenders WHERE group_id IS NOT NULL
), links AS (
  SELECT m.group_id, l.linked_on, c.child_id
  FROM case_offender_links l
  JOIN members m USING (offender_id)
  JOIN cases c USING (case_id)
  WHERE l.linked_on <= CAST($to AS DATE)
)
SELECT g.group_id,
  (SELECT count(*) FROM members m WHERE m.group_id = g.group_id) AS size,
  count(DISTINCT g.child_id) AS children_linked,
  count(DISTINCT g.child_id) FILTER (WHERE g.linked_on >= CAST($from AS DATE)) AS children_in_period,
  strftime(min(g.linked_on), '%Y-%m-%d') AS first_activity,
  strftime(max(g.linked_on), '%Y-%m-%d') AS last_activity
FROM links g
GROUP BY g.group_id
HAVING max(g.linked_on) >= CAST($from AS DATE)
ORDER BY children_linked DESC, size DESC, group_id;

-- name: multi_victim
-- The `offenders_multi_victim` as records: offenders linked to 2 or more
-- distinct children through links with linked_on <= $to (no lower bound), with
-- their recorded profile, how many children (all links up to $to, and links in
-- the period) and their first and last link dates up to $to.
WITH links AS (
  SELECT l.offender_id, l.linked_on, c.child_id
  FROM case_offender_links l JOIN cases c USING (case_id)
  WHERE l.linked_on <= CAST($to AS DATE)
), per AS (
  SELECT offender_id,
    count(DISTINCT child_id) AS children,
    count(DISTINCT child_id) FILTER (WHERE linked_on >= CAST($from AS DATE)) AS children_in_period,
    min(linked_on) AS first_link, max(linked_on) AS last_link
  FROM links GROUP BY offender_id HAVING count(DISTINCT child_id) >= 2
)
SELECT o.offender_id,
  offender_age_band(o.age_at_identification) AS age_band,
  coalesce(o.sex, 'not_recorded') AS sex,
  coalesce(o.role, 'not_recorded') AS role,
  o.group_id,
  coalesce(o.status, 'not_recorded') AS status,
  p.children, p.children_in_period,
  strftime(p.first_link, '%Y-%m-%d') AS first_link,
  strftime(p.last_link, '%Y-%m-%d') AS last_link
FROM per p JOIN offenders o USING (offender_id)
ORDER BY p.children DESC, p.last_link DESC, o.offender_id;
