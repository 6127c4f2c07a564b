.read tests/eval/baddata.sql
-- A table a related record (feedback_item) is bound to is missing.
DROP TABLE feedback;
