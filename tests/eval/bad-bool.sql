.read tests/eval/baddata.sql
-- 2 in a bool column (an INTEGER, but neither 0 nor 1).
UPDATE providers SET cqc_registered = 2 WHERE id = 'P2';
