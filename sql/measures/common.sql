-- Shared building blocks of the measures and breakdowns, created on the
-- connection right after the `periods` table (sql/periods.sql), before any of
-- them runs, so that a band or a filter is written once.

-- The span of the periods asked for, from the first day of the earliest to the
-- last day of the latest, as connection variables. A filter of a table's date
-- against these constants reaches the table scan, which then skips every block
-- of rows outside the span (tables are stored in date order at import,
-- server/import/store.ts): a query reads the rows it may count, not the extract.
SET VARIABLE span_from = (SELECT min(date_from) FROM periods);
SET VARIABLE span_to = (SELECT max(date_to) FROM periods);

-- One row per day of each period (a view, so it always follows `periods`).
-- "The date falls in the period" is written as a join on `day`: an equality
-- join is far quicker than a range join when a trend asks for a hundred
-- periods at once (EXPLAIN ANALYZE at national scale, 120 months: 0.9 s
-- against 7.7 s), and as quick for one period once the scan is limited to the
-- span. A join on a DATE column also hands the days' range to the scan.
CREATE OR REPLACE TEMP VIEW period_days AS
  SELECT period, date_from, date_to,
         CAST(unnest(generate_series(date_from, date_to, INTERVAL 1 DAY)) AS DATE) AS day
  FROM periods;

-- Missing episodes that started in each period: one row per period and
-- episode, the period's label first. An episode is in the period when the date
-- part of its start is; `start_at` is a timestamp, so the span is written as a
-- range on it (start_at from the first day, before the day after the last).
CREATE OR REPLACE TEMP MACRO episodes_started() AS TABLE
  SELECT p.period, e.*
  FROM missing_episodes e
  JOIN period_days p ON CAST(e.start_at AS DATE) = p.day
  WHERE e.start_at >= getvariable('span_from') AND e.start_at < getvariable('span_to') + 1;

-- Missing episodes that ended (the child was found or returned) in each
-- period, as episodes_started but by the date part of `end_at`.
CREATE OR REPLACE TEMP MACRO episodes_ended() AS TABLE
  SELECT p.period, e.*
  FROM missing_episodes e
  JOIN period_days p ON CAST(e.end_at AS DATE) = p.day
  WHERE e.end_at >= getvariable('span_from') AND e.end_at < getvariable('span_to') + 1;

-- Age bands of children (victims, missing episodes), by age in whole years.
CREATE OR REPLACE TEMP MACRO child_age_band(age) AS
  CASE
    WHEN age IS NULL THEN 'not_recorded'
    WHEN age <= 11 THEN '0-11'
    WHEN age <= 13 THEN '12-13'
    WHEN age <= 15 THEN '14-15'
    WHEN age <= 17 THEN '16-17'
    ELSE '18+'
  END;

-- Age bands of offenders, by age at identification.
CREATE OR REPLACE TEMP MACRO offender_age_band(age) AS
  CASE
    WHEN age IS NULL THEN 'not_recorded'
    WHEN age < 18 THEN 'under_18'
    WHEN age <= 24 THEN '18-24'
    WHEN age <= 34 THEN '25-34'
    WHEN age <= 44 THEN '35-44'
    ELSE '45+'
  END;

-- Length of a missing episode: a band includes its upper bound; no end = ongoing.
CREATE OR REPLACE TEMP MACRO duration_band(start_at, end_at) AS
  CASE
    WHEN end_at IS NULL THEN 'ongoing'
    WHEN epoch(end_at) - epoch(start_at) <= 6 * 3600 THEN 'under_6h'
    WHEN epoch(end_at) - epoch(start_at) <= 24 * 3600 THEN '6-24h'
    WHEN epoch(end_at) - epoch(start_at) <= 72 * 3600 THEN '24-72h'
    ELSE 'over_72h'
  END;

-- Length band of a missing episode known by its dates only (SSDA903, SSD):
-- ending d days after the start date it lasted more than (d - 1) × 24 hours
-- and less than (d + 1) × 24, so only d = 2 (24-72h) and d >= 4 (over 72h)
-- decide a band; the others are not recorded.
CREATE OR REPLACE TEMP MACRO duration_band_dates(start_date, end_date) AS
  CASE
    WHEN end_date IS NULL THEN 'ongoing'
    WHEN date_diff('day', start_date, end_date) = 2 THEN '24-72h'
    WHEN date_diff('day', start_date, end_date) >= 4 THEN 'over_72h'
    ELSE 'not_recorded'
  END;

