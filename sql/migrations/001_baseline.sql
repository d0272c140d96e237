-- Problem Profiler database schema, as it stood before migrations were numbered
-- (server/migrations.ts). Later changes are new files in this folder.
--
-- One table per extract of ../shared/spec/extracts.md (column names as the spec
-- spells them, except `start`/`end` of missing episodes, stored as
-- start_at/end_at because END is an SQL keyword). A value that was not recorded
-- is stored as NULL, never guessed. Codes are stored in their canonical spelling:
-- sex, ethnicity, Y/N flags and ward codes in upper case, every other code list in
-- lower case. `source_row` is the line of the file the record came from.

CREATE TABLE IF NOT EXISTS cases (
  case_id          VARCHAR NOT NULL,
  child_id         VARCHAR NOT NULL,
  referral_date    DATE NOT NULL,
  closed_date      DATE,
  age_at_referral  INTEGER,
  sex              VARCHAR,
  ethnicity        VARCHAR,
  looked_after     VARCHAR,
  disability       VARCHAR,
  home_ward        VARCHAR,
  referral_source  VARCHAR,
  risk_level       VARCHAR,
  cse_model        VARCHAR,
  vulnerabilities  VARCHAR[],   -- NULL when not recorded; otherwise the distinct codes listed
  outcome          VARCHAR,
  source_row       INTEGER
);

CREATE TABLE IF NOT EXISTS missing_episodes (
  episode_id          VARCHAR NOT NULL,
  child_id            VARCHAR NOT NULL,
  start_at            TIMESTAMP NOT NULL,  -- `start`: last seen / reported missing (local UK time)
  end_at              TIMESTAMP,           -- `end`: found or returned; NULL while still missing
  episode_type        VARCHAR NOT NULL,    -- defaults to 'missing' when not recorded
  missing_from        VARCHAR,
  age_at_start        INTEGER,
  sex                 VARCHAR,
  ethnicity           VARCHAR,
  home_ward           VARCHAR,
  police_risk         VARCHAR,
  found_ward          VARCHAR,
  found_location_type VARCHAR,
  rhi_offered         VARCHAR,
  rhi_completed_date  DATE,
  source_row          INTEGER
);

CREATE TABLE IF NOT EXISTS offenders (
  offender_id            VARCHAR NOT NULL,
  first_identified       DATE NOT NULL,
  age_at_identification  INTEGER,
  sex                    VARCHAR,
  ethnicity              VARCHAR,
  home_ward              VARCHAR,
  role                   VARCHAR,
  group_id               VARCHAR,
  status                 VARCHAR,
  source_row             INTEGER
);

CREATE TABLE IF NOT EXISTS case_offender_links (
  case_id       VARCHAR NOT NULL,
  offender_id   VARCHAR NOT NULL,
  linked_on     DATE NOT NULL,
  relationship  VARCHAR,
  source_row    INTEGER
);

CREATE TABLE IF NOT EXISTS locations (
  location_id    VARCHAR NOT NULL,
  location_type  VARCHAR NOT NULL,
  ward           VARCHAR,
  latitude       DOUBLE,
  longitude      DOUBLE,
  source_row     INTEGER
);

CREATE TABLE IF NOT EXISTS location_reports (
  location_id  VARCHAR NOT NULL,
  case_id      VARCHAR NOT NULL,
  reported_on  DATE NOT NULL,
  source_row   INTEGER
);

CREATE TABLE IF NOT EXISTS disruptions (
  disruption_id  VARCHAR NOT NULL,
  action_date    DATE NOT NULL,
  action_type    VARCHAR NOT NULL,
  offender_id    VARCHAR,
  location_id    VARCHAR,
  case_id        VARCHAR,
  source_row     INTEGER
);

-- Reference data. Geometry is GeoJSON text with rings wound as d3-geo expects
-- (exterior clockwise), see server/import/boundaries.ts.
CREATE TABLE IF NOT EXISTS boundaries (
  area_code   VARCHAR NOT NULL,
  area_name   VARCHAR,
  geometry    VARCHAR NOT NULL,
  min_lon     DOUBLE, min_lat DOUBLE, max_lon DOUBLE, max_lat DOUBLE
);

CREATE TABLE IF NOT EXISTS population (
  area_code   VARCHAR NOT NULL,
  year        INTEGER NOT NULL,
  sex         VARCHAR NOT NULL,
  age         INTEGER NOT NULL,
  population  INTEGER NOT NULL
);

-- DfE ethnicity codes and the groups the profile reports (extracts.md).
-- REFU, NOBT and not recorded all fall in `not_recorded`.
CREATE TABLE IF NOT EXISTS ethnicity_groups (
  code       VARCHAR NOT NULL,
  eth_group  VARCHAR NOT NULL
);

-- Import history: one row per accepted batch, one row per file in it.
CREATE SEQUENCE IF NOT EXISTS import_seq START 1;
CREATE TABLE IF NOT EXISTS imports (
  import_id    INTEGER NOT NULL,
  imported_at  TIMESTAMP NOT NULL,
  source       VARCHAR NOT NULL,      -- 'cli', 'api', 'demo'
  imported_by  VARCHAR
);
CREATE TABLE IF NOT EXISTS import_files (
  import_id   INTEGER NOT NULL,
  extract     VARCHAR NOT NULL,
  file_name   VARCHAR NOT NULL,
  row_count   BIGINT NOT NULL,
  sha256      VARCHAR NOT NULL
);

-- Key/value settings of this database (area name, data version for caches).
CREATE TABLE IF NOT EXISTS meta (
  key    VARCHAR NOT NULL,
  value  VARCHAR
);

-- Accounts (server/auth). Passwords are argon2id hashes; usernames lower case.
CREATE TABLE IF NOT EXISTS users (
  username       VARCHAR PRIMARY KEY,
  password_hash  VARCHAR NOT NULL,
  role           VARCHAR NOT NULL,     -- admin, analyst, viewer, partner
  disabled       BOOLEAN NOT NULL DEFAULT false,
  created_at     TIMESTAMP NOT NULL,
  password_set_at TIMESTAMP NOT NULL
);

-- Audit trail (server/audit): one row per login, data request, export, import
-- and account change, chained by hash: hash = SHA-256(prev_hash || canonical
-- JSON of the entry), so a removed or altered entry breaks the chain.
CREATE TABLE IF NOT EXISTS audit_log (
  seq            BIGINT NOT NULL,
  logged_at      VARCHAR NOT NULL,     -- ISO 8601 UTC with milliseconds, as hashed
  username       VARCHAR,
  role           VARCHAR,
  address        VARCHAR,
  event          VARCHAR NOT NULL,     -- login, login_failed, logout, request, export, import, account, denied
  method         VARCHAR,
  route          VARCHAR,
  params         VARCHAR,              -- JSON of query and path parameters
  status         INTEGER,
  rows_returned  BIGINT,
  file_hash      VARCHAR,              -- SHA-256 of an exported file
  details        VARCHAR,              -- JSON
  prev_hash      VARCHAR NOT NULL,
  hash           VARCHAR NOT NULL
);
