-- The analyst's own words in the annual profile, per period: key findings, a
-- commentary per section, recommendations, intelligence gaps and requirements
-- (server/report/commentary.ts names the parts). One row per period and part;
-- the latest text only (every change is in the audit trail).
CREATE TABLE IF NOT EXISTS report_commentary (
  date_from DATE NOT NULL,
  date_to DATE NOT NULL,
  part VARCHAR NOT NULL,
  body VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL,
  PRIMARY KEY (date_from, date_to, part)
);
