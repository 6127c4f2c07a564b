-- KPIs of L1 (Beacon Hill Unit), used by kpi_rag.qpl and kpi_position.qpl.
-- Care plans reviewed (higher is better): target 95, trigger 85.
-- Shifts filled by agency staff (lower is better): target 10, trigger 20.
-- Seclusion reviews on time (higher is better): target 90, trigger 70.
-- Months are the first day of the month measured; each was reported to the
-- Oversight Group the month after.
--
-- December 2024 (reported 2025-01-14), the latest month as of 2025-01-31:
--   K01 care plans, Ward 1       95    at target: Green; Nov 90, improved
--   K02 care plans, Ward 2       94.9  Amber; Nov 94.9, not improved (same)
--   K03 care plans, Ward 3       85    trigger reached: Red; Ward 1 Green;
--                                      Nov 80, improved
--   K04 care plans, Ward 4       85.5  Amber; no November figure (Oct 84)
--   K05 agency shifts, Ward 1    10    at target: Green; Nov 12, improved
--   K06 agency shifts, Ward 2    20    trigger reached: Red; Ward 1 Green;
--                                      Nov 18, worse
--   K07 agency shifts, Ward 3    19.5  Amber; its first month
--   K08 crisis response, Crisis team  88, no target, trigger or commentary
--   K09 crisis follow-up, Crisis team no figure reported
--   K18 seclusion reviews, Ward 2  60  Red, but no ward is Green
--   K19 seclusion reviews, Ward 3  80  Amber
-- November 2024 (reported 2024-12-10): K11-K13, K15, K16.
-- October 2024 (reported 2024-11-12): K14.
-- January 2025 (reported 2025-02-11, not yet as of 2025-01-31): K10.
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('K01', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-12-01', '2025-01-14', 95,   95, 85, 'higher', 'Audit of all open care plans'),
  ('K02', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 2', '2024-12-01', '2025-01-14', 94.9, 95, 85, 'higher', 'Two plans overdue'),
  ('K03', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 3', '2024-12-01', '2025-01-14', 85,   95, 85, 'higher', 'Ward manager vacancy'),
  ('K04', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 4', '2024-12-01', '2025-01-14', 85.5, 95, 85, 'higher', 'November audit not done'),
  ('K05', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-12-01', '2025-01-14', 10,   10, 20, 'lower',  'Two new starters'),
  ('K06', 'L1', 'agency-shifts',       'workforce', 'Ward 2', '2024-12-01', '2025-01-14', 20,   10, 20, 'lower',  'Sickness absence'),
  ('K07', 'L1', 'agency-shifts',       'workforce', 'Ward 3', '2024-12-01', '2025-01-14', 19.5, 10, 20, 'lower',  'First month reported'),
  ('K08', 'L1', 'crisis-response',     'crisis',    'Crisis team', '2024-12-01', '2025-01-14', 88, NULL, NULL, 'higher', NULL),
  ('K09', 'L1', 'crisis-follow-up',    'crisis',    'Crisis team', '2024-12-01', '2025-01-14', NULL, 90, 80, 'higher', 'Data not yet validated'),
  ('K18', 'L1', 'seclusion-reviews',   'inpatient', 'Ward 2', '2024-12-01', '2025-01-14', 60,   90, 70, 'higher', 'Reviews late at weekends'),
  ('K19', 'L1', 'seclusion-reviews',   'inpatient', 'Ward 3', '2024-12-01', '2025-01-14', 80,   90, 70, 'higher', 'Improving'),
  ('K11', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2024-11-01', '2024-12-10', 90,   95, 85, 'higher', 'Audit of all open care plans'),
  ('K12', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 2', '2024-11-01', '2024-12-10', 94.9, 95, 85, 'higher', 'Two plans overdue'),
  ('K13', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 3', '2024-11-01', '2024-12-10', 80,   95, 85, 'higher', 'Ward manager vacancy'),
  ('K15', 'L1', 'agency-shifts',       'workforce', 'Ward 1', '2024-11-01', '2024-12-10', 12,   10, 20, 'lower',  'Recruitment under way'),
  ('K16', 'L1', 'agency-shifts',       'workforce', 'Ward 2', '2024-11-01', '2024-12-10', 18,   10, 20, 'lower',  'Sickness absence'),
  ('K14', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 4', '2024-10-01', '2024-11-12', 84,   95, 85, 'higher', 'Baseline'),
  ('K10', 'L1', 'care-plans-reviewed', 'inpatient', 'Ward 1', '2025-01-01', '2025-02-11', 97,   95, 85, 'higher', 'Sustained');
