-- Import history: one row in `imports` per accepted batch, one row in
-- `import_files` per file of it (extract, original file name, data rows, SHA-256).

-- name: has_extracts
-- Whether any extract has ever been imported into this database.
SELECT count(*) > 0 AS found FROM import_files;

-- name: insert_import
-- A new accepted batch; imported_at is UTC.
INSERT INTO imports (import_id, imported_at, source, imported_by)
VALUES (nextval('import_seq'), CAST($importedAt AS TIMESTAMP), $source, $importedBy)
RETURNING import_id;

-- name: insert_file
-- layout: what the file was read as ('extract', or a source layout of sql/sources/*.json).
INSERT INTO import_files (import_id, extract, file_name, row_count, sha256, layout, read_as)
VALUES ($importId, $extract, $fileName, $rows, $sha256, $layout, $readAs);

-- name: list_imports
-- Every accepted batch with its files, newest first.
SELECT i.import_id, strftime(i.imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, i.source, i.imported_by,
       f.extract, f.file_name, f.row_count, f.sha256, f.layout, f.read_as
FROM imports i
JOIN import_files f USING (import_id)
ORDER BY i.import_id DESC, f.extract, f.file_name;

-- name: held_sources
-- For each table held, the files of the latest batch that wrote it and the
-- layout each was read as (our own extract format, or a source's).
SELECT f.extract, f.layout, f.file_name, f.read_as, f.import_id
FROM import_files f
WHERE f.import_id = (SELECT max(g.import_id) FROM import_files g WHERE g.extract = f.extract)
ORDER BY f.extract, f.file_name;

-- name: latest_by_extract
-- Each extract held and when its latest file was imported (UTC): the "source
-- extracts and import date" every download carries.
SELECT f.extract, strftime(max(i.imported_at), '%Y-%m-%dT%H:%M:%SZ') AS imported_at
FROM import_files f JOIN imports i USING (import_id)
GROUP BY f.extract
ORDER BY f.extract;

-- name: data_held_to
-- The latest date each extract holds (its own event date: referral, missing
-- episode start, identification, report, disruption), so that every page can
-- say where the data held ends. One row per extract that holds a dated row.
SELECT 'cases' AS extract, strftime(max(referral_date), '%Y-%m-%d') AS held_to FROM cases HAVING max(referral_date) IS NOT NULL
UNION ALL
SELECT 'missing_episodes', strftime(max(CAST(start_at AS DATE)), '%Y-%m-%d') FROM missing_episodes HAVING max(start_at) IS NOT NULL
UNION ALL
SELECT 'offenders', strftime(max(first_identified), '%Y-%m-%d') FROM offenders HAVING max(first_identified) IS NOT NULL
UNION ALL
SELECT 'location_reports', strftime(max(reported_on), '%Y-%m-%d') FROM location_reports HAVING max(reported_on) IS NOT NULL
UNION ALL
SELECT 'disruptions', strftime(max(action_date), '%Y-%m-%d') FROM disruptions HAVING max(action_date) IS NOT NULL
ORDER BY extract;
