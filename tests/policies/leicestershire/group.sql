-- The Quality Oversight Group for L1 (Beacon Hill Unit), set up on
-- 2024-09-02 (¶4), used by meetings.qpl, qip.qpl and surveillance.qpl.
-- Member organisations (¶5): ntda (chair), healthwatch, ccg, local_authority,
-- nhs_england, third_sector; the Trust attends as `provider`.
--
--   M1  2024-10-08  the group's first meeting; five organisations (the two
--                   CCGs count as one), the NTDA in the chair: quorate.
--   M2  2024-11-15  exactly a month and 7 days after M1; only three
--                   organisations (the Third Sector sent apologies; the
--                   Trust and a CQC observer are not members): not quorate.
--   M3  2024-12-23  a month and 8 days after M2; four organisations but no
--                   NTDA, a CCG member in the chair: not quorate.
--   M4  2025-01-14  exactly four organisations, the NTDA present but who
--                   chaired is not recorded: quorate.
--   M5  2025-02-11  held after 2025-01-31: not yet held then. Quorate.
--   M6  2024-12-01  an oversight meeting of L1 not linked to its group, with
--                   no attendance recorded.
--   B1  2024-11-20  a meeting of another kind (board) about L1.
INSERT INTO processes (id, provider_id, kind, opened, closed, criminal) VALUES
  ('QOG-L1', 'L1', 'quality_oversight', '2024-09-02', NULL, 0);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held) VALUES
  ('M1', 'oversight', 'L1', 'QOG-L1', '2024-10-08', '2024-10-08'),
  ('M2', 'oversight', 'L1', 'QOG-L1', '2024-11-15', '2024-11-15'),
  ('M3', 'oversight', 'L1', 'QOG-L1', '2024-12-23', '2024-12-23'),
  ('M4', 'oversight', 'L1', 'QOG-L1', '2025-01-14', '2025-01-14'),
  ('M5', 'oversight', 'L1', 'QOG-L1', '2025-02-11', '2025-02-11'),
  ('M6', 'oversight', 'L1', NULL,     '2024-12-01', '2024-12-01'),
  ('B1', 'board',     'L1', NULL,     '2024-11-20', '2024-11-20');
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('M1', 'tda.chair',   'ntda',            1, 1, 1),
  ('M1', 'hw.rep',      'healthwatch',     1, 1, 0),
  ('M1', 'elr.ccg',     'ccg',             1, 0, 0),
  ('M1', 'wl.ccg',      'ccg',             1, 0, 0),
  ('M1', 'la.rep',      'local_authority', 1, 0, 0),
  ('M1', 'nhse.rep',    'nhs_england',     1, 0, 0),
  ('M1', 'lpt.dir',     'provider',        1, 0, 0),
  ('M2', 'tda.chair',   'ntda',            1, 1, 1),
  ('M2', 'wl.ccg',      'ccg',             1, 0, 0),
  ('M2', 'la.rep',      'local_authority', 1, 0, 0),
  ('M2', 'vol.rep',     'third_sector',    0, 1, 0),
  ('M2', 'lpt.dir',     'provider',        1, 0, 0),
  ('M2', 'cqc.obs',     'other',           1, 1, 0),
  ('M3', 'elr.ccg',     'ccg',             1, 0, 1),
  ('M3', 'hw.rep',      'healthwatch',     1, 1, 0),
  ('M3', 'la.rep',      'local_authority', 1, 0, 0),
  ('M3', 'nhse.rep',    'nhs_england',     1, 0, 0),
  ('M3', 'tda.chair',   'ntda',            0, 1, 0),
  ('M4', 'tda.chair',   'ntda',            1, 1, NULL),
  ('M4', 'wl.ccg',      'ccg',             1, 0, 0),
  ('M4', 'la.rep',      'local_authority', 1, 0, 0),
  ('M4', 'hw.rep',      'healthwatch',     1, 1, 0),
  ('M4', 'lpt.dir',     'provider',        1, 0, 0),
  ('M5', 'tda.chair',   'ntda',            1, 1, 1),
  ('M5', 'elr.ccg',     'ccg',             1, 0, 0),
  ('M5', 'la.rep',      'local_authority', 1, 0, 0),
  ('M5', 'nhse.rep',    'nhs_england',     1, 0, 0),
  ('B1', 'tda.chair',   'ntda',            1, 1, 1);
