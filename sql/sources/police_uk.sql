-- police.uk street-level crime CSV → context_crimes, a context layer of the
-- Hotspots page. police.uk moves every crime to an anonymous snap point (the
-- `Location` "On or near …" is that point's label), so a point is a map
-- context, never an address. The Crime ID (an identifier) and the LSOA name
-- and Context columns are not read. Several files (one per force and month)
-- are read together into src_police_uk_street.

-- name: context_crimes
-- One row per crime with a snap point; crimes without coordinates are counted
-- in the file's description and not stored.
SELECT month AS crime_month, crime_type, longitude, latitude, location, lsoa_code,
       reported_by, falls_within, last_outcome
FROM src_police_uk_street
WHERE longitude IS NOT NULL AND latitude IS NOT NULL;

-- name: describe_street
-- "police.uk street-level crime, 1234 crimes, 2024-01 to 2024-03 (Greater Manchester Police); 12 without a location, not stored".
SELECT src_file AS file,
       printf('police.uk street-level crime, %d %s%s%s; %d without a location, not stored', count(*),
              CASE WHEN count(*) = 1 THEN 'crime' ELSE 'crimes' END,
              CASE WHEN count(*) > 0 THEN printf(', %s to %s', strftime(min(month), '%Y-%m'), strftime(max(month), '%Y-%m')) ELSE '' END,
              coalesce(' (' || string_agg(DISTINCT falls_within, ', ' ORDER BY falls_within) || ')', ''),
              count(*) FILTER (WHERE longitude IS NULL OR latitude IS NULL)) AS read_as
FROM src_police_uk_street GROUP BY src_file;
