-- Files read in the layouts agencies already hold (server/import/sources,
-- sql/sources/): what each source does not record is marked, never invented.
--
-- missing_episodes: SSDA903 and SSD tables hold dates, not times, and no
-- return-interview date (SSDA903 holds no return-interview fields at all).
-- Rows of our own extract format record all of these (the defaults).
ALTER TABLE missing_episodes ADD COLUMN IF NOT EXISTS times_recorded BOOLEAN DEFAULT true;       -- false: start/end are dates only
ALTER TABLE missing_episodes ADD COLUMN IF NOT EXISTS rhi_offered_in_source BOOLEAN DEFAULT true; -- false: the source has no "interview offered" field
ALTER TABLE missing_episodes ADD COLUMN IF NOT EXISTS rhi_date_in_source BOOLEAN DEFAULT true;    -- false: the source has no interview date

-- Import history: the layout each file was read as ('extract' for our own
-- format, else e.g. 'ssda903_missing') and the one-line description shown
-- after the import ("SSDA903 missing, 43 episodes of 39 children, …").
ALTER TABLE import_files ADD COLUMN IF NOT EXISTS layout VARCHAR DEFAULT 'extract';
ALTER TABLE import_files ADD COLUMN IF NOT EXISTS read_as VARCHAR;
