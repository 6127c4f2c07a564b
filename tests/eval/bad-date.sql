.read tests/eval/baddata.sql
-- An impossible date in a date column of the subject's own row.
UPDATE providers SET contract_start = '2024-02-30' WHERE id = 'P2';
