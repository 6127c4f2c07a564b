.read tests/eval/baddata.sql
-- The table of the subject record (provider) is missing.
DROP TABLE providers;
