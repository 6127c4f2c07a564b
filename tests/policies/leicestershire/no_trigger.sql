-- A KPI of L1 with a target but no trigger (kpi_rag.qpl).
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('T1', 'L1', 'discharge-plans', 'inpatient', 'Ward 1', '2024-12-01', '2025-01-14', 70, 90, NULL, 'higher', 'Trigger to be agreed');
