.read tests/eval/baddata.sql
-- A text that is not an ISO date, in a related row (questionnaires row 2).
UPDATE questionnaires SET returned = '24/05/2024' WHERE rowid = 2;
