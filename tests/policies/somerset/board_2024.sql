-- The Somerset Care Provider Commissioning & Quality Board in 2024
-- (App.4 ToR), used by board.qpl. Six members; cjones (strategic
-- commissioner) left on 2024-06-30 and dowen replaced him from 2024-07-01.
--
--   BRD-2024-01  four members present, gross sent apologies; papers 9 days
--                ahead; efarr is independent.
--   BRD-2024-02  the strategic commissioner (cjones) only sent apologies;
--                papers 5 days ahead; nobody independent.
--   BRD-2024-03  exactly three members; efarr and gross sent apologies; a
--                CQC observer (role other) does not count; no papers date.
--   BRD-2024-04  dowen listed twice; efarr has no row at all; papers exactly
--                7 days ahead; nobody independent.
--   BRD-2024-05  everyone, plus the minute-taker; papers 5 days ahead.
--   BRD-2025-01  scheduled for 2025-02-12, not held.
INSERT INTO board_members (person, role, since, until) VALUES
  ('aprice', 'ccg_safeguarding_commissioning', '2019-04-01', NULL),
  ('bkhan',  'la_quality_performance_manager', '2020-01-06', NULL),
  ('cjones', 'la_strategic_commissioner',      '2018-09-01', '2024-06-30'),
  ('dowen',  'la_strategic_commissioner',      '2024-07-01', NULL),
  ('efarr',  'ccg_deputy_director_quality',    '2021-02-01', NULL),
  ('gross',  'la_procurement_manager',         '2022-05-01', NULL);

INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('BRD-2024-01', 'board', NULL, NULL, '2024-01-17', '2024-01-17', '2024-01-08'),
  ('BRD-2024-02', 'board', NULL, NULL, '2024-04-17', '2024-04-17', '2024-04-12'),
  ('BRD-2024-03', 'board', NULL, NULL, '2024-07-17', '2024-07-17', NULL),
  ('BRD-2024-04', 'board', NULL, NULL, '2024-09-18', '2024-09-18', '2024-09-11'),
  ('BRD-2024-05', 'board', NULL, NULL, '2024-12-11', '2024-12-11', '2024-12-06'),
  ('BRD-2025-01', 'board', NULL, NULL, '2025-02-12', NULL,         NULL);

INSERT INTO attendees (meeting_id, person, role, present, independent) VALUES
  ('BRD-2024-01', 'aprice', 'ccg_safeguarding_commissioning', 1, 0),
  ('BRD-2024-01', 'bkhan',  'la_quality_performance_manager', 1, 0),
  ('BRD-2024-01', 'cjones', 'la_strategic_commissioner',      1, 0),
  ('BRD-2024-01', 'efarr',  'ccg_deputy_director_quality',    1, 1),
  ('BRD-2024-01', 'gross',  'la_procurement_manager',         0, 0),

  ('BRD-2024-02', 'aprice', 'ccg_safeguarding_commissioning', 1, 0),
  ('BRD-2024-02', 'bkhan',  'la_quality_performance_manager', 1, 0),
  ('BRD-2024-02', 'cjones', 'la_strategic_commissioner',      0, 0),
  ('BRD-2024-02', 'efarr',  'ccg_deputy_director_quality',    1, 0),
  ('BRD-2024-02', 'gross',  'la_procurement_manager',         1, 0),

  ('BRD-2024-03', 'aprice', 'ccg_safeguarding_commissioning', 1, 0),
  ('BRD-2024-03', 'bkhan',  'la_quality_performance_manager', 1, 0),
  ('BRD-2024-03', 'dowen',  'la_strategic_commissioner',      1, 1),
  ('BRD-2024-03', 'efarr',  'ccg_deputy_director_quality',    0, 0),
  ('BRD-2024-03', 'gross',  'la_procurement_manager',         0, 0),
  ('BRD-2024-03', 'tcqc',   'other',                          1, 1),

  ('BRD-2024-04', 'aprice', 'ccg_safeguarding_commissioning', 1, 0),
  ('BRD-2024-04', 'bkhan',  'la_quality_performance_manager', 1, 0),
  ('BRD-2024-04', 'dowen',  'la_strategic_commissioner',      1, 0),
  ('BRD-2024-04', 'dowen',  'la_strategic_commissioner',      1, 0),
  ('BRD-2024-04', 'gross',  'la_procurement_manager',         1, 0),

  ('BRD-2024-05', 'aprice', 'ccg_safeguarding_commissioning', 1, 0),
  ('BRD-2024-05', 'bkhan',  'la_quality_performance_manager', 1, 0),
  ('BRD-2024-05', 'dowen',  'la_strategic_commissioner',      1, 0),
  ('BRD-2024-05', 'efarr',  'ccg_deputy_director_quality',    1, 0),
  ('BRD-2024-05', 'gross',  'la_procurement_manager',         1, 1),
  ('BRD-2024-05', 'jmills', 'minutes',                        1, 0);
