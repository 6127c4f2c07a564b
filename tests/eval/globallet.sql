-- Three providers; P1 and P2 are under an open Final Warning Notice, P3's is closed.
INSERT INTO providers (id, name, commissioner, service_type, cqc_registered) VALUES
  ('P1', 'Ash Lodge',   'somerset', 'residential', 1),
  ('P2', 'Beech House', 'somerset', 'nursing',     1),
  ('P3', 'Cherry Mews', 'somerset', 'domiciliary', 1);

INSERT INTO notices (provider_id, kind, issued, closed, outcome) VALUES
  ('P1', 'final_warning_notice', '2024-09-01', NULL, NULL),
  ('P2', 'final_warning_notice', '2024-10-01', NULL, NULL),
  ('P3', 'final_warning_notice', '2023-01-01', '2023-06-30', 'improved');
