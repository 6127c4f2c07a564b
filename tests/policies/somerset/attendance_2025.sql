-- Board attendance around the turn of 2025 (App.4 ToR §3), used by board.qpl.
--
--   hlee    member 2023-01-01 to 2025-03-31 (still a member in early 2025);
--           missed M0, M3 and M5.
--   kpatel  member since 2023-01-01; sent apologies to M2 and M3.
--   nnew    member since 2024-11-01; missed M4, attended M5.
--   M5 was scheduled for 2025-01-29 but held only on 2025-02-03.
--   Q1 is a Quality Improvement Meeting, not a Board meeting.
INSERT INTO board_members (person, role, since, until) VALUES
  ('hlee',   'la_procurement_manager',      '2023-01-01', '2025-03-31'),
  ('kpatel', 'ccg_deputy_director_quality', '2023-01-01', NULL),
  ('nnew',   'advisor',                     '2024-11-01', NULL);

INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('M0', 'board', NULL, NULL, '2023-12-01', '2023-12-01', NULL),
  ('M1', 'board', NULL, NULL, '2024-03-01', '2024-03-01', NULL),
  ('M2', 'board', NULL, NULL, '2024-06-03', '2024-06-03', NULL),
  ('M3', 'board', NULL, NULL, '2024-09-02', '2024-09-02', NULL),
  ('M4', 'board', NULL, NULL, '2024-12-02', '2024-12-02', NULL),
  ('M5', 'board', NULL, NULL, '2025-01-29', '2025-02-03', NULL),
  ('Q1', 'qim',   NULL, NULL, '2024-12-16', '2024-12-16', NULL);

INSERT INTO attendees (meeting_id, person, role, present, independent) VALUES
  ('M0', 'kpatel', 'ccg_deputy_director_quality', 1, 0),
  ('M1', 'hlee',   'la_procurement_manager',      1, 0),
  ('M1', 'kpatel', 'ccg_deputy_director_quality', 1, 0),
  ('M2', 'hlee',   'la_procurement_manager',      1, 0),
  ('M2', 'kpatel', 'ccg_deputy_director_quality', 0, 0),
  ('M3', 'kpatel', 'ccg_deputy_director_quality', 0, 0),
  ('M4', 'hlee',   'la_procurement_manager',      1, 0),
  ('M4', 'kpatel', 'ccg_deputy_director_quality', 1, 0),
  ('M5', 'kpatel', 'ccg_deputy_director_quality', 1, 0),
  ('M5', 'nnew',   'advisor',                     1, 0);
