INSERT INTO providers (id, name, commissioner, service_type, cqc_registered) VALUES
  ('L1', 'Riverside', 'lambeth', 'nursing', 1);
INSERT INTO processes (id, provider_id, kind, opened) VALUES
  ('PC-1', 'L1', 'provider_concerns', '2024-11-01'),
  ('PC-2', 'L1', 'provider_concerns', '2024-12-02');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held) VALUES
  ('M1', 'provider_information', 'L1', 'PC-1', '2024-11-08', '2024-11-08'),
  ('M2', 'provider_information', 'L1', 'PC-1', '2024-11-20', NULL),
  ('M3', 'provider_information', 'L1', 'PC-2', '2024-12-10', '2024-12-10');
