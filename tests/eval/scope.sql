INSERT INTO providers (id, name, commissioner, service_type, cqc_registered) VALUES
  ('P1', 'Alder House', 'somerset', 'nursing', 1),
  ('P2', 'Beech Court', 'somerset', 'residential', 1);
INSERT INTO feedback (provider_id, received, source, concern) VALUES
  ('P1', '2024-10-01', 'relative', 1),
  ('P1', '2024-11-01', 'relative', 0),
  ('P1', '2024-12-01', 'public', 1),
  ('P2', '2024-12-01', 'public', 0);
INSERT INTO safeguarding (provider_id, raised, kind) VALUES
  ('P1', '2024-09-01', 'alert'),
  ('P1', '2024-10-01', 'enquiry'),
  ('P2', '2024-10-01', 'alert');
