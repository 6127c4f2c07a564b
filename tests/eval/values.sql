-- Fixture for values.qpl, meant to be read as of 2025-01-31: M5 is not a
-- board meeting, and M6 is held after that date (not yet held), so neither
-- is a subject.
INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, market_risk, annual_spend, people_supported) VALUES
  ('P1', 'Alder House',  'somerset', 'residential', 1, 0, 250,   10),
  ('P2', 'Birch Court',  'somerset', 'nursing',     1, 0, 80.5,  6),
  ('P3', 'Cedar Care',   'somerset', 'domiciliary', 1, 0, NULL,  NULL),
  ('P4', 'Damson Lodge', 'somerset', 'residential', 1, 0, 100,   4),
  ('P5', 'Elder Mews',   'somerset', 'nursing',     1, 1, 1000,  30),
  ('P6', 'Fir Grove',    'lambeth',  'residential', 1, 0, 500,   12);

INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('P1', '2024-08-31', 'good', 'good', 'good', 'good', 'good', 'good'),
  ('P2', '2024-05-10', 'requires_improvement', 'inadequate', 'good', 'outstanding', 'requires_improvement', 'requires_improvement'),
  ('P3', '2024-12-01', NULL, NULL, NULL, NULL, NULL, NULL),
  ('P4', '2023-01-05', 'inadequate', 'inadequate', 'inadequate', 'inadequate', 'inadequate', 'inadequate'),
  ('P5', '2024-02-29', 'good', 'good', 'good', 'good', 'good', 'good'),
  ('P6', '2024-01-01', 'inadequate', 'inadequate', 'inadequate', 'inadequate', 'inadequate', 'inadequate');

INSERT INTO feedback (provider_id, received, source, concern) VALUES
  ('P1', '2024-10-01', 'relative', 1),
  ('P1', '2024-11-01', 'professional', 0),
  ('P1', '2024-12-01', 'public', 1),
  ('P4', '2025-03-01', 'public', 1);

INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('P1', '2024-11-01', '2024-11-20'),
  ('P2', '2024-10-01', '2024-11-15'),
  ('P3', '2025-01-10', NULL),
  ('P4', '2024-09-02', NULL),
  ('P5', '2024-12-01', NULL);

INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held) VALUES
  ('M1', 'board', NULL, NULL, '2025-01-10', '2025-01-10'),
  ('M2', 'board', NULL, NULL, '2025-01-20', '2025-01-20'),
  ('M3', 'board', NULL, NULL, '2025-01-24', '2025-01-24'),
  ('M4', 'board', NULL, NULL, '2025-01-28', '2025-01-28'),
  ('M5', 'qim',   'P1', NULL, '2025-01-15', '2025-01-15'),
  ('M6', 'board', NULL, NULL, '2025-01-30', '2025-02-03');

INSERT INTO attendees (meeting_id, person, role, present) VALUES
  ('M1', 'Ann',  'ccg_safeguarding_commissioning', 1),
  ('M1', 'Bob',  'la_quality_performance_manager', 1),
  ('M1', 'Cat',  'la_strategic_commissioner', 1),
  ('M1', 'Dan',  'provider', 1),
  ('M2', 'Ann',  'ccg_safeguarding_commissioning', 1),
  ('M2', 'Bob',  'la_quality_performance_manager', 1),
  ('M2', 'Cat',  'la_strategic_commissioner', 0),
  ('M2', 'Eve',  'advisor', 1),
  ('M3', 'Ann',  'ccg_safeguarding_commissioning', 1),
  ('M3', 'Bob',  'la_quality_performance_manager', 1),
  ('M3', 'Gus',  'other', 1),
  ('M4', 'Eve',  'advisor', 1),
  ('M4', 'Fay',  'la_procurement_manager', 1),
  ('M4', 'Hal',  'ccg_deputy_director_quality', 1),
  ('M5', 'Ann',  'ccg_safeguarding_commissioning', 1),
  ('M6', 'Ann',  'ccg_safeguarding_commissioning', 1);
