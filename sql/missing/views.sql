-- The missing page's figures that measures.md does not define, over the
-- `periods` table as the measures are (the shared macros of
-- sql/measures/common.sql are in place). "Episodes in the period" are the
-- episodes of missing_episodes: `start` date in the period. Counts return
-- `period, key, count` (zero rows omitted, `not_recorded` a key of its own)
-- unless said otherwise.

-- name: episode_type
-- Missing episodes started in the period by type: missing (whereabouts
-- unknown) or away (away from placement without authorisation); an episode
-- whose type was not recorded is `missing`, as the extract contract says.
SELECT e.period, e.episode_type AS key, count(*) AS count
FROM episodes_started() e
GROUP BY ALL;

-- name: found_location_type
-- Where children were found: episodes that ended in the period (as
-- episodes_returned) by the type of place the child was found.
SELECT e.period, coalesce(e.found_location_type, 'not_recorded') AS key, count(*) AS count
FROM episodes_ended() e
GROUP BY ALL;

-- name: found_ward
-- Where children were found: episodes that ended in the period (as
-- episodes_returned) by the ward the child was found in.
SELECT e.period, coalesce(e.found_ward, 'not_recorded') AS key, count(*) AS count
FROM episodes_ended() e
GROUP BY ALL;

-- name: heatmap
-- Missing episodes started in the period by ISO day of the week of the start
-- (1 = Monday … 7 = Sunday) and hour of the day of the start (0–23, local
-- time as recorded). Every one of the 7 × 24 cells, zeros included. Episodes
-- from a source holding dates, not times (SSDA903, SSD), have no hour and are
-- not counted (docs/sources.md).
WITH counted AS (
  SELECT e.period, isodow(e.start_at) AS dow, hour(e.start_at) AS hour, count(*) AS n
  FROM episodes_started() e
  WHERE e.times_recorded IS DISTINCT FROM false
  GROUP BY ALL
)
SELECT p.period, d.dow, h.hour, coalesce(c.n, 0) AS count
FROM periods p
CROSS JOIN (SELECT CAST(range AS INTEGER) AS dow FROM range(1, 8)) d
CROSS JOIN (SELECT CAST(range AS INTEGER) AS hour FROM range(0, 24)) h
LEFT JOIN counted c ON c.period = p.period AND c.dow = d.dow AND c.hour = h.hour
ORDER BY p.period, d.dow, h.hour;

-- name: episodes_per_child
-- Children missing in the period by how many missing episodes they had in
-- it: `key` is the number of episodes, `count` the number of children.
WITH per_child AS (
  SELECT e.period, e.child_id, count(*) AS n
  FROM episodes_started() e
  GROUP BY ALL
)
SELECT period, n AS episodes, count(*) AS count
FROM per_child
GROUP BY ALL
ORDER BY period, episodes DESC;

-- name: concentration
-- How concentrated missing episodes are: children missing in the period
-- ranked by their number of episodes in it (most first, ties broken by
-- child_id); the top 10 % are the first ceil(children / 10) children, and
-- `top_episodes` their episodes. One row per period (zeros when none).
WITH per_child AS (
  SELECT e.period, e.child_id, count(*) AS n
  FROM episodes_started() e
  GROUP BY ALL
), ranked AS (
  SELECT period, n,
         row_number() OVER (PARTITION BY period ORDER BY n DESC, child_id) AS rank,
         count(*) OVER (PARTITION BY period) AS children
  FROM per_child
), counted AS (
  SELECT period, max(children) AS children, (max(children) + 9) // 10 AS top_children,
         sum(n) AS episodes, sum(n) FILTER (WHERE rank <= (children + 9) // 10) AS top_episodes
  FROM ranked
  GROUP BY period
)
SELECT p.period,
       coalesce(c.children, 0) AS children, coalesce(c.top_children, 0) AS top_children,
       coalesce(c.episodes, 0) AS episodes, coalesce(c.top_episodes, 0) AS top_episodes
FROM periods p LEFT JOIN counted c USING (period);

-- name: referred_missing
-- The counts behind pct_referred_children_missing: children with a case
-- referred in the period, and those among them with a missing episode
-- starting from 365 days before their earliest referral in the period up to
-- the end of the period (macro referred_children_missing).
SELECT p.period,
       count(r.child_id) AS children_referred,
       count(r.child_id) FILTER (WHERE r.went_missing) AS went_missing
FROM periods p
LEFT JOIN referred_children_missing() r USING (period)
GROUP BY p.period;
