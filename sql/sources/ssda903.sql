-- DfE SSDA903 (children looked after) return → missing_episodes.
-- The files are read into src_ssda903_missing, src_ssda903_header and
-- src_ssda903_episodes (columns as named in ssda903.json, values already
-- checked and converted: dates as DATE, codes as ours; `line` is the line of
-- the file). A file not in the batch reads as an empty table.

-- name: missing_episodes
-- One missing episode per row of the missing file. Its start and end are the
-- dates MIS_START and MIS_END (the return holds no times: times_recorded is
-- false); MISSING M is `missing`, A is `away`; the child went missing from
-- care when an episode of care in the episodes file began (DECOM) on or
-- before the start date and had not ceased (DEC empty or after the start
-- date), and otherwise where it went missing from is not recorded. Age is the
-- child's age in whole years on the start date, from DOB (DOB is not stored).
-- Sex (1 male, 2 female) and ethnicity come from the header file. The return
-- holds no ward, police risk, found location or return home interview.
SELECT
  '903-' || m.child || '-' || strftime(m.mis_start, '%Y%m%d')
    || '-' || row_number() OVER (PARTITION BY m.child, m.mis_start ORDER BY m.line) AS episode_id,
  m.child AS child_id,
  CAST(m.mis_start AS TIMESTAMP) AS start_at,
  CAST(m.mis_end AS TIMESTAMP) AS end_at,
  m.missing AS episode_type,
  CASE WHEN EXISTS (
    SELECT 1 FROM src_ssda903_episodes e
    WHERE e.child = m.child AND e.decom <= m.mis_start AND (e.dec IS NULL OR e.dec > m.mis_start)
  ) THEN 'care' END AS missing_from,
  year(m.mis_start) - year(m.dob)
    - CASE WHEN strftime(m.mis_start, '%m%d') < strftime(m.dob, '%m%d') THEN 1 ELSE 0 END AS age_at_start,
  h.sex,
  h.ethnic AS ethnicity,
  NULL AS home_ward,
  NULL AS police_risk,
  NULL AS found_ward,
  NULL AS found_location_type,
  NULL AS rhi_offered,
  NULL AS rhi_completed_date,
  m.line AS source_row,
  false AS times_recorded,
  false AS rhi_offered_in_source,
  false AS rhi_date_in_source
FROM src_ssda903_missing m
LEFT JOIN src_ssda903_header h ON h.child = m.child;

-- name: describe_missing
-- "SSDA903 missing, 43 episodes of 39 children, 2017-03-08 to 2018-02-27" (start dates).
SELECT src_file AS file,
       CASE WHEN count(*) = 0 THEN 'SSDA903 missing, no episodes'
            ELSE printf('SSDA903 missing, %d episodes of %d children, %s to %s', count(*), count(DISTINCT child),
                        strftime(min(mis_start), '%Y-%m-%d'), strftime(max(mis_start), '%Y-%m-%d')) END AS read_as
FROM src_ssda903_missing
GROUP BY src_file;

-- name: describe_header
-- "SSDA903 header, 39 children (sex, ethnicity)".
SELECT src_file AS file, printf('SSDA903 header, %d children (sex, ethnicity)', count(*)) AS read_as
FROM src_ssda903_header
GROUP BY src_file;

-- name: describe_episodes
-- "SSDA903 episodes, 57 episodes of care of 40 children, 2015-01-04 to 2018-03-01" (DECOM dates).
SELECT src_file AS file,
       CASE WHEN count(*) = 0 THEN 'SSDA903 episodes, no episodes of care'
            ELSE printf('SSDA903 episodes, %d episodes of care of %d children, %s to %s', count(*), count(DISTINCT child),
                        strftime(min(decom), '%Y-%m-%d'), strftime(max(decom), '%Y-%m-%d')) END AS read_as
FROM src_ssda903_episodes
GROUP BY src_file;

-- name: warn_gaps
-- What the batch lacks for a full mapping: children of the missing file not in
-- the header file (their sex and ethnicity are not recorded), and a batch
-- without the episodes file (where each child went missing from is not recorded).
SELECT printf('%s: %d episodes of %d children not in the SSDA903 header file: their sex and ethnicity are not recorded',
              any_value(m.src_file), count(*), count(DISTINCT m.child)) AS message
FROM src_ssda903_missing m
WHERE NOT EXISTS (SELECT 1 FROM src_ssda903_header h WHERE h.child = m.child)
HAVING count(*) > 0
UNION ALL
SELECT printf('%s: no SSDA903 episodes file in the batch: where each child went missing from is not recorded', any_value(m.src_file)) AS message
FROM src_ssda903_missing m
WHERE NOT EXISTS (SELECT 1 FROM src_ssda903_episodes)
HAVING count(*) > 0;
