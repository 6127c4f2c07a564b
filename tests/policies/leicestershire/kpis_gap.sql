-- Added to kpis_green.sql by kpi_position.qpl: discharge plans on Ward 2 of
-- L1, 65 in October and 70 in December 2024 against a target of 90 and a
-- trigger of 60 (Amber); November was not reported.
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('P0', 'L1', 'discharge-plans', 'inpatient', 'Ward 2', '2024-10-01', '2024-11-15', 65, 90, 60, 'higher', 'Baseline'),
  ('P1', 'L1', 'discharge-plans', 'inpatient', 'Ward 2', '2024-12-01', '2025-01-14', 70, 90, 60, 'higher', 'November audit missed');
