.read tests/eval/baddata.sql
-- The column a rule reads is spelled differently, and a reference column the
-- policy reads is missing (a database of an older schema).
ALTER TABLE inspections RENAME COLUMN overall TO overal;
ALTER TABLE providers DROP COLUMN cqc_registered;
