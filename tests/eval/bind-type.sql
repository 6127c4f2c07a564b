.read tests/eval/baddata.sql
-- Text in a number column (NUMERIC affinity keeps it as text): a wrong storage type.
UPDATE providers SET annual_spend = 'lots' WHERE id = 'P2';
