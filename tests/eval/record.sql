.read tests/eval/baddata.sql
-- P3, the last subject, has a bad inspection date: a run without
-- --keep-going fails after P1's and P2's decisions were emitted.
UPDATE inspections SET published = '2024-02-30' WHERE provider_id = 'P3';
