.read tests/eval/baddata.sql
-- An unknown code (inspections row 2).
UPDATE inspections SET overall = 'grand' WHERE rowid = 2;
