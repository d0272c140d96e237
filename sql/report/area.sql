-- The area's name as an import recorded it (meta key area_name); no row when
-- none did. The report then uses PROFILER_AREA_NAME, else "the area".
SELECT value AS area_name FROM meta WHERE key = 'area_name';
