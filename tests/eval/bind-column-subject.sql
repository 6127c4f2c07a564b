.read tests/eval/baddata.sql
-- A column of the subject's own record is missing.
ALTER TABLE providers DROP COLUMN annual_spend;