-- The cases a victims measure counts: every case, narrowed by the optional
-- filters of the victims page (NULL = no filter; 'not_recorded' selects cases
-- where the value was not recorded).
CREATE OR REPLACE TEMP MACRO victim_cases(f_ward, f_risk_level, f_sex, f_age_band, f_looked_after, f_cse_model) AS TABLE
  SELECT *
  FROM cases
  WHERE (f_ward IS NULL OR coalesce(home_ward, 'not_recorded') = f_ward)
    AND (f_risk_level IS NULL OR coalesce(risk_level, 'not_recorded') = f_risk_level)
    AND (f_sex IS NULL OR coalesce(sex, 'not_recorded') = f_sex)
    AND (f_age_band IS NULL OR child_age_band(age_at_referral) = f_age_band)
    AND (f_looked_after IS NULL OR coalesce(looked_after, 'not_recorded') = f_looked_after)
    AND (f_cse_model IS NULL OR coalesce(cse_model, 'not_recorded') = f_cse_model);

-- Missing repeatedly: at least `rmin` missing episodes starting in the period
-- such that the rmin-th starts fewer than `rdays` days after the first, by
-- calendar date: some run of rmin consecutive episodes in the period (ordered
-- by start) spans at most rdays − 1 days (defaults 3 and 90: date(start3) −
-- date(start1) <= 89). `days` is the list of a child's start dates in the
-- period, in order; each run of rmin consecutive ones (from the i-th to the
-- (i + rmin − 1)-th) is checked. The one definition behind
-- repeat_missing_children, the "without case" measure and the repeat-missing
-- lists (sql/missing).
CREATE OR REPLACE TEMP MACRO repeat_run(days, rmin, rdays) AS
  len(days) >= rmin
  AND list_bool_or(list_transform(
        range(1, len(days) - CAST(rmin AS INTEGER) + 2),
        i -> days[i + CAST(rmin AS INTEGER) - 1] - days[i] <= rdays - 1));

-- Children missing repeatedly (repeat_run), one row per period and child.
CREATE OR REPLACE TEMP MACRO repeat_missing(rmin, rdays) AS TABLE
  WITH per_child AS (
    SELECT e.period, e.child_id, list_sort(list(CAST(e.start_at AS DATE))) AS days
    FROM episodes_started() e
    GROUP BY e.period, e.child_id
  )
  SELECT period, child_id
  FROM per_child
  WHERE repeat_run(days, rmin, rdays);

-- Cases open at some time in each period (as children_open): referred on or
-- before the end of the period and not closed before its start. One row per
-- period and case, with the period's dates.
CREATE OR REPLACE TEMP MACRO cases_open() AS TABLE
  SELECT p.period, p.date_from, p.date_to, c.*
  FROM periods p
  JOIN cases c ON c.referral_date <= p.date_to AND (c.closed_date IS NULL OR c.closed_date >= p.date_from);

-- Children missing repeatedly (macro repeat_missing), one row per period and
-- child, with whether the child had a CSE case open at some time in the period
-- (macro cases_open): repeat_missing_children and its "without case" part read
-- these rows in one pass.
CREATE OR REPLACE TEMP MACRO repeat_missing_cases(rmin, rdays) AS TABLE
  SELECT r.period, r.child_id,
         EXISTS (SELECT 1 FROM cases_open() o WHERE o.period = r.period AND o.child_id = r.child_id) AS case_open
  FROM repeat_missing(rmin, rdays) r;

-- Children with a case referred in each period, one row per period and child,
-- with their earliest referral in the period and whether they had any missing
-- episode starting from 365 days before that referral up to the end of the
-- period (pct_referred_children_missing and its counts on the missing page).
CREATE OR REPLACE TEMP MACRO referred_children_missing() AS TABLE
  WITH referred AS (
    SELECT p.period, p.date_to, c.child_id, min(c.referral_date) AS first_referral
    FROM period_days p
    JOIN cases c ON c.referral_date = p.day
    GROUP BY p.period, p.date_to, c.child_id
  )
  SELECT r.period, r.child_id, r.first_referral,
         EXISTS (
           SELECT 1 FROM missing_episodes e
           WHERE e.child_id = r.child_id
             AND CAST(e.start_at AS DATE) BETWEEN r.first_referral - 365 AND r.date_to
             -- implied by the line above (first_referral is in the span): lets the scan skip
             AND e.start_at >= getvariable('span_from') - 365 AND e.start_at < getvariable('span_to') + 1
         ) AS went_missing
  FROM referred r;
