-- Locations of concern for the hotspot maps and the Gi* grid.

-- name: grid_input
-- One row per location report made in the period ($from–$to inclusive) with the
-- coordinates of the location reported (NULL when not recorded), optionally
-- only locations of type $location_type. The grid counts each row once: a
-- location reported three times counts three times. `reported_on` (ISO date)
-- places each report in its time step for emerging hot spots.
SELECT l.longitude AS lon, l.latitude AS lat, CAST(r.reported_on AS VARCHAR) AS reported_on
FROM location_reports r
JOIN locations l ON l.location_id = r.location_id
WHERE r.reported_on BETWEEN $from AND $to
  AND ($location_type IS NULL OR l.location_type = $location_type);

-- name: points
-- Locations reported in the period (with coordinates), one row each: type,
-- number of reports and of distinct children (through the cases reported);
-- `repeat` when 2 or more distinct children are involved (as repeat_locations).
SELECT l.location_id, l.location_type, l.ward, l.longitude AS lon, l.latitude AS lat,
       count(*) AS reports, count(DISTINCT c.child_id) AS children,
       count(DISTINCT c.child_id) >= 2 AS "repeat"
FROM location_reports r
JOIN locations l ON l.location_id = r.location_id
LEFT JOIN cases c ON c.case_id = r.case_id
WHERE r.reported_on BETWEEN $from AND $to
  AND ($location_type IS NULL OR l.location_type = $location_type)
  AND l.longitude IS NOT NULL AND l.latitude IS NOT NULL
GROUP BY ALL
ORDER BY l.location_id;

-- name: points_bbox
-- The bounding box of every location with coordinates: the grid's extent when
-- no boundaries are loaded (the same for every period and type, so grids compare).
SELECT min(longitude) AS min_lon, min(latitude) AS min_lat, max(longitude) AS max_lon, max(latitude) AS max_lat
FROM locations
WHERE longitude IS NOT NULL AND latitude IS NOT NULL;
