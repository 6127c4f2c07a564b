INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, annual_spend, people_supported) VALUES
  ('A', 'Ash',   'somerset', 'other', 1, 0.1, 7),
  ('B', 'Beech', 'somerset', 'other', 1, 0.2, 10),
  ('C', 'Cedar', 'somerset', 'other', 1, 0.3, 1);
INSERT INTO feedback (provider_id, received, concern) VALUES
  ('A', '2024-01-01', 1), ('A', '2024-02-01', 1), ('A', '2024-03-01', 0),
  ('B', '2024-01-01', 0), ('B', '2024-02-01', 0), ('B', '2024-03-01', 0),
  ('B', '2024-04-01', 0), ('B', '2024-05-01', 0), ('B', '2024-06-01', 0),
  ('B', '2024-07-01', 0);
