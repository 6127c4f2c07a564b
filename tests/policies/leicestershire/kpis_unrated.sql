-- Added to kpis_green.sql by kpi_position.qpl: a crisis KPI of L1 for
-- December 2024 with a figure but no target, trigger or commentary, so its
-- rating is unknown.
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('U1', 'L1', 'crisis-response', 'crisis', 'Crisis team', '2024-12-01', '2025-01-14', 88, NULL, NULL, 'higher', NULL);
