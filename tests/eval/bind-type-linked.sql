.read tests/eval/baddata.sql
-- Text in a bool column and a blob in a date column of related rows: wrong storage types.
UPDATE feedback SET concern = 'yes' WHERE rowid = 3;
UPDATE inspections SET published = X'323032342D30372D3031' WHERE rowid = 2;
