-- police.uk street-level crime (table context_crimes, migration 020) as a
-- context layer under the hotspot maps. police.uk publishes each crime at an
-- anonymous snap point (a street, a park, a station…), never at its address,
-- so these are points of context, not places of offences.

-- name: points
-- Crimes whose month falls in the period ($from–$to, the month's first day
-- counting), optionally of one crime type, per snap point: its coordinates,
-- its label ("On or near …") and the number of crimes there.
SELECT longitude AS lon, latitude AS lat, location, count(*) AS crimes
FROM context_crimes
WHERE crime_month BETWEEN date_trunc('month', CAST($from AS DATE)) AND $to
  AND ($crime_type IS NULL OR crime_type = $crime_type)
  AND longitude IS NOT NULL AND latitude IS NOT NULL
GROUP BY ALL
ORDER BY lon, lat, location;

-- name: types
-- The crime types held for the period, with their numbers of crimes.
SELECT crime_type, count(*) AS crimes
FROM context_crimes
WHERE crime_month BETWEEN date_trunc('month', CAST($from AS DATE)) AND $to
GROUP BY ALL
ORDER BY crime_type;
