-- The area's name (meta key area_name), set when the demo area is loaded or
-- by an administrator; the report otherwise uses PROFILER_AREA_NAME, else "the area".

-- name: area_name
SELECT value AS area_name FROM meta WHERE key = 'area_name';

-- name: clear_area_name
DELETE FROM meta WHERE key = 'area_name';

-- name: insert_area_name
INSERT INTO meta VALUES ('area_name', $name);
