.read tests/eval/baddata.sql
-- An impossible date after the as-of date in a dated related table: the
-- date has the shape of one, but is none, so the row is not one that "does
-- not exist yet": it is bad data, reported, never silently left out.
UPDATE inspections SET published = '2025-02-30' WHERE rowid = 2;
