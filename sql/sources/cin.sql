-- DfE children in need census (XML) → cases. The file is read into
-- src_cin_census: one row per <CINdetails> (a referral) with its child's
-- details (server/import/sources/cin-xml.ts); `factors` lists every
-- <AssessmentFactors> code of the referral's assessments, `factors_ours` our
-- vulnerabilities for them (cin.json), `disabilities_ours` Y/N per code.

-- name: cases
-- A referral whose assessments record factor 11A (child sexual exploitation)
-- is a case: referral and closure dates, referral source (DfE codes grouped
-- as ours), the child's age in whole years on the referral date (from
-- PersonBirthDate, which is not stored), sex, ethnicity, disability (Y when a
-- Disability code other than NONE is recorded, N for NONE) and, as its
-- vulnerabilities, our codes for its other factors (10A missing, 13A gangs,
-- 15A self-harm, …; a factor with no counterpart of ours is not kept). The
-- census holds no risk level, model of exploitation, ward or outcome.
SELECT
  'CIN-' || c.la_child_id || '-' || strftime(c.referral_date, '%Y%m%d')
    || '-' || row_number() OVER (PARTITION BY c.la_child_id, c.referral_date ORDER BY c.line) AS case_id,
  c.la_child_id AS child_id,
  c.referral_date,
  c.closure_date AS closed_date,
  CASE WHEN c.birth_date <= c.referral_date THEN
    year(c.referral_date) - year(c.birth_date)
      - CASE WHEN strftime(c.referral_date, '%m%d') < strftime(c.birth_date, '%m%d') THEN 1 ELSE 0 END
  END AS age_at_referral,
  c.sex,
  c.ethnicity,
  NULL AS looked_after,
  CASE WHEN list_contains(c.disabilities_ours, 'Y') THEN 'Y' WHEN list_contains(c.disabilities_ours, 'N') THEN 'N' END AS disability,
  NULL AS home_ward,
  c.referral_source,
  NULL AS risk_level,
  NULL AS cse_model,
  c.factors_ours AS vulnerabilities,
  NULL AS outcome,
  c.line AS source_row
FROM src_cin_census c
WHERE list_contains(c.factors, '11A');

-- name: describe_census
-- "CIN census, 120 referrals of 97 children, 9 with factor 11A (cases), 2017-04-03 to 2018-03-28".
SELECT src_file AS file,
       printf('CIN census, %d referrals of %d children, %d with factor 11A (cases)%s', count(*), count(DISTINCT la_child_id),
              count(*) FILTER (WHERE list_contains(factors, '11A')),
              CASE WHEN count(*) > 0 THEN printf(', %s to %s', strftime(min(referral_date), '%Y-%m-%d'), strftime(max(referral_date), '%Y-%m-%d')) ELSE '' END) AS read_as
FROM src_cin_census
GROUP BY src_file;
