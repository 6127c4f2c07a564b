INSERT INTO providers (id, name, commissioner, service_type, cqc_registered) VALUES
  ('L1', 'Riverside', 'lambeth', 'nursing', 1),
  ('L2', 'Brixton Hill', 'lambeth', 'residential', 1),
  ('S1', 'Alder House', 'somerset', 'nursing', 1);
INSERT INTO processes (id, provider_id, kind, opened, risk) VALUES
  ('PC-1', 'L1', 'provider_concerns', '2024-11-01', 'high'),
  ('PC-2', 'L1', 'provider_concerns', '2024-12-01', 'low'),
  ('PC-3', 'L2', 'provider_concerns', '2024-12-01', NULL),
  ('PC-4', 'S1', 'provider_concerns', '2024-12-01', 'low'),
  ('QI-1', 'L2', 'quality_improvement', '2024-12-01', 'high');
