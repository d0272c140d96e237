-- The analyst's commentary of the annual profile (sql/migrations/040).

-- name: for_period
-- Every part written for exactly this period (updated_at is UTC).
SELECT part, body, strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at, updated_by
FROM report_commentary
WHERE date_from = CAST($from AS DATE) AND date_to = CAST($to AS DATE)
ORDER BY part;

-- name: save
-- Writes one part (replacing its earlier text).
INSERT OR REPLACE INTO report_commentary (date_from, date_to, part, body, updated_at, updated_by)
VALUES (CAST($from AS DATE), CAST($to AS DATE), $part, $body, CAST($updatedAt AS TIMESTAMP), $updatedBy);

-- name: remove
-- Removes one part (its text was emptied).
DELETE FROM report_commentary
WHERE date_from = CAST($from AS DATE) AND date_to = CAST($to AS DATE) AND part = $part;
