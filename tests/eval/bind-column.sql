.read tests/eval/baddata.sql
-- A column the binding of a related record (inspection) names is missing.
ALTER TABLE inspections DROP COLUMN well_led;
