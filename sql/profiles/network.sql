-- The links network of the period: children, offenders and locations.

-- name: edges
-- One row per connected pair, with how many records connect them:
-- child–offender through case_offender_links with linked_on in $from–$to
-- (the child of the linked case), child–location through location_reports with
-- reported_on in the period (the child of the reported case). Node ids are the
-- pseudonymous ids of the extracts.
SELECT 'child' AS source_kind, c.child_id AS source, 'offender' AS target_kind, l.offender_id AS target, count(*) AS weight
FROM case_offender_links l JOIN cases c USING (case_id)
WHERE l.linked_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
GROUP BY c.child_id, l.offender_id
UNION ALL
SELECT 'child', c.child_id, 'location', r.location_id, count(*)
FROM location_reports r JOIN cases c USING (case_id)
WHERE r.reported_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
GROUP BY c.child_id, r.location_id
ORDER BY 1, 2, 3, 4;

-- name: node_details
-- What the network shows about each node of the period: offenders' role and
-- group, locations' type and ward (children carry no attributes beyond their id).
SELECT 'offender' AS kind, offender_id AS id, coalesce(role, 'not_recorded') AS detail, group_id AS extra
FROM offenders
WHERE offender_id IN (SELECT offender_id FROM case_offender_links WHERE linked_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE))
UNION ALL
SELECT 'location', location_id, location_type, ward
FROM locations
WHERE location_id IN (SELECT location_id FROM location_reports WHERE reported_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE));
