-- The loaded boundaries (reference data) the maps and the grid use.

-- name: all
-- Every boundary with its GeoJSON geometry (stored with d3-geo winding:
-- exterior rings clockwise).
SELECT area_code, area_name, geometry FROM boundaries ORDER BY area_code;

-- name: bbox
-- The bounding box of all boundaries: the extent of the hotspot grid.
SELECT min(min_lon) AS min_lon, min(min_lat) AS min_lat, max(max_lon) AS max_lon, max(max_lat) AS max_lat
FROM boundaries;

-- name: source
-- How the boundaries held were loaded: the source ('cli', 'api', 'demo') of the
-- latest import that included a boundaries file. The fictional demo area needs
-- no attribution; real boundaries (ONS/OS derived) carry the Crown copyright line.
SELECT i.source
FROM import_files f JOIN imports i USING (import_id)
WHERE f.extract = 'boundaries'
ORDER BY i.import_id DESC
LIMIT 1;

-- name: names
-- Every ward held with its name (a name may be missing: the pages then show the
-- code and say that no name is held).
SELECT area_code, nullif(trim(area_name), '') AS area_name FROM boundaries ORDER BY area_code;
