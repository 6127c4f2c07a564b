-- Added to kpis_green.sql by kpi_position.qpl: a new KPI of L1, seclusion
-- reviews on Ward 1, first reported for December 2024 at 80 against a
-- target of 90 and a trigger of 70 (Amber).
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('N1', 'L1', 'seclusion-reviews', 'inpatient', 'Ward 1', '2024-12-01', '2025-01-14', 80, 90, 70, 'higher', 'New KPI');
