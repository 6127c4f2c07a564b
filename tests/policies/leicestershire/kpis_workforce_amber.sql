-- KPIs of L1 for surveillance.qpl: every KPI Green but December's agency
-- shifts on Ward 1, 11 against a target of 10 (Amber, trigger 20 not
-- reached): a gap in the substantive workforce, with no Red KPI and no
-- variation between wards.
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('A01', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-10-01', '2024-11-15', 95, 95, 85, 'higher', 'At target'),
  ('A02', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-11-01', '2024-12-23', 96, 95, 85, 'higher', 'At target'),
  ('A03', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-12-01', '2025-01-14', 97, 95, 85, 'higher', 'At target'),
  ('A04', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-10-01', '2024-11-15', 9,  10, 20, 'lower',  'Posts filled'),
  ('A05', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-11-01', '2024-12-23', 10, 10, 20, 'lower',  'Posts filled'),
  ('A06', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-12-01', '2025-01-14', 11, 10, 20, 'lower',  'Two leavers');
