-- KPIs of L1 for kpi_position.qpl and surveillance.qpl: every KPI Green in
-- October, November and December 2024, the last three months reported as of
-- 2025-01-31 (exactly sustained_months, 3). A Red September figure is older
-- than the three months and does not count. Every figure better than, or at
-- target as, the month before.
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('G01', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-09-01', '2024-10-08', 80, 95, 85, 'higher', 'Baseline'),
  ('G02', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-10-01', '2024-11-15', 95, 95, 85, 'higher', 'At target'),
  ('G03', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-11-01', '2024-12-23', 96, 95, 85, 'higher', 'At target'),
  ('G04', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-12-01', '2025-01-14', 96, 95, 85, 'higher', 'At target'),
  ('G05', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-10-01', '2024-11-15', 9,  10, 20, 'lower',  'Posts filled'),
  ('G06', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-11-01', '2024-12-23', 8,  10, 20, 'lower',  'Posts filled'),
  ('G07', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-12-01', '2025-01-14', 8,  10, 20, 'lower',  'Posts filled');
