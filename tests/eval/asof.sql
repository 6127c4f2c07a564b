-- Read as of 2024-06-30 (asof.early) and as of 2025-01-31 (asof.late).
INSERT INTO providers (id, name, commissioner, service_type, cqc_registered) VALUES
  ('P1', 'Ash Lodge',   'somerset', 'residential', 1),
  ('P2', 'Beech House', 'somerset', 'nursing',     1),
  ('P3', 'Cherry Mews', 'somerset', 'domiciliary', 1);

-- P1's second report and P2's first are published after 2024-06-30.
INSERT INTO inspections (provider_id, published, overall) VALUES
  ('P1', '2023-05-10', 'good'),
  ('P1', '2024-09-15', 'inadequate'),
  ('P2', '2024-08-01', 'requires_improvement');

-- P1's notice is closed after 2024-06-30; P2's is issued after it.
INSERT INTO notices (provider_id, kind, issued, closed, outcome) VALUES
  ('P1', 'quality_improvement_notice', '2024-03-01', '2024-11-30', 'improved'),
  ('P2', 'contract_performance_notice', '2024-10-01', NULL, NULL);

-- P1 returned late, after 2024-06-30; P2's second questionnaire is issued
-- after 2024-06-30 and never returned; P3 returned on time, after 2024-06-30.
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('P1', '2024-06-10', '2024-07-20'),
  ('P2', '2024-05-01', '2024-05-20'),
  ('P2', '2024-12-01', NULL),
  ('P3', '2024-06-20', '2024-07-01');
