-- The audit trail's keyed chain (HMAC-SHA256 under a key kept outside the
-- database, server/audit/key.ts) starts at keyed_from: the entries already
-- written (by a version before the key) keep their SHA-256 chain and stay
-- verifiable; a new database is keyed from its first entry.
CREATE TABLE audit_chain (keyed_from BIGINT NOT NULL);
INSERT INTO audit_chain SELECT coalesce(max(seq), 0) + 1 FROM audit_log;
