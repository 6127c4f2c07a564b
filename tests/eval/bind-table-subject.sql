.read tests/eval/values.sql
-- The table of a subject record (meeting) is missing.
DROP TABLE meetings;
