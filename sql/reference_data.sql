-- Fixed reference lists from ../shared/spec/extracts.md, reloaded at every start.
DELETE FROM ethnicity_groups;
INSERT INTO ethnicity_groups VALUES
  ('WBRI','White'),('WIRI','White'),('WIRT','White'),('WOTH','White'),('WROM','White'),
  ('MWBC','Mixed'),('MWBA','Mixed'),('MWAS','Mixed'),('MOTH','Mixed'),
  ('AIND','Asian'),('APKN','Asian'),('ABAN','Asian'),('AOTH','Asian'),
  ('BCRB','Black'),('BAFR','Black'),('BOTH','Black'),
  ('CHNE','Other'),('OOTH','Other'),
  ('REFU','not_recorded'),('NOBT','not_recorded');
