-- Audit trail: the queries of server/audit/.

-- name: head
SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;

-- name: insert_entry
INSERT INTO audit_log VALUES ($seq, $logged_at, $username, $role, $address, $event, $method, $route,
  $params, $status, $rows_returned, $file_hash, $details, $prev_hash, $hash);

-- name: all_entries
SELECT * FROM audit_log ORDER BY seq;

-- name: search
-- Newest first; every filter optional (NULL = any).
SELECT * FROM audit_log
WHERE ($username IS NULL OR username = $username)
  AND ($event IS NULL OR event = $event)
  AND ($route IS NULL OR route LIKE '%' || $route || '%')
  AND ($from IS NULL OR logged_at >= $from)
  AND ($to IS NULL OR logged_at < $to)
ORDER BY seq DESC
LIMIT $limit;

-- name: keyed_from
-- The first entry of the keyed chain (entries before it were written by an earlier version, SHA-256 only).
SELECT keyed_from FROM audit_chain;

-- name: entry_hash
SELECT hash FROM audit_log WHERE seq = $seq;
