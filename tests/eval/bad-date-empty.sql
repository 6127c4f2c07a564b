.read tests/eval/baddata.sql
-- An empty string in a date column (not NULL: it is not "not recorded").
UPDATE questionnaires SET returned = '' WHERE rowid = 2;
