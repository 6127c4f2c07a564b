.read tests/eval/baddata.sql
-- 2 in a bool column of a related row (feedback row 3).
UPDATE feedback SET concern = 2 WHERE rowid = 3;
