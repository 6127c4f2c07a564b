-- qpl demonstration case data for Leicestershire (policies/leicestershire.qpl)
--
-- The Quality Oversight Group of the 2014 Leicestershire CCGs report
-- (002_3486d5b6c05ae9c6.txt), told for ten Leicestershire services. The
-- services, people and figures are invented. Load after the reference schema
-- and the policy's own tables:
--   qpl init-db leicestershire.db --policy policies/leicestershire.qpl
--   sqlite3 leicestershire.db < examples/leicestershire.sql
-- and evaluate AS OF 2025-01-31, for example:
--   qpl eval policies/leicestershire.qpl --db leicestershire.db --as-of 2025-01-31
--
-- Every provider has a story, told in the comment above its rows with what
-- the policy decides as of 2025-01-31. Some rows are dated after 2025-01-31
-- on purpose (figures reported in February, a meeting not yet held, a Trust
-- Board date to come): as of 2025-01-31 they do not exist yet, so the same
-- file can be replayed with a later --as-of.
--
-- Conventions:
--   * a KPI row is one KPI, for one ward or team, for one month: `month` is
--     the first day of the month measured, `reported` the day the figure
--     was presented to the Oversight Group;
--   * Oversight Group meetings are meetings of kind `oversight`, linked to
--     the provider and to the group's process (kind `quality_oversight`);
--   * member organisations attend with the roles ntda, healthwatch, ccg,
--     local_authority, nhs_england and third_sector; the Trust attends as
--     `provider` and is not a member; `chair` marks who took the chair.
--
-- People: rosei (NHS Trust Development Authority, chair), mbaxter
-- (Healthwatch), kpatel (West Leicestershire CCG), sdunn (East Leicestershire
-- and Rutland CCG), hmorris (Local Authority), tclarke (NHS England), awright
-- (Third Sector), dquinn (the Trust).
--
-- Useful dates as of 2025-01-31, with the policy's defaults:
--   next meeting or report due = last one + 1 month + 7 days
--   sustained improvement      = every KPI Green in the last 3 months reported
--   quorum                     = 4 member organisations, including the NTDA and a CCG

INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, market_risk, chc_funded, contract_start, annual_spend, people_supported, area, address) VALUES
  ('LEI01', 'Beacon Hill Mental Health Unit', 'leicestershire', 'other',                  1, 1, 0, '2016-04-01', 21500000, 92, 'Leicester',          'Beacon Hill Mental Health Unit, Gipsy Lane, Leicester LE5 0TD'),
  ('LEI02', 'Soar Valley Centre',             'leicestershire', 'other',                  1, 0, 0, '2017-04-01',  6400000, 38, 'Charnwood',          'Soar Valley Centre, Meeting Street, Quorn LE12 8EU'),
  ('LEI03', 'Charnwood Rehabilitation House', 'leicestershire', 'specialist_residential', 1, 0, 0, '2019-10-01',  2100000, 14, 'Charnwood',          '22 Forest Road, Loughborough LE11 3NP'),
  ('LEI04', 'Wreake Lodge',                   'leicestershire', 'other',                  1, 0, 0, '2020-04-01',  3300000, 20, 'Melton',             'Wreake Lodge, Asfordby Road, Melton Mowbray LE13 0HP'),
  ('LEI05', 'Rutland Water Nursing Home',     'leicestershire', 'nursing',                1, 0, 1, '2018-06-01',  1250000, 36, 'Rutland',            'Rutland Water Nursing Home, Ketton Road, Empingham LE15 8PJ'),
  ('LEI06', 'Ashby Road Unit',                'leicestershire', 'other',                  1, 0, 0, '2016-04-01',  4800000, 28, 'North West Leicestershire', 'Ashby Road Unit, Ashby Road, Coalville LE67 3LG'),
  ('LEI07', 'Welland Crisis Service',         'leicestershire', 'other',                  1, 0, 0, '2021-04-01',  2900000, NULL, 'Harborough',       'Welland House, St Mary''s Road, Market Harborough LE16 7DS'),
  ('LEI08', 'Sence Valley Unit',              'leicestershire', 'other',                  1, 0, 0, '2016-04-01',  3900000, 24, 'Hinckley and Bosworth', 'Sence Valley Unit, Hospital Lane, Market Bosworth CV13 0LP'),
  ('LEI09', 'Kirby Muxloe Court',             'leicestershire', 'other',                  1, 0, 0, '2019-04-01',  3100000, 22, 'Blaby',              'Kirby Muxloe Court, Main Street, Kirby Muxloe LE9 2AN'),
  ('LEI10', 'Melton Fields Care Home',        'leicestershire', 'residential',            1, 0, 0, '2020-09-01',   690000, 26, 'Melton',             'Melton Fields, Scalford Road, Melton Mowbray LE13 1JY');

