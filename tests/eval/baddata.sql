-- Clean rows for baddata.qpl, read as of 2025-01-31. The bad-*.sql files
-- read these and spoil one value of provider P2 (or of a row about P2).
INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, contract_start) VALUES
  ('P1', 'Ash Lodge',   'somerset', 'residential', 1, '2024-01-31'),
  ('P2', 'Beech House', 'somerset', 'nursing',     1, '2024-12-01'),
  ('P3', 'Cherry Mews', 'somerset', 'domiciliary', 1, '2023-01-31');
INSERT INTO inspections (provider_id, published, overall) VALUES
  ('P1', '2024-06-01', 'good'),
  ('P2', '2024-07-01', 'requires_improvement'),
  ('P3', '2024-08-01', 'inadequate');
INSERT INTO feedback (provider_id, received, concern) VALUES
  ('P1', '2024-09-01', 1),
  ('P2', '2024-10-01', 1),
  ('P2', '2024-11-01', 0),
  ('P3', '2024-12-01', 1);
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('P1', '2024-10-01', '2024-10-20'),
  ('P2', '2024-11-01', '2024-11-15'),
  ('P3', '2025-01-10', NULL);
