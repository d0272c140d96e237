-- Accounts: the queries of server/auth/users.ts.

-- name: count_users
SELECT count(*) AS n FROM users;

-- name: find_user
SELECT username, password_hash, role, disabled FROM users WHERE username = $username;

-- name: list_users
SELECT username, role, disabled, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
       strftime(password_set_at, '%Y-%m-%d %H:%M:%S') AS password_set_at
FROM users ORDER BY username;

-- name: insert_user
INSERT INTO users (username, password_hash, role, disabled, created_at, password_set_at)
VALUES ($username, $password_hash, $role, false, now()::TIMESTAMP, now()::TIMESTAMP);

-- name: set_disabled
UPDATE users SET disabled = $disabled WHERE username = $username;

-- name: set_password
UPDATE users SET password_hash = $password_hash, password_set_at = now()::TIMESTAMP WHERE username = $username;

-- name: count_enabled_admins
SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled;