-- LEI01 Beacon Hill Mental Health Unit: the report's own story. On
-- 2024-07-30 the CQC served two Warning Notices (Outcomes 4 and 6) and three
-- Compliance Actions (Outcomes 7, 14 and 16), all still in force (¶2). After
-- a Risk Summit on 2024-08-30 an Oversight Group was set up on 2024-09-10
-- (¶4); it has met every month since October, chaired by the NTDA. The QIP
-- was agreed at the Trust Board on 2024-11-05 and accepted at the quorate
-- meeting of 2024-11-12 (¶7). The KPIs were presented for the first time on
-- 2025-01-14, for November and December (¶9): the crisis dashboard has no
-- targets, triggers or commentary; the inpatient dashboard improves in some
-- areas but varies between wards (Kestrel Ward Red where Bluebell Ward is
-- Green); the workforce figures show vacancies and agency use (¶10). The
-- next meeting is scheduled for 2025-02-11.
-- As of 2025-01-31: warning_notices_in_force 2, compliance_actions_in_force
-- 3, outcomes_under_enforcement 5, under_cqc_enforcement true, oversight_group true, qip_position
-- accepted, latest_kpi_month 2024-12-01, red_kpis 3, amber_kpis 9,
-- kpis_without_detail 2, workforce_gaps true, ward_variation true,
-- improving_in_all_areas false (Bluebell's special observations no better),
-- sustained_improvement false, workforce_report pending (due 2025-02-21),
-- enhanced_surveillance true. Process QOG-LEI01: next_meeting pending (due
-- 2025-02-21). Meetings: all quorate and chaired by the NTDA; each held
-- within a month of the last.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI01', 'cqc_warning_notice',    '2024-07-30', NULL, NULL, 4),
  ('LEI01', 'cqc_warning_notice',    '2024-07-30', NULL, NULL, 6),
  ('LEI01', 'cqc_compliance_action', '2024-07-30', NULL, NULL, 7),
  ('LEI01', 'cqc_compliance_action', '2024-07-30', NULL, NULL, 14),
  ('LEI01', 'cqc_compliance_action', '2024-07-30', NULL, NULL, 16);
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('RS-LEI01-1', 'LEI01', 'risk_summit',       '2024-08-30', '2024-09-10', 'high', 0, NULL),
  ('QOG-LEI01',  'LEI01', 'quality_oversight', '2024-09-10', NULL,         'high', 0, NULL);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QOG-LEI01-2024-10', 'oversight', 'LEI01', 'QOG-LEI01', '2024-10-08', '2024-10-08', NULL),
  ('QOG-LEI01-2024-11', 'oversight', 'LEI01', 'QOG-LEI01', '2024-11-12', '2024-11-12', NULL),
  ('QOG-LEI01-2024-12', 'oversight', 'LEI01', 'QOG-LEI01', '2024-12-10', '2024-12-10', NULL),
  ('QOG-LEI01-2025-01', 'oversight', 'LEI01', 'QOG-LEI01', '2025-01-14', '2025-01-14', NULL),
  ('QOG-LEI01-2025-02', 'oversight', 'LEI01', 'QOG-LEI01', '2025-02-11', NULL, NULL);
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('QOG-LEI01-2024-10', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI01-2024-10', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI01-2024-10', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI01-2024-10', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI01-2024-10', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI01-2024-10', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI01-2024-10', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI01-2024-10', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI01-2024-11', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI01-2024-11', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI01-2024-11', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI01-2024-11', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI01-2024-11', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI01-2024-11', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI01-2024-11', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI01-2024-11', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI01-2024-12', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI01-2024-12', 'mbaxter', 'healthwatch', 0, 0, 0),
  ('QOG-LEI01-2024-12', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI01-2024-12', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI01-2024-12', 'tclarke', 'nhs_england', 0, 0, 0),
  ('QOG-LEI01-2024-12', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI01-2024-12', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI01-2025-01', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI01-2025-01', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI01-2025-01', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI01-2025-01', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI01-2025-01', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI01-2025-01', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI01-2025-01', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI01-2025-01', 'dquinn', 'provider', 1, 0, 0);
INSERT INTO qips (id, provider_id, drafted, trust_board_agreed, accepted_at) VALUES
  ('QIP-LEI01', 'LEI01', '2024-10-01', '2024-11-05', 'QOG-LEI01-2024-11');
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('LEI01-C4-Crisis-2024-11', 'LEI01', 'crisis-4-hour-response', 'crisis', 'Crisis team', '2024-11-01', '2025-01-14', 78, NULL, NULL, 'higher', NULL),
  ('LEI01-C4-Crisis-2024-12', 'LEI01', 'crisis-4-hour-response', 'crisis', 'Crisis team', '2024-12-01', '2025-01-14', 81, NULL, NULL, 'higher', NULL),
  ('LEI01-C7-Crisis-2024-11', 'LEI01', 'crisis-7-day-follow-up', 'crisis', 'Crisis team', '2024-11-01', '2025-01-14', 90, NULL, NULL, 'higher', NULL),
  ('LEI01-C7-Crisis-2024-12', 'LEI01', 'crisis-7-day-follow-up', 'crisis', 'Crisis team', '2024-12-01', '2025-01-14', 92, NULL, NULL, 'higher', NULL),
  ('LEI01-CP-Bluebell-2024-11', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Bluebell Ward', '2024-11-01', '2025-01-14', 92, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-CP-Bluebell-2024-12', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Bluebell Ward', '2024-12-01', '2025-01-14', 96, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-CP-Foxton-2024-11', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Foxton Ward', '2024-11-01', '2025-01-14', 88, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-CP-Foxton-2024-12', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Foxton Ward', '2024-12-01', '2025-01-14', 90, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-CP-Kestrel-2024-11', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Kestrel Ward', '2024-11-01', '2025-01-14', 80, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-CP-Kestrel-2024-12', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Kestrel Ward', '2024-12-01', '2025-01-14', 78, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-CP-Rowan-2024-11', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Rowan Ward', '2024-11-01', '2025-01-14', 86, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-CP-Rowan-2024-12', 'LEI01', 'care-plans-reviewed', 'inpatient', 'Rowan Ward', '2024-12-01', '2025-01-14', 89, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI01-RA-Bluebell-2024-11', 'LEI01', 'risk-assessments-current', 'inpatient', 'Bluebell Ward', '2024-11-01', '2025-01-14', 97, 100, 90, 'higher', 'Risk assessments reviewed within 7 days'),
  ('LEI01-RA-Bluebell-2024-12', 'LEI01', 'risk-assessments-current', 'inpatient', 'Bluebell Ward', '2024-12-01', '2025-01-14', 99, 100, 90, 'higher', 'Risk assessments reviewed within 7 days'),
  ('LEI01-RA-Kestrel-2024-11', 'LEI01', 'risk-assessments-current', 'inpatient', 'Kestrel Ward', '2024-11-01', '2025-01-14', 91, 100, 90, 'higher', 'Risk assessments reviewed within 7 days'),
  ('LEI01-RA-Kestrel-2024-12', 'LEI01', 'risk-assessments-current', 'inpatient', 'Kestrel Ward', '2024-12-01', '2025-01-14', 93, 100, 90, 'higher', 'Risk assessments reviewed within 7 days'),
  ('LEI01-SO-Bluebell-2024-11', 'LEI01', 'special-observations-recorded', 'inpatient', 'Bluebell Ward', '2024-11-01', '2025-01-14', 95, 98, 90, 'higher', 'Observation records complete'),
  ('LEI01-SO-Bluebell-2024-12', 'LEI01', 'special-observations-recorded', 'inpatient', 'Bluebell Ward', '2024-12-01', '2025-01-14', 95, 98, 90, 'higher', 'Observation records complete'),
  ('LEI01-SO-Kestrel-2024-11', 'LEI01', 'special-observations-recorded', 'inpatient', 'Kestrel Ward', '2024-11-01', '2025-01-14', 89, 98, 90, 'higher', 'Observation records complete'),
  ('LEI01-SO-Kestrel-2024-12', 'LEI01', 'special-observations-recorded', 'inpatient', 'Kestrel Ward', '2024-12-01', '2025-01-14', 91, 98, 90, 'higher', 'Observation records complete'),
  ('LEI01-VR-Bluebell-2024-11', 'LEI01', 'vacancy-rate', 'workforce', 'Bluebell Ward', '2024-11-01', '2025-01-14', 10, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-VR-Bluebell-2024-12', 'LEI01', 'vacancy-rate', 'workforce', 'Bluebell Ward', '2024-12-01', '2025-01-14', 9, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-VR-Foxton-2024-11', 'LEI01', 'vacancy-rate', 'workforce', 'Foxton Ward', '2024-11-01', '2025-01-14', 12, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-VR-Foxton-2024-12', 'LEI01', 'vacancy-rate', 'workforce', 'Foxton Ward', '2024-12-01', '2025-01-14', 11, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-VR-Kestrel-2024-11', 'LEI01', 'vacancy-rate', 'workforce', 'Kestrel Ward', '2024-11-01', '2025-01-14', 17, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-VR-Kestrel-2024-12', 'LEI01', 'vacancy-rate', 'workforce', 'Kestrel Ward', '2024-12-01', '2025-01-14', 18, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-VR-Rowan-2024-11', 'LEI01', 'vacancy-rate', 'workforce', 'Rowan Ward', '2024-11-01', '2025-01-14', 9, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-VR-Rowan-2024-12', 'LEI01', 'vacancy-rate', 'workforce', 'Rowan Ward', '2024-12-01', '2025-01-14', 8, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI01-AS-Kestrel-2024-11', 'LEI01', 'agency-shifts', 'workforce', 'Kestrel Ward', '2024-11-01', '2025-01-14', 24, 10, 20, 'lower', 'Shifts filled by agency staff, per cent'),
  ('LEI01-AS-Kestrel-2024-12', 'LEI01', 'agency-shifts', 'workforce', 'Kestrel Ward', '2024-12-01', '2025-01-14', 22, 10, 20, 'lower', 'Shifts filled by agency staff, per cent'),
  ('LEI01-AS-Foxton-2024-11', 'LEI01', 'agency-shifts', 'workforce', 'Foxton Ward', '2024-11-01', '2025-01-14', 14, 10, 20, 'lower', 'Shifts filled by agency staff, per cent'),
  ('LEI01-AS-Foxton-2024-12', 'LEI01', 'agency-shifts', 'workforce', 'Foxton Ward', '2024-12-01', '2025-01-14', 12, 10, 20, 'lower', 'Shifts filled by agency staff, per cent');

-- LEI02 Soar Valley Centre: the group's success. A Warning Notice of
-- 2024-03-01 (Outcome 13) was lifted on 2024-10-15 and a Compliance Action
-- (Outcome 16) on 2024-12-20, after re-inspection. The Oversight Group, set
-- up on 2024-04-02, has met monthly since June, when it accepted the QIP
-- (2024-06-18). Every KPI has been Green for October, November and
-- December; September's Amber care plans figure is older than the three
-- months.
-- As of 2025-01-31: under_cqc_enforcement false, qip_position accepted,
-- red_kpis 0, amber_kpis 0, improving_in_all_areas true,
-- sustained_improvement true, enhanced_surveillance false (the group may
-- step down its surveillance), workforce_report pending (due 2025-02-28),
-- next_meeting pending (due 2025-02-28).
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI02', 'cqc_warning_notice',    '2024-03-01', '2024-10-15', 'improved', 13),
  ('LEI02', 'cqc_compliance_action', '2024-03-01', '2024-12-20', 'improved', 16);
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QOG-LEI02', 'LEI02', 'quality_oversight', '2024-04-02', NULL, 'medium', 0, NULL);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QOG-LEI02-2024-06', 'oversight', 'LEI02', 'QOG-LEI02', '2024-06-18', '2024-06-18', NULL),
  ('QOG-LEI02-2024-07', 'oversight', 'LEI02', 'QOG-LEI02', '2024-07-16', '2024-07-16', NULL),
  ('QOG-LEI02-2024-08', 'oversight', 'LEI02', 'QOG-LEI02', '2024-08-20', '2024-08-20', NULL),
  ('QOG-LEI02-2024-09', 'oversight', 'LEI02', 'QOG-LEI02', '2024-09-17', '2024-09-17', NULL),
  ('QOG-LEI02-2024-10', 'oversight', 'LEI02', 'QOG-LEI02', '2024-10-15', '2024-10-15', NULL),
  ('QOG-LEI02-2024-11', 'oversight', 'LEI02', 'QOG-LEI02', '2024-11-19', '2024-11-19', NULL),
  ('QOG-LEI02-2024-12', 'oversight', 'LEI02', 'QOG-LEI02', '2024-12-17', '2024-12-17', NULL),
  ('QOG-LEI02-2025-01', 'oversight', 'LEI02', 'QOG-LEI02', '2025-01-21', '2025-01-21', NULL);
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('QOG-LEI02-2024-06', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2024-06', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI02-2024-06', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-06', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-06', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2024-06', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI02-2024-06', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI02-2024-06', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI02-2024-07', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2024-07', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI02-2024-07', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-07', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-07', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2024-07', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI02-2024-07', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI02-2024-07', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI02-2024-08', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2024-08', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI02-2024-08', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-08', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-08', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2024-08', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI02-2024-08', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI02-2024-08', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI02-2024-09', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2024-09', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI02-2024-09', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-09', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-09', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2024-09', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI02-2024-09', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI02-2024-09', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI02-2024-10', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2024-10', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-10', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2024-10', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI02-2024-10', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI02-2024-11', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2024-11', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-11', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2024-11', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI02-2024-11', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI02-2024-12', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2024-12', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI02-2024-12', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-12', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2024-12', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2024-12', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI02-2024-12', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI02-2024-12', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI02-2025-01', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI02-2025-01', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI02-2025-01', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI02-2025-01', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI02-2025-01', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI02-2025-01', 'dquinn', 'provider', 1, 0, 0);
INSERT INTO qips (id, provider_id, drafted, trust_board_agreed, accepted_at) VALUES
  ('QIP-LEI02', 'LEI02', '2024-05-01', '2024-06-04', 'QOG-LEI02-2024-06');
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('LEI02-CP-Larch-2024-09', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Larch Ward', '2024-09-01', '2024-10-15', 93, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-CP-Maple-2024-09', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Maple Ward', '2024-09-01', '2024-10-15', 95, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-CP-Larch-2024-10', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Larch Ward', '2024-10-01', '2024-11-19', 96, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-CP-Maple-2024-10', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Maple Ward', '2024-10-01', '2024-11-19', 95, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-VR-Larch-2024-10', 'LEI02', 'vacancy-rate', 'workforce', 'Larch Ward', '2024-10-01', '2024-11-19', 7, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI02-VR-Maple-2024-10', 'LEI02', 'vacancy-rate', 'workforce', 'Maple Ward', '2024-10-01', '2024-11-19', 8, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI02-CP-Larch-2024-11', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Larch Ward', '2024-11-01', '2024-12-17', 97, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-CP-Maple-2024-11', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Maple Ward', '2024-11-01', '2024-12-17', 96, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-VR-Larch-2024-11', 'LEI02', 'vacancy-rate', 'workforce', 'Larch Ward', '2024-11-01', '2024-12-17', 6, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI02-VR-Maple-2024-11', 'LEI02', 'vacancy-rate', 'workforce', 'Maple Ward', '2024-11-01', '2024-12-17', 7, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI02-CP-Larch-2024-12', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Larch Ward', '2024-12-01', '2025-01-21', 97, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-CP-Maple-2024-12', 'LEI02', 'care-plans-reviewed', 'inpatient', 'Maple Ward', '2024-12-01', '2025-01-21', 98, 95, 85, 'higher', 'Monthly audit of open care plans'),
  ('LEI02-VR-Larch-2024-12', 'LEI02', 'vacancy-rate', 'workforce', 'Larch Ward', '2024-12-01', '2025-01-21', 6, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI02-VR-Maple-2024-12', 'LEI02', 'vacancy-rate', 'workforce', 'Maple Ward', '2024-12-01', '2025-01-21', 7, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment');

-- LEI03 Charnwood Rehabilitation House: a Warning Notice (Outcome 13,
-- staffing) issued 2024-09-16 and in force. An Oversight Group since
-- 2024-10-01, but it is struggling: the December meeting came late (more
-- than a month and 7 days after November's), was attended by three member
-- organisations only and was not quorate; the January meeting was postponed
-- and has not been held. The QIP, drafted on 2024-11-01, goes to the Trust
-- Board only on 2025-02-06. Only November's KPIs have been reported.
-- As of 2025-01-31: warning_notices_in_force 1, outcomes_under_enforcement
-- 1, qip_position drafted,
-- latest_kpi_month 2024-11-01, red_kpis 1, workforce_gaps true,
-- improving_in_all_areas n/a (one month reported), workforce_report overdue
-- (since 2025-01-25), enhanced_surveillance true. Process QOG-LEI03:
-- next_meeting overdue (since 2025-01-25). Meeting QOG-LEI03-2024-12: not
-- quorate (3 present), held_within_a_month false.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI03', 'cqc_warning_notice', '2024-09-16', NULL, NULL, 13);
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QOG-LEI03', 'LEI03', 'quality_oversight', '2024-10-01', NULL, 'high', 0, NULL);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QOG-LEI03-2024-11', 'oversight', 'LEI03', 'QOG-LEI03', '2024-11-05', '2024-11-05', NULL),
  ('QOG-LEI03-2024-12', 'oversight', 'LEI03', 'QOG-LEI03', '2024-12-10', '2024-12-17', NULL),
  ('QOG-LEI03-2025-01', 'oversight', 'LEI03', 'QOG-LEI03', '2025-01-21', NULL, NULL);
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('QOG-LEI03-2024-11', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI03-2024-11', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI03-2024-11', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI03-2024-11', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI03-2024-11', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI03-2024-12', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI03-2024-12', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI03-2024-12', 'mbaxter', 'healthwatch', 0, 0, 0),
  ('QOG-LEI03-2024-12', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI03-2024-12', 'tclarke', 'nhs_england', 0, 0, 0),
  ('QOG-LEI03-2024-12', 'dquinn', 'provider', 1, 0, 0);
INSERT INTO qips (id, provider_id, drafted, trust_board_agreed, accepted_at) VALUES
  ('QIP-LEI03', 'LEI03', '2024-11-01', '2025-02-06', NULL);
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('LEI03-CP-Oak-2024-11', 'LEI03', 'care-plans-reviewed', 'inpatient', 'Oak House', '2024-11-01', '2024-12-17', 88, 95, 85, 'higher', 'Keyworker changes'),
  ('LEI03-VR-Oak-2024-11', 'LEI03', 'vacancy-rate', 'workforce', 'Oak House', '2024-11-01', '2024-12-17', 16, 8, 15, 'lower', 'Two registered nurse posts vacant');

-- LEI04 Wreake Lodge: a Warning Notice (Outcome 4) served on 2025-01-20;
-- no Oversight Group has been set up yet, no QIP and no KPIs.
-- As of 2025-01-31: warning_notices_in_force 1, oversight_group false,
-- oversight_group_needed true, qip_position no_plan, the KPI decisions n/a,
-- workforce_report suspended, enhanced_surveillance n/a.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI04', 'cqc_warning_notice', '2025-01-20', NULL, NULL, 4);

-- LEI05 Rutland Water Nursing Home: a Compliance Action (Outcome 21,
-- records) in force since 2024-11-04; an old Warning Notice (2023) was lifted.
-- No Oversight Group, and none needed for a Compliance Action alone.
-- As of 2025-01-31: compliance_actions_in_force 1, warning_notices_in_force
-- 0, under_cqc_enforcement true, oversight_group_needed false,
-- enhanced_surveillance n/a.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI05', 'cqc_warning_notice',    '2023-03-01', '2023-09-30', 'improved', 9),
  ('LEI05', 'cqc_compliance_action', '2024-11-04', NULL,         NULL,       21);

-- LEI06 Ashby Road Unit: its Warning Notice was lifted in September 2024,
-- but its QIP is not signed off. The Trust Board agreed it on 2024-10-15 and
-- the group "accepted" it on 2024-10-22 at a meeting of three member
-- organisations only, which was not quorate. In November a CCG member
-- chaired (the NTDA sent apologies), so that meeting was not quorate either;
-- who chaired in December was not recorded. The KPIs are all Amber but each
-- better than the month before.
-- As of 2025-01-31: under_cqc_enforcement false, qip_position agreed,
-- red_kpis 0, amber_kpis 3, workforce_gaps true, improving_in_all_areas
-- true, sustained_improvement false, enhanced_surveillance true. Meetings:
-- QOG-LEI06-2024-10 not quorate; QOG-LEI06-2024-11 not quorate (missing the
-- NTDA), chaired_by_ntda false; QOG-LEI06-2024-12 chaired_by_ntda unknown.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI06', 'cqc_warning_notice', '2024-04-10', '2024-09-20', 'improved', 4);
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QOG-LEI06', 'LEI06', 'quality_oversight', '2024-05-01', NULL, 'medium', 0, NULL);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QOG-LEI06-2024-10', 'oversight', 'LEI06', 'QOG-LEI06', '2024-10-22', '2024-10-22', NULL),
  ('QOG-LEI06-2024-11', 'oversight', 'LEI06', 'QOG-LEI06', '2024-11-19', '2024-11-19', NULL),
  ('QOG-LEI06-2024-12', 'oversight', 'LEI06', 'QOG-LEI06', '2024-12-17', '2024-12-17', NULL),
  ('QOG-LEI06-2025-01', 'oversight', 'LEI06', 'QOG-LEI06', '2025-01-14', '2025-01-14', NULL);
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('QOG-LEI06-2024-10', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI06-2024-10', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI06-2024-10', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI06-2024-10', 'hmorris', 'local_authority', 0, 0, 0),
  ('QOG-LEI06-2024-10', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI06-2024-11', 'rosei', 'ntda', 0, 0, 0),
  ('QOG-LEI06-2024-11', 'kpatel', 'ccg', 1, 0, 1),
  ('QOG-LEI06-2024-11', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI06-2024-11', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI06-2024-11', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI06-2024-11', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI06-2024-12', 'rosei', 'ntda', 1, 0, NULL),
  ('QOG-LEI06-2024-12', 'mbaxter', 'healthwatch', 1, 0, NULL),
  ('QOG-LEI06-2024-12', 'kpatel', 'ccg', 1, 0, NULL),
  ('QOG-LEI06-2024-12', 'sdunn', 'ccg', 1, 0, NULL),
  ('QOG-LEI06-2024-12', 'hmorris', 'local_authority', 1, 0, NULL),
  ('QOG-LEI06-2024-12', 'tclarke', 'nhs_england', 1, 0, NULL),
  ('QOG-LEI06-2024-12', 'awright', 'third_sector', 1, 0, NULL),
  ('QOG-LEI06-2024-12', 'dquinn', 'provider', 1, 0, NULL),
  ('QOG-LEI06-2025-01', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI06-2025-01', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI06-2025-01', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI06-2025-01', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI06-2025-01', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI06-2025-01', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI06-2025-01', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI06-2025-01', 'dquinn', 'provider', 1, 0, 0);
INSERT INTO qips (id, provider_id, drafted, trust_board_agreed, accepted_at) VALUES
  ('QIP-LEI06', 'LEI06', '2024-09-02', '2024-10-15', 'QOG-LEI06-2024-10');
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('LEI06-CP-Birch-2024-11', 'LEI06', 'care-plans-reviewed', 'inpatient', 'Birch Ward', '2024-11-01', '2024-12-17', 87, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI06-CP-Elm-2024-11', 'LEI06', 'care-plans-reviewed', 'inpatient', 'Elm Ward', '2024-11-01', '2024-12-17', 86, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI06-VR-Elm-2024-11', 'LEI06', 'vacancy-rate', 'workforce', 'Elm Ward', '2024-11-01', '2024-12-17', 13, 8, 15, 'lower', 'Recruitment drive under way'),
  ('LEI06-CP-Birch-2024-12', 'LEI06', 'care-plans-reviewed', 'inpatient', 'Birch Ward', '2024-12-01', '2025-01-14', 91, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI06-CP-Elm-2024-12', 'LEI06', 'care-plans-reviewed', 'inpatient', 'Elm Ward', '2024-12-01', '2025-01-14', 90, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI06-VR-Elm-2024-12', 'LEI06', 'vacancy-rate', 'workforce', 'Elm Ward', '2024-12-01', '2025-01-14', 11, 8, 15, 'lower', 'Three nurses start in January');

-- LEI07 Welland Crisis Service: a Compliance Action (Outcome 16) in force.
-- The Oversight Group accepted the QIP on 2024-09-17. The crisis dashboard's
-- 4-hour response KPI still has no target, trigger or commentary (¶9). The
-- ward-by-ward workforce report was last made on 2024-11-12, for October.
-- As of 2025-01-31: under_cqc_enforcement true, qip_position accepted,
-- latest_kpi_month 2024-12-01, red_kpis 0, amber_kpis 1,
-- kpis_without_detail 1, workforce_gaps unknown (no workforce report for
-- December), improving_in_all_areas true, workforce_report overdue (since
-- 2024-12-20), enhanced_surveillance true.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI07', 'cqc_compliance_action', '2024-06-24', NULL, NULL, 16);
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QOG-LEI07', 'LEI07', 'quality_oversight', '2024-07-15', NULL, 'medium', 0, NULL);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QOG-LEI07-2024-09', 'oversight', 'LEI07', 'QOG-LEI07', '2024-09-17', '2024-09-17', NULL),
  ('QOG-LEI07-2024-10', 'oversight', 'LEI07', 'QOG-LEI07', '2024-10-15', '2024-10-15', NULL),
  ('QOG-LEI07-2024-11', 'oversight', 'LEI07', 'QOG-LEI07', '2024-11-12', '2024-11-12', NULL),
  ('QOG-LEI07-2024-12', 'oversight', 'LEI07', 'QOG-LEI07', '2024-12-10', '2024-12-10', NULL),
  ('QOG-LEI07-2025-01', 'oversight', 'LEI07', 'QOG-LEI07', '2025-01-14', '2025-01-14', NULL);
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('QOG-LEI07-2024-09', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI07-2024-09', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI07-2024-09', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2024-09', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2024-09', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI07-2024-09', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI07-2024-09', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI07-2024-09', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI07-2024-10', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI07-2024-10', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI07-2024-10', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2024-10', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2024-10', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI07-2024-10', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI07-2024-10', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI07-2024-10', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI07-2024-11', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI07-2024-11', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2024-11', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI07-2024-11', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI07-2024-11', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI07-2024-12', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI07-2024-12', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI07-2024-12', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2024-12', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2024-12', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI07-2024-12', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI07-2024-12', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI07-2024-12', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI07-2025-01', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI07-2025-01', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI07-2025-01', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI07-2025-01', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI07-2025-01', 'dquinn', 'provider', 1, 0, 0);
INSERT INTO qips (id, provider_id, drafted, trust_board_agreed, accepted_at) VALUES
  ('QIP-LEI07', 'LEI07', '2024-08-05', '2024-09-03', 'QOG-LEI07-2024-09');
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('LEI07-VR-Crisis-2024-10', 'LEI07', 'vacancy-rate', 'workforce', 'Crisis team', '2024-10-01', '2024-11-12', 12, 8, 15, 'lower', 'Two practitioner posts vacant'),
  ('LEI07-C4-Crisis-2024-11', 'LEI07', 'crisis-4-hour-response', 'crisis', 'Crisis team', '2024-11-01', '2024-12-10', 83, NULL, NULL, 'higher', NULL),
  ('LEI07-C7-Crisis-2024-11', 'LEI07', 'crisis-7-day-follow-up', 'crisis', 'Crisis team', '2024-11-01', '2024-12-10', 91, 95, 85, 'higher', 'Follow-up within 7 days of discharge'),
  ('LEI07-C4-Crisis-2024-12', 'LEI07', 'crisis-4-hour-response', 'crisis', 'Crisis team', '2024-12-01', '2025-01-14', 85, NULL, NULL, 'higher', NULL),
  ('LEI07-C7-Crisis-2024-12', 'LEI07', 'crisis-7-day-follow-up', 'crisis', 'Crisis team', '2024-12-01', '2025-01-14', 93, 95, 85, 'higher', 'Follow-up within 7 days of discharge');

-- LEI08 Sence Valley Unit: came through. Its Warning Notice was lifted in
-- July 2024, every KPI was Green from September to November, and the
-- Oversight Group, which met monthly from March (when it accepted the QIP),
-- stood down on 2024-12-31. Its meetings remain on record.
-- As of 2025-01-31: oversight_group false, qip_position accepted,
-- sustained_improvement true, workforce_report suspended,
-- enhanced_surveillance n/a (no Oversight Group in place). The process
-- QOG-LEI08 is closed and is no longer a subject.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI08', 'cqc_warning_notice', '2024-01-15', '2024-07-12', 'improved', 7);
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QOG-LEI08', 'LEI08', 'quality_oversight', '2024-02-01', '2024-12-31', 'medium', 0, 'improved');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QOG-LEI08-2024-03', 'oversight', 'LEI08', 'QOG-LEI08', '2024-03-12', '2024-03-12', NULL),
  ('QOG-LEI08-2024-04', 'oversight', 'LEI08', 'QOG-LEI08', '2024-04-09', '2024-04-09', NULL),
  ('QOG-LEI08-2024-05', 'oversight', 'LEI08', 'QOG-LEI08', '2024-05-14', '2024-05-14', NULL),
  ('QOG-LEI08-2024-06', 'oversight', 'LEI08', 'QOG-LEI08', '2024-06-11', '2024-06-11', NULL),
  ('QOG-LEI08-2024-07', 'oversight', 'LEI08', 'QOG-LEI08', '2024-07-09', '2024-07-09', NULL),
  ('QOG-LEI08-2024-08', 'oversight', 'LEI08', 'QOG-LEI08', '2024-08-13', '2024-08-13', NULL),
  ('QOG-LEI08-2024-09', 'oversight', 'LEI08', 'QOG-LEI08', '2024-09-10', '2024-09-10', NULL),
  ('QOG-LEI08-2024-10', 'oversight', 'LEI08', 'QOG-LEI08', '2024-10-08', '2024-10-08', NULL),
  ('QOG-LEI08-2024-11', 'oversight', 'LEI08', 'QOG-LEI08', '2024-11-05', '2024-11-05', NULL),
  ('QOG-LEI08-2024-12', 'oversight', 'LEI08', 'QOG-LEI08', '2024-12-10', '2024-12-10', NULL);
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('QOG-LEI08-2024-03', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-03', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-03', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-03', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-03', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-03', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-03', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-03', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-04', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-04', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-04', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-04', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-04', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-04', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-04', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-04', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-05', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-05', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-05', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-05', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-05', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-05', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-05', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-05', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-06', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-06', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-06', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-06', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-06', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-06', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-06', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-06', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-07', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-07', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-07', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-07', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-07', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-07', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-07', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-07', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-08', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-08', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-08', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-08', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-08', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-08', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-08', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-08', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-09', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-09', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-09', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-09', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-09', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-09', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-09', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-09', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-10', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-10', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-10', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-10', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-10', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-10', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-10', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-10', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-11', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-11', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-11', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-11', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-11', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI08-2024-12', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI08-2024-12', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI08-2024-12', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-12', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI08-2024-12', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI08-2024-12', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI08-2024-12', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI08-2024-12', 'dquinn', 'provider', 1, 0, 0);
INSERT INTO qips (id, provider_id, drafted, trust_board_agreed, accepted_at) VALUES
  ('QIP-LEI08', 'LEI08', '2024-02-19', '2024-03-05', 'QOG-LEI08-2024-03');
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('LEI08-CP-Ivy-2024-09', 'LEI08', 'care-plans-reviewed', 'inpatient', 'Ivy Ward', '2024-09-01', '2024-10-08', 96, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI08-VR-Ivy-2024-09', 'LEI08', 'vacancy-rate', 'workforce', 'Ivy Ward', '2024-09-01', '2024-10-08', 7, 8, 15, 'lower', 'Establishment filled'),
  ('LEI08-CP-Ivy-2024-10', 'LEI08', 'care-plans-reviewed', 'inpatient', 'Ivy Ward', '2024-10-01', '2024-11-05', 97, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI08-VR-Ivy-2024-10', 'LEI08', 'vacancy-rate', 'workforce', 'Ivy Ward', '2024-10-01', '2024-11-05', 6, 8, 15, 'lower', 'Establishment filled'),
  ('LEI08-CP-Ivy-2024-11', 'LEI08', 'care-plans-reviewed', 'inpatient', 'Ivy Ward', '2024-11-01', '2024-12-10', 97, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI08-VR-Ivy-2024-11', 'LEI08', 'vacancy-rate', 'workforce', 'Ivy Ward', '2024-11-01', '2024-12-10', 6, 8, 15, 'lower', 'Establishment filled');

-- LEI09 Kirby Muxloe Court: nearly there. Its Warning Notice was lifted on
-- 2024-11-08 and the QIP was accepted in August. October's figures were
-- Amber; November and December are Green. January's Green figures are
-- reported on 2025-02-18: from then, three Green months in a row.
-- As of 2025-01-31: under_cqc_enforcement false, qip_position accepted,
-- red_kpis 0, amber_kpis 0, improving_in_all_areas true,
-- sustained_improvement false (October was Amber), enhanced_surveillance
-- true. As of 2025-02-28: sustained_improvement true and
-- enhanced_surveillance false.
INSERT INTO notices (provider_id, kind, issued, closed, outcome, cqc_outcome) VALUES
  ('LEI09', 'cqc_warning_notice', '2024-05-13', '2024-11-08', 'improved', 4);
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QOG-LEI09', 'LEI09', 'quality_oversight', '2024-06-03', NULL, 'medium', 0, NULL);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QOG-LEI09-2024-08', 'oversight', 'LEI09', 'QOG-LEI09', '2024-08-20', '2024-08-20', NULL),
  ('QOG-LEI09-2024-09', 'oversight', 'LEI09', 'QOG-LEI09', '2024-09-17', '2024-09-17', NULL),
  ('QOG-LEI09-2024-10', 'oversight', 'LEI09', 'QOG-LEI09', '2024-10-15', '2024-10-15', NULL),
  ('QOG-LEI09-2024-11', 'oversight', 'LEI09', 'QOG-LEI09', '2024-11-19', '2024-11-19', NULL),
  ('QOG-LEI09-2024-12', 'oversight', 'LEI09', 'QOG-LEI09', '2024-12-17', '2024-12-17', NULL),
  ('QOG-LEI09-2025-01', 'oversight', 'LEI09', 'QOG-LEI09', '2025-01-21', '2025-01-21', NULL),
  ('QOG-LEI09-2025-02', 'oversight', 'LEI09', 'QOG-LEI09', '2025-02-18', '2025-02-18', NULL);
INSERT INTO attendees (meeting_id, person, role, present, independent, chair) VALUES
  ('QOG-LEI09-2024-08', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI09-2024-08', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI09-2024-08', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-08', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-08', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI09-2024-08', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI09-2024-08', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI09-2024-08', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI09-2024-09', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI09-2024-09', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI09-2024-09', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-09', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-09', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI09-2024-09', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI09-2024-09', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI09-2024-09', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI09-2024-10', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI09-2024-10', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI09-2024-10', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-10', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-10', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI09-2024-10', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI09-2024-10', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI09-2024-10', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI09-2024-11', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI09-2024-11', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI09-2024-11', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-11', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-11', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI09-2024-11', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI09-2024-11', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI09-2024-11', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI09-2024-12', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI09-2024-12', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-12', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2024-12', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI09-2024-12', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI09-2024-12', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI09-2025-01', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI09-2025-01', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI09-2025-01', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2025-01', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2025-01', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI09-2025-01', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI09-2025-01', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI09-2025-01', 'dquinn', 'provider', 1, 0, 0),
  ('QOG-LEI09-2025-02', 'rosei', 'ntda', 1, 0, 1),
  ('QOG-LEI09-2025-02', 'mbaxter', 'healthwatch', 1, 0, 0),
  ('QOG-LEI09-2025-02', 'kpatel', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2025-02', 'sdunn', 'ccg', 1, 0, 0),
  ('QOG-LEI09-2025-02', 'hmorris', 'local_authority', 1, 0, 0),
  ('QOG-LEI09-2025-02', 'tclarke', 'nhs_england', 1, 0, 0),
  ('QOG-LEI09-2025-02', 'awright', 'third_sector', 1, 0, 0),
  ('QOG-LEI09-2025-02', 'dquinn', 'provider', 1, 0, 0);
INSERT INTO qips (id, provider_id, drafted, trust_board_agreed, accepted_at) VALUES
  ('QIP-LEI09', 'LEI09', '2024-07-01', '2024-08-06', 'QOG-LEI09-2024-08');
INSERT INTO kpis (id, provider_id, code, dashboard, ward, month, reported, value, target, trigger, better, commentary) VALUES
  ('LEI09-CP-Willow-2024-10', 'LEI09', 'care-plans-reviewed', 'inpatient', 'Willow Ward', '2024-10-01', '2024-11-19', 93, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI09-VR-Willow-2024-10', 'LEI09', 'vacancy-rate', 'workforce', 'Willow Ward', '2024-10-01', '2024-11-19', 9, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI09-CP-Willow-2024-11', 'LEI09', 'care-plans-reviewed', 'inpatient', 'Willow Ward', '2024-11-01', '2024-12-17', 95, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI09-VR-Willow-2024-11', 'LEI09', 'vacancy-rate', 'workforce', 'Willow Ward', '2024-11-01', '2024-12-17', 8, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI09-CP-Willow-2024-12', 'LEI09', 'care-plans-reviewed', 'inpatient', 'Willow Ward', '2024-12-01', '2025-01-21', 96, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI09-VR-Willow-2024-12', 'LEI09', 'vacancy-rate', 'workforce', 'Willow Ward', '2024-12-01', '2025-01-21', 7, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment'),
  ('LEI09-CP-Willow-2025-01', 'LEI09', 'care-plans-reviewed', 'inpatient', 'Willow Ward', '2025-01-01', '2025-02-18', 97, 95, 85, 'higher', 'Audit of open care plans'),
  ('LEI09-VR-Willow-2025-01', 'LEI09', 'vacancy-rate', 'workforce', 'Willow Ward', '2025-01-01', '2025-02-18', 7, 8, 15, 'lower', 'Registered nurse vacancies, per cent of establishment');

-- LEI10 Melton Fields Care Home: no CQC enforcement, no Oversight Group,
-- no QIP and no KPIs. It has no rows but its own.
-- As of 2025-01-31: warning_notices_in_force 0, compliance_actions_in_force
-- 0, under_cqc_enforcement false, oversight_group false,
-- oversight_group_needed false, qip_position no_plan, the KPI decisions n/a,
-- workforce_report suspended, enhanced_surveillance n/a.
