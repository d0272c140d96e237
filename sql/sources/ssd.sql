-- Standard Safeguarding Dataset (Data to Insight, ssd-data-model) table
-- exports as CSV → cases and missing_episodes. Each table is read into
-- src_<layout> (ssd.json): src_ssd_person, src_ssd_cin_episodes,
-- src_ssd_cin_assessments, src_ssd_assessment_factors, src_ssd_cla_episodes,
-- src_ssd_missing; a table not in the batch reads as empty.

-- name: cases
-- A referral (ssd_cin_episodes) is a case when an assessment of it
-- (ssd_cin_assessments.cina_referral_id) records factor 11A (child sexual
-- exploitation) in ssd_assessment_factors; its vulnerabilities are our codes
-- for the other factors of its assessments (cin_assessment_factors in
-- codes.json). Age in whole years on the referral date from pers_dob (not
-- stored); sex from pers_sex, else pers_gender; ethnicity from ssd_person;
-- looked after when an episode of ssd_cla_episodes began on or before the
-- referral date and had not ceased by it (not recorded when no
-- ssd_cla_episodes file was read). The tables read hold no risk level, model,
-- ward, disability or outcome.
WITH factors AS (
  SELECT a.referral_id,
         bool_or(list_contains(f.factors, '11A')) AS cse,
         nullif(list_sort(list_distinct(flatten(list(coalesce(f.factors_ours, []))))), []) AS vulnerabilities
  FROM src_ssd_cin_assessments a
  JOIN src_ssd_assessment_factors f ON f.assessment_id = a.assessment_id
  GROUP BY a.referral_id
)
SELECT
  e.referral_id AS case_id,
  e.person_id AS child_id,
  e.referral_date,
  e.close_date AS closed_date,
  CASE WHEN p.dob <= e.referral_date THEN
    year(e.referral_date) - year(p.dob)
      - CASE WHEN strftime(e.referral_date, '%m%d') < strftime(p.dob, '%m%d') THEN 1 ELSE 0 END
  END AS age_at_referral,
  coalesce(p.sex, p.gender) AS sex,
  p.ethnicity,
  CASE WHEN NOT EXISTS (SELECT 1 FROM src_ssd_cla_episodes) THEN NULL
       WHEN EXISTS (SELECT 1 FROM src_ssd_cla_episodes c
                    WHERE c.person_id = e.person_id AND c.start_date <= e.referral_date
                      AND (c.ceased IS NULL OR c.ceased > e.referral_date)) THEN 'Y'
       ELSE 'N' END AS looked_after,
  NULL AS disability,
  NULL AS home_ward,
  e.referral_source,
  NULL AS risk_level,
  NULL AS cse_model,
  f.vulnerabilities,
  NULL AS outcome,
  e.line AS source_row
FROM src_ssd_cin_episodes e
JOIN factors f ON f.referral_id = e.referral_id AND f.cse
LEFT JOIN src_ssd_person p ON p.person_id = e.person_id;

-- name: missing_episodes
-- One missing episode per row of ssd_missing: start and end are the dates of
-- miss_missing_episode_start_date and _end_date (times are not kept:
-- times_recorded is false), type M/Missing missing, A/Away away (missing when
-- not recorded, as in our format), return home interview offered Y/N
-- (rhi_offered; the SSD holds no interview date). Missing from care when an
-- episode of ssd_cla_episodes covers the start date, otherwise not recorded.
-- Age, sex and ethnicity from ssd_person (pers_dob is not stored).
SELECT
  m.episode_id,
  m.person_id AS child_id,
  CAST(m.start_date AS TIMESTAMP) AS start_at,
  CAST(m.end_date AS TIMESTAMP) AS end_at,
  coalesce(m.episode_type, 'missing') AS episode_type,
  CASE WHEN EXISTS (SELECT 1 FROM src_ssd_cla_episodes c
                    WHERE c.person_id = m.person_id AND c.start_date <= m.start_date
                      AND (c.ceased IS NULL OR c.ceased > m.start_date)) THEN 'care' END AS missing_from,
  CASE WHEN p.dob <= m.start_date THEN
    year(m.start_date) - year(p.dob)
      - CASE WHEN strftime(m.start_date, '%m%d') < strftime(p.dob, '%m%d') THEN 1 ELSE 0 END
  END AS age_at_start,
  coalesce(p.sex, p.gender) AS sex,
  p.ethnicity,
  NULL AS home_ward,
  NULL AS police_risk,
  NULL AS found_ward,
  NULL AS found_location_type,
  m.rhi_offered,
  NULL AS rhi_completed_date,
  m.line AS source_row,
  false AS times_recorded,
  true AS rhi_offered_in_source,
  false AS rhi_date_in_source
FROM src_ssd_missing m
LEFT JOIN src_ssd_person p ON p.person_id = m.person_id;

-- name: describe_person
SELECT src_file AS file, printf('SSD ssd_person, %d people (sex, ethnicity, ages)', count(*)) AS read_as
FROM src_ssd_person GROUP BY src_file;

-- name: describe_cin_episodes
SELECT src_file AS file,
       printf('SSD ssd_cin_episodes, %d referrals of %d children%s', count(*), count(DISTINCT person_id),
              CASE WHEN count(*) > 0 THEN printf(', %s to %s', strftime(min(referral_date), '%Y-%m-%d'), strftime(max(referral_date), '%Y-%m-%d')) ELSE '' END) AS read_as
FROM src_ssd_cin_episodes GROUP BY src_file;

-- name: describe_cin_assessments
SELECT src_file AS file, printf('SSD ssd_cin_assessments, %d assessments of %d referrals', count(*), count(DISTINCT referral_id)) AS read_as
FROM src_ssd_cin_assessments GROUP BY src_file;

-- name: describe_assessment_factors
SELECT src_file AS file,
       printf('SSD ssd_assessment_factors, %d assessments, %d with factor 11A', count(*), count(*) FILTER (WHERE list_contains(factors, '11A'))) AS read_as
FROM src_ssd_assessment_factors GROUP BY src_file;

-- name: describe_cla_episodes
SELECT src_file AS file, printf('SSD ssd_cla_episodes, %d episodes of care of %d children', count(*), count(DISTINCT person_id)) AS read_as
FROM src_ssd_cla_episodes GROUP BY src_file;

-- name: describe_missing
SELECT src_file AS file,
       printf('SSD ssd_missing, %d episodes of %d children%s', count(*), count(DISTINCT person_id),
              CASE WHEN count(*) > 0 THEN printf(', %s to %s', strftime(min(start_date), '%Y-%m-%d'), strftime(max(start_date), '%Y-%m-%d')) ELSE '' END) AS read_as
FROM src_ssd_missing GROUP BY src_file;
