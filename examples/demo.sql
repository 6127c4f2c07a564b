-- qpl demonstration case database
--
-- Load after the reference schema:
--   sqlite3 demo.db < stdlib/schema.sql
--   sqlite3 demo.db < examples/demo.sql
-- and evaluate AS OF 2025-01-31, for example:
--   qpl eval policies/somerset.qpl --db demo.db --as-of 2025-01-31
--
-- Every provider has a story, told in the comment above its rows with what
-- the bundled policy should decide as of 2025-01-31 (see also
-- examples/README.md). Some rows are dated after 2025-01-31 on purpose:
-- as of 2025-01-31 they do not exist yet, so the same file can be replayed
-- with a later --as-of.
--
-- Useful windows as of 2025-01-31:
--   last 6 months   = received after 2024-07-31
--   last 90 days    = raised after 2024-11-02
--   last 12 months  = dated after 2024-01-31
--   3 months before = opened on or before 2024-10-31
--   6 months before = opened on or before 2024-07-31

-- =====================================================================
-- SOMERSET (policies/somerset.qpl)
-- =====================================================================

INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, market_risk, chc_funded, contract_start, annual_spend, people_supported, area, address) VALUES
  ('SOM01', 'Alder House',                 'somerset', 'nursing',                1, 0, 1, '2019-04-01', 1450000, 42, 'Taunton', '12 Priory Way, Taunton TA1 2AB'),
  ('SOM02', 'Beech Court',                 'somerset', 'residential',            1, 0, 0, '2018-10-01',  820000, 31, 'Mendip', 'Beech Court, Frome Road, Shepton Mallet BA4 5QT'),
  ('SOM03', 'Cedar Lodge',                 'somerset', 'nursing',                1, 0, 1, '2020-01-06', 1210000, 38, 'Sedgemoor and West Somerset', '3 Quantock Rise, Bridgwater TA6 4DE'),
  ('SOM04', 'Damson Home Care',            'somerset', 'domiciliary',            1, 0, 0, '2021-07-01',  640000, 85, 'South Somerset', 'Unit 4, Hendford Yard, Yeovil BA20 1UN'),
  ('SOM05', 'Elm Park Nursing Centre',     'somerset', 'nursing',                1, 1, 1, '2017-04-01', 4200000, 96, 'Taunton', 'Elm Park, Staplegrove Road, Taunton TA2 6AJ'),
  ('SOM06', 'Foxglove Home Care',          'somerset', 'domiciliary',            1, 0, 0, '2022-04-01',  380000, 54, 'Mendip', '18 Market Place, Wells BA5 2RF'),
  ('SOM07', 'Gorse View',                  'somerset', 'residential',            1, 0, 0, '2019-09-01',  710000, 27, 'South Somerset', 'Gorse View, Combe Street Lane, Yeovil BA21 3PD'),
  ('SOM08', 'Hawthorn Grange',             'somerset', 'nursing',                1, 0, 1, '2016-06-01', 1680000, 48, 'Sedgemoor and West Somerset', 'Hawthorn Grange, Minehead Road, Williton TA4 4QY'),
  ('SOM09', 'Ivy Bank',                    'somerset', 'residential',            1, 0, 0, '2020-11-02',  560000, 22, 'Taunton', '7 Ivy Bank, Wellington TA21 8LS'),
  ('SOM10', 'Juniper Court',               'somerset', 'supported_living',       1, 0, 0, '2023-04-01',  450000, 12, 'Mendip', 'Juniper Court, 2 Keyford, Frome BA11 1JU'),
  ('SOM11', 'Kingfisher Lodge',            'somerset', 'specialist_residential', 1, 0, 0, '2024-09-01',  390000,  8, 'South Somerset', 'Kingfisher Lodge, Bay Hill, Ilminster TA19 0AT'),
  ('SOM12', 'Larch House',                 'somerset', 'residential',            1, 0, 0, NULL,          520000, 20, 'Sedgemoor and West Somerset', 'Larch House, 40 Victoria Street, Burnham-on-Sea TA8 1AN'),
  ('SOM13', 'Maple Lodge',                 'somerset', 'residential',            1, 0, 0, '2021-01-04',  600000, 24, 'Taunton', 'Maple Lodge, Cheddon Road, Taunton TA2 7QP'),
  ('SOM14', 'Nettle House',                'somerset', 'nursing',                1, 0, 1, '2015-05-01',  980000, 29, 'Mendip', 'Nettle House, Wookey Hole Road, Wells BA5 1AA'),
  ('SOM15', 'Oak Tree House',              'somerset', 'residential',            1, 0, 0, '2019-02-01',  540000, 21, 'South Somerset', 'Oak Tree House, 9 Mill Lane, Chard TA20 1HB');

-- SOM01 Alder House: sliding from Good (2022) to Requires improvement (2023)
-- to Inadequate (2024). Informal process failed; Quality Improvement open
-- since 2024-07-15, more than 3 months. A re-referral to the Board opens on
-- 2025-02-12 (not yet visible).
-- As of 2025-01-31: provider_default true, rag red, quality_stage
-- quality_improvement, recommend_board_referral true, next_contract_visit
-- suspended, questionnaire_return met, meets_minimum_standard false.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM01', '2022-03-10', 'good',                 'good',                 'good',                 'good', 'good',                 'good'),
  ('SOM01', '2023-05-15', 'requires_improvement', 'requires_improvement', 'good',                 'good', 'good',                 'requires_improvement'),
  ('SOM01', '2024-06-20', 'inadequate',           'inadequate',           'requires_improvement', 'good', 'requires_improvement', 'inadequate');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('INF-SOM01-1', 'SOM01', 'informal',            '2023-06-01', '2024-07-15', 'medium', 0, 'not_improved'),
  ('QI-SOM01-1',  'SOM01', 'quality_improvement', '2024-07-15', NULL,         'high',   0, NULL),
  ('BR-SOM01-1',  'SOM01', 'board_referral',      '2025-02-12', NULL,         'high',   0, NULL);
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM01', '2023-04-03', '2023-04-21'),
  ('SOM01', '2024-04-02', '2024-04-19');
INSERT INTO feedback (provider_id, received, source, concern) VALUES
  ('SOM01', '2024-08-14', 'relative',     1),
  ('SOM01', '2024-10-02', 'professional', 1);
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('SOM01', '2024-05-28', 'enquiry', '2024-08-30');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM01', '2023-02-08', 'contract'),
  ('SOM01', '2024-09-04', 'quality_assurance');
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('SOM01', 'restricted', '2024-07-15', 'Jo Hughes, 01823 355 010');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QIM-SOM01-1', 'qim', 'SOM01', 'QI-SOM01-1', '2024-08-07', '2024-08-07', NULL),
  ('QIM-SOM01-2', 'qim', 'SOM01', 'QI-SOM01-1', '2024-11-06', '2024-11-06', NULL);

-- SOM02 Beech Court: Board referral since 2023, Rectification Notice
-- escalated, Final Warning Notice issued 2024-06-12 and still in force; the
-- Board has not accepted sustained improvement (two assessments, both 0).
-- The notice is closed and a termination letter issued on 2025-03-14,
-- invisible as of 2025-01-31.
-- As of 2025-01-31: quality_stage final_warning, final_warning_deadline
-- overdue (due 2024-12-12), termination_may_be_considered true,
-- provider_default true, rag amber, next_contract_visit suspended.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM02', '2022-08-23', 'requires_improvement', 'requires_improvement', 'good',                 'good', 'good', 'requires_improvement'),
  ('SOM02', '2023-09-06', 'inadequate',           'inadequate',           'requires_improvement', 'good', 'good', 'inadequate'),
  ('SOM02', '2024-04-18', 'requires_improvement', 'requires_improvement', 'good',                 'good', 'good', 'requires_improvement');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QI-SOM02-1', 'SOM02', 'quality_improvement', '2023-09-20', '2023-12-15', 'high', 0, 'not_improved'),
  ('BR-SOM02-1', 'SOM02', 'board_referral',      '2023-12-15', NULL,         'high', 0, NULL);
INSERT INTO notices (provider_id, kind, issued, closed, outcome) VALUES
  ('SOM02', 'rectification_notice', '2024-01-10', '2024-06-12', 'escalated'),
  ('SOM02', 'final_warning_notice', '2024-06-12', '2025-03-14', 'escalated'),
  ('SOM02', 'termination',          '2025-03-14', NULL,         NULL);
INSERT INTO evidence (provider_id, assessed, sustained) VALUES
  ('SOM02', '2024-09-18', 0),
  ('SOM02', '2024-12-11', 0);
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM02', '2024-05-07', '2024-05-30');
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('SOM02', 'restricted',  '2023-09-20', 'Sam Patel, 01823 355 022'),
  ('SOM02', 'not_placing', '2024-06-12', 'Sam Patel, 01823 355 022');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM02', '2023-03-14', 'contract');

-- SOM03 Cedar Lodge: came out of the final warning route. The Board
-- accepted sustained improvement on 2024-08-12, within six months of the
-- notice (2024-02-20), and the notice closed `improved` on 2024-08-15; the
-- automatic six-month sustainability review is due 2025-02-15. Rated Good
-- again in October 2024 but Well-led still Requires improvement.
-- As of 2025-01-31: final_warning_deadline met, sustainability_review
-- pending, termination_may_be_considered false, quality_stage none,
-- provider_default false, rag amber (a key question below good),
-- next_contract_visit pending (12 months: CHC funded, amber).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM03', '2023-02-14', 'inadequate', 'inadequate', 'requires_improvement', 'good', 'requires_improvement', 'inadequate'),
  ('SOM03', '2024-10-01', 'good',       'good',       'good',                 'good', 'good',                 'requires_improvement');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('BR-SOM03-1', 'SOM03', 'board_referral', '2023-03-01', '2024-08-15', 'high', 0, 'improved');
INSERT INTO notices (provider_id, kind, issued, closed, outcome) VALUES
  ('SOM03', 'final_warning_notice', '2024-02-20', '2024-08-15', 'improved');
INSERT INTO evidence (provider_id, assessed, sustained) VALUES
  ('SOM03', '2024-05-20', 0),
  ('SOM03', '2024-08-12', 1);
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM03', '2024-09-02', '2024-09-25');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM03', '2022-11-09', 'contract'),
  ('SOM03', '2024-09-20', 'contract');
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('SOM03', 'not_placing', '2023-02-20', 'Jo Hughes, 01823 355 010'),
  ('SOM03', 'placing',     '2024-08-15', 'Jo Hughes, 01823 355 010');

-- SOM04 Damson Home Care: a series of Requires improvement ratings; Board
-- referral since February 2024 and a Rectification Notice in force since
-- 2024-09-18.
-- As of 2025-01-31: quality_stage rectification, provider_default true,
-- rag amber, recommend_quality_improvement false, next_contract_visit
-- suspended.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM04', '2023-07-11', 'requires_improvement', 'requires_improvement', 'good', 'good', 'requires_improvement', 'requires_improvement'),
  ('SOM04', '2024-07-30', 'requires_improvement', 'requires_improvement', 'good', 'good', 'good',                 'requires_improvement');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QI-SOM04-1', 'SOM04', 'quality_improvement', '2023-08-01', '2024-02-14', 'medium', 0, 'not_improved'),
  ('BR-SOM04-1', 'SOM04', 'board_referral',      '2024-02-14', NULL,         'medium', 0, NULL);
INSERT INTO notices (provider_id, kind, issued, closed, outcome) VALUES
  ('SOM04', 'rectification_notice', '2024-09-18', NULL, NULL);
INSERT INTO finance (provider_id, assessed, risk) VALUES
  ('SOM04', '2024-05-13', 'medium');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM04', '2023-05-16', 'contract');

-- SOM05 Elm Park Nursing Centre: a large Good block provider of strategic
-- importance (market risk); audited accounts assessed low risk. The 2024
-- questionnaire came back late and the annual contract visit is overdue.
-- As of 2025-01-31: meets_minimum_standard true, provider_default false,
-- rag amber (market risk), audited_accounts_required true,
-- questionnaire_return late, next_contract_visit overdue (due 2024-11-20).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM05', '2023-10-05', 'good', 'good', 'good', 'outstanding', 'good', 'good');
INSERT INTO finance (provider_id, assessed, risk) VALUES
  ('SOM05', '2024-06-28', 'low');
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM05', '2024-06-03', '2024-07-15');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM05', '2022-11-15', 'contract'),
  ('SOM05', '2023-11-20', 'contract');
INSERT INTO feedback (provider_id, received, source, concern) VALUES
  ('SOM05', '2024-10-22', 'healthwatch', 0);

-- SOM06 Foxglove Home Care: Good, but the questionnaire issued 2024-11-04
-- (due 2024-12-02) is not back; it is returned on 2025-02-10, after the
-- as-of date.
-- As of 2025-01-31: questionnaire_return overdue, rag amber,
-- next_contract_visit pending (12 months, due 2025-03-12).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM06', '2022-12-01', 'good', 'good', 'good', 'good', 'good', 'good');
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM06', '2023-11-06', '2023-11-28'),
  ('SOM06', '2024-11-04', '2025-02-10');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM06', '2024-03-12', 'contract');

-- SOM07 Gorse View: Good, but three Service Quality Feedback items raising
-- concerns in the last six months (a fourth, on 2024-07-31, is just outside
-- the window; a compliment does not count).
-- As of 2025-01-31: rag amber (3 >= sqf_concern_threshold 3; green with
-- --param sqf_concern_threshold=4), provider_default false,
-- next_contract_visit overdue (due 2024-06-01).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM07', '2023-04-20', 'good', 'good', 'good', 'good', 'good', 'good');
INSERT INTO feedback (provider_id, received, source, concern) VALUES
  ('SOM07', '2024-07-31', 'public',        1),
  ('SOM07', '2024-09-02', 'relative',      1),
  ('SOM07', '2024-11-15', 'professional',  1),
  ('SOM07', '2024-12-01', 'service_user',  0),
  ('SOM07', '2025-01-20', 'whistleblower', 1);
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM07', '2024-05-07', '2024-05-28');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM07', '2023-06-01', 'contract');

-- SOM08 Hawthorn Grange: rated Good, but a Whole Service Concern
-- safeguarding opened 2024-11-25 and is still open (it closes 2025-02-20).
-- As of 2025-01-31: meets_minimum_standard true, yet provider_default true
-- (active WSC), rag red, quality_stage none, recommend_quality_improvement
-- true, next_contract_visit suspended.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM08', '2023-08-09', 'good', 'good', 'good', 'good', 'good', 'good');
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('SOM08', '2024-10-20', 'alert',                 '2024-11-01'),
  ('SOM08', '2024-11-25', 'whole_service_concern', '2025-02-20');
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('SOM08', 'not_placing', '2024-11-26', 'Chris Lane, 01823 355 047'),
  ('SOM08', 'placing',     '2025-02-21', 'Chris Lane, 01823 355 047');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM08', '2024-04-17', 'contract');
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM08', '2024-04-02', '2024-04-29');

-- SOM09 Ivy Bank: Good, but the latest financial assessment (2024-10-15)
-- scores high risk.
-- As of 2025-01-31: rag red while provider_default false (finance alone is
-- not a default), recommend_quality_improvement false, next_contract_visit
-- pending (12 months because not green; due 2025-02-01, one day left).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM09', '2024-01-16', 'good', 'good', 'good', 'good', 'good', 'good');
INSERT INTO finance (provider_id, assessed, risk) VALUES
  ('SOM09', '2023-09-12', 'low'),
  ('SOM09', '2024-10-15', 'high');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM09', '2024-02-01', 'contract');

-- SOM10 Juniper Court: Requires improvement in September 2024; handled in
-- the informal process (open since 2024-11-01). No contract visit yet since
-- the contract began on 2023-04-01 (a quality assurance visit does not
-- count).
-- As of 2025-01-31: provider_default true, quality_stage informal,
-- recommend_quality_improvement true, rag amber, next_contract_visit
-- overdue (contract_start + 12 months = 2024-04-01).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM10', '2021-11-18', 'good',                 'good',                 'good', 'good', 'good', 'good'),
  ('SOM10', '2024-09-12', 'requires_improvement', 'requires_improvement', 'good', 'good', 'good', 'requires_improvement');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('INF-SOM10-1', 'SOM10', 'informal', '2024-11-01', NULL, 'low', 0, NULL);
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM10', '2024-10-10', 'quality_assurance');
INSERT INTO feedback (provider_id, received, source, concern) VALUES
  ('SOM10', '2024-10-03', 'service_user', 1);

-- SOM11 Kingfisher Lodge: a new service (contract from 2024-09-01) not yet
-- inspected; its first CQC rating is published on 2025-02-18, after the
-- as-of date. No questionnaire has been issued.
-- As of 2025-01-31: meets_minimum_standard undetermined (no inspection),
-- provider_default false, rag green, questionnaire_return undetermined,
-- next_contract_visit pending (24 months from contract start: 2026-09-01).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM11', '2025-02-18', 'good', 'good', 'good', 'good', 'good', 'good');

-- SOM12 Larch House: Good, but Caring was not rated in the last report;
-- neither a contract visit nor the contract start date is recorded. A
-- questionnaire went out on 2025-01-13.
-- As of 2025-01-31: meets_minimum_standard undetermined (NULL key
-- question), provider_default false, rag green, questionnaire_return
-- pending (due 2025-02-10), next_contract_visit undetermined (no base
-- date).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM12', '2024-05-22', 'good', 'good', 'good', NULL, 'good', 'good');
INSERT INTO questionnaires (provider_id, issued, returned) VALUES
  ('SOM12', '2025-01-13', NULL);

-- SOM13 Maple Lodge: dropped from Good to Requires improvement in October
-- 2024; Quality Improvement opened on 2024-12-02, less than 3 months ago.
-- As of 2025-01-31: provider_default true, quality_stage
-- quality_improvement, recommend_board_referral false (true from
-- 2025-03-02), rag amber, next_contract_visit suspended.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM13', '2022-01-27', 'good',                 'good', 'good',                 'good', 'good',                 'good'),
  ('SOM13', '2024-10-20', 'requires_improvement', 'good', 'requires_improvement', 'good', 'requires_improvement', 'good');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QI-SOM13-1', 'SOM13', 'quality_improvement', '2024-12-02', NULL, 'medium', 0, NULL);
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM13', '2023-09-19', 'contract');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('QIM-SOM13-1', 'qim', 'SOM13', 'QI-SOM13-1', '2025-01-15', '2025-01-15', NULL);

-- SOM14 Nettle House: two Inadequate ratings; the Final Warning Notice of
-- 2024-03-15 expired without sustained improvement and the Board issued a
-- termination letter on 2024-10-31.
-- As of 2025-01-31: quality_stage termination, final_warning_deadline
-- overdue (due 2024-09-15), termination_may_be_considered false (the
-- final warning is no longer in force), rag red, provider_default true.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM14', '2023-05-24', 'inadequate', 'inadequate', 'inadequate',           'requires_improvement', 'requires_improvement', 'inadequate'),
  ('SOM14', '2024-02-08', 'inadequate', 'inadequate', 'requires_improvement', 'good',                 'requires_improvement', 'inadequate');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('BR-SOM14-1', 'SOM14', 'board_referral', '2023-06-07', '2024-10-31', 'high', 0, 'not_improved');
INSERT INTO notices (provider_id, kind, issued, closed, outcome) VALUES
  ('SOM14', 'rectification_notice', '2023-09-13', '2024-03-15', 'escalated'),
  ('SOM14', 'final_warning_notice', '2024-03-15', '2024-10-31', 'escalated'),
  ('SOM14', 'termination',          '2024-10-31', NULL,         NULL);
INSERT INTO evidence (provider_id, assessed, sustained) VALUES
  ('SOM14', '2024-06-19', 0),
  ('SOM14', '2024-09-18', 0);
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('SOM14', 'not_placing', '2023-05-25', 'Sam Patel, 01823 355 022');

-- SOM15 Oak Tree House: Requires improvement; Quality Improvement failed
-- and the provider was referred to the Board on 2024-08-01. An earlier
-- Whole Service Concern (2023) is closed, as is a contract performance
-- notice.
-- As of 2025-01-31: quality_stage board, provider_default true,
-- recommend_board_referral false (already referred), rag amber,
-- next_contract_visit suspended.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('SOM15', '2024-03-05', 'requires_improvement', 'requires_improvement', 'good', 'good', 'good', 'requires_improvement');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QI-SOM15-1', 'SOM15', 'quality_improvement', '2024-03-20', '2024-08-01', 'medium', 0, 'not_improved'),
  ('BR-SOM15-1', 'SOM15', 'board_referral',      '2024-08-01', NULL,         'medium', 0, NULL);
INSERT INTO notices (provider_id, kind, issued, closed, outcome) VALUES
  ('SOM15', 'contract_performance_notice', '2024-05-08', '2024-08-01', 'escalated');
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('SOM15', '2023-02-01', 'whole_service_concern', '2023-06-30');
INSERT INTO visits (provider_id, held, kind) VALUES
  ('SOM15', '2023-01-24', 'contract');

-- ---------------------------------------------------------------------
-- Somerset Care Provider Commissioning & Quality Board (App.4 ToR)
-- ---------------------------------------------------------------------
-- Six members; cjones (strategic commissioner) left on 2024-06-30 and was
-- replaced by dowen. As of 2025-01-31 the subjects are aprice, bkhan,
-- dowen, efarr and gross.
-- attendance_ok as of 2025-01-31 (last 4 meetings: BRD-2024-02..05):
-- aprice, bkhan, gross true; dowen true (only 3 meetings since joining,
-- attended all); efarr false (absent from BRD-2024-03 and BRD-2024-04).
INSERT INTO board_members (person, role, since, until) VALUES
  ('aprice', 'ccg_safeguarding_commissioning', '2019-04-01', NULL),
  ('bkhan',  'la_quality_performance_manager', '2020-01-06', NULL),
  ('cjones', 'la_strategic_commissioner',      '2018-09-01', '2024-06-30'),
  ('dowen',  'la_strategic_commissioner',      '2024-07-01', NULL),
  ('efarr',  'ccg_deputy_director_quality',    '2021-02-01', NULL),
  ('gross',  'la_procurement_manager',         '2022-05-01', NULL);

-- Board meetings in 2024 (plus the next one, not yet held).
--   BRD-2024-01: quorate (present 4), papers on time, independent member.
--   BRD-2024-02: NOT quorate: the strategic commissioner only sent
--                apologies (missing_roles [la_strategic_commissioner]);
--                decisions not valid; papers late; no independent member.
--   BRD-2024-03: quorate with exactly 3 members (a CQC observer, role
--                `other`, does not count); papers not recorded (so not on
--                time); independent member.
--   BRD-2024-04: dowen listed twice, counts once: quorate, present 4;
--                papers exactly 7 days before (on time); no independent.
--   BRD-2024-05: quorate, present 6 (the minute-taker's role `minutes` is
--                a board role); papers late; independent member.
--   BRD-2025-01: scheduled 2025-02-12, not held: not a subject.
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

-- =====================================================================
-- LAMBETH (policies/lambeth.qpl): Provider Concerns Process
-- =====================================================================
-- Working days use the england_and_wales calendar; the day the process is
-- opened is not counted.

INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, market_risk, chc_funded, contract_start, annual_spend, people_supported) VALUES
  ('LAM01', 'Riverside Nursing Home',     'lambeth', 'nursing',                1, 0, 1, '2018-04-01', 1320000, 40),
  ('LAM02', 'Brixton Hill Lodge',         'lambeth', 'residential',            1, 0, 0, '2020-10-01',  690000, 26),
  ('LAM03', 'Coldharbour House',          'lambeth', 'specialist_residential', 1, 0, 0, '2019-01-07',  880000, 14),
  ('LAM04', 'Stockwell Support Service',  'lambeth', 'supported_living',       0, 0, 0, '2022-06-01',  260000, 18),
  ('LAM05', 'Kennington Court',           'lambeth', 'residential',            1, 0, 0, '2017-11-01',  730000, 30),
  ('LAM06', 'Vauxhall Gardens',           'lambeth', 'nursing',                1, 0, 1, '2016-04-01', 1540000, 45),
  ('LAM07', 'Herne Hill Home Care',       'lambeth', 'domiciliary',            1, 0, 0, '2021-02-01',  410000, 70),
  ('LAM08', 'Loughborough Park',          'lambeth', 'residential',            1, 0, 0, '2019-07-01',  600000, 23),
  ('LAM09', 'Streatham Vale',             'lambeth', 'residential',            1, 0, 0, '2020-03-02',  570000, 25);

-- LAM01 Riverside Nursing Home: provider concerns opened Friday 2024-12-20,
-- the Friday before Christmas (25, 26 Dec and 1 Jan are bank holidays), high
-- risk. Step 1 due 2024-12-31 (5 working days), initial meeting due
-- 2025-01-08 (10 working days). Seven actions done; the risk management
-- plan is done only on 2025-02-03 and commissioning intentions not at all.
-- Placements restricted; not_placing from 2025-02-03 (not yet visible).
-- As of 2025-01-31: missing_step1_actions [risk_management_plan,
-- commissioning_intentions], step1_actions overdue, initial_meeting met
-- (held on the due day), escalation_triggers_required true,
-- contingency_meeting_required false, can_close false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM01-1', 'LAM01', 'provider_concerns', '2024-12-20', NULL, 'high', 0, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM01-1', 'inform_internal_teams',       '2024-12-20'),
  ('PC-LAM01-1', 'contact_cqc',                 '2024-12-23'),
  ('PC-LAM01-1', 'welfare_checks',              '2024-12-23'),
  ('PC-LAM01-1', 'contact_placing_authorities', '2024-12-24'),
  ('PC-LAM01-1', 'agree_chair',                 '2024-12-24'),
  ('PC-LAM01-1', 'convene_information_meeting', '2024-12-27'),
  ('PC-LAM01-1', 'arrange_provider_meeting',    '2025-01-06'),
  ('PC-LAM01-1', 'risk_management_plan',        '2025-02-03'),
  ('PC-LAM01-1', 'commissioning_intentions',    NULL);
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM01-1', 'provider_information', 'LAM01', 'PC-LAM01-1', '2025-01-08', '2025-01-08', NULL),
  ('PM-LAM01-1',  'provider',             'LAM01', 'PC-LAM01-1', '2025-02-05', NULL,         NULL);
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('LAM01', 'restricted',  '2024-12-20', NULL),
  ('LAM01', 'not_placing', '2025-02-03', NULL);
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('LAM01', '2024-11-28', 'requires_improvement', 'inadequate', 'requires_improvement', 'good', 'good', 'requires_improvement');

-- LAM02 Brixton Hill Lodge: provider concerns opened on Saturday
-- 2024-11-16, medium risk. Step 1 due 2024-11-22, initial meeting due
-- 2024-11-29. All nine required actions done, the last on 2024-11-27; the
-- information meeting slipped from 2024-11-28 to 2024-12-04.
-- As of 2025-01-31: missing_step1_actions [], step1_actions late,
-- initial_meeting late, escalation_triggers_required false,
-- contingency_meeting_required false, can_close false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM02-1', 'LAM02', 'provider_concerns', '2024-11-16', NULL, 'medium', 0, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM02-1', 'inform_internal_teams',       '2024-11-18'),
  ('PC-LAM02-1', 'contact_cqc',                 '2024-11-18'),
  ('PC-LAM02-1', 'welfare_checks',              '2024-11-19'),
  ('PC-LAM02-1', 'contact_placing_authorities', '2024-11-20'),
  ('PC-LAM02-1', 'agree_chair',                 '2024-11-20'),
  ('PC-LAM02-1', 'convene_information_meeting', '2024-11-21'),
  ('PC-LAM02-1', 'arrange_provider_meeting',    '2024-11-25'),
  ('PC-LAM02-1', 'risk_management_plan',        '2024-11-26'),
  ('PC-LAM02-1', 'commissioning_intentions',    '2024-11-27');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM02-1', 'provider_information', 'LAM02', 'PC-LAM02-1', '2024-11-28', '2024-12-04', NULL),
  ('PM-LAM02-1',  'provider',             'LAM02', 'PC-LAM02-1', '2024-12-18', '2024-12-18', NULL);
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('LAM02', 'placing', '2024-12-18', NULL);

-- LAM03 Coldharbour House: provider concerns opened on the Summer bank
-- holiday, Monday 2024-08-26; possible criminal matters (the police were
-- consulted); high risk and Lambeth stopped placing. Step 1 due
-- 2024-09-02, initial meeting due 2024-09-09; everything on time.
-- As of 2025-01-31: required_step1_actions includes consult_police,
-- missing_step1_actions [], step1_actions met, initial_meeting met,
-- escalation_triggers_required true, contingency_meeting_required true,
-- can_close false (the evidence assessed on 2024-12-18 does not
-- show sustained improvement).
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM03-1', 'LAM03', 'provider_concerns', '2024-08-26', NULL, 'high', 1, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM03-1', 'inform_internal_teams',       '2024-08-27'),
  ('PC-LAM03-1', 'contact_cqc',                 '2024-08-27'),
  ('PC-LAM03-1', 'welfare_checks',              '2024-08-27'),
  ('PC-LAM03-1', 'consult_police',              '2024-08-27'),
  ('PC-LAM03-1', 'contact_placing_authorities', '2024-08-28'),
  ('PC-LAM03-1', 'agree_chair',                 '2024-08-28'),
  ('PC-LAM03-1', 'convene_information_meeting', '2024-08-28'),
  ('PC-LAM03-1', 'arrange_provider_meeting',    '2024-08-29'),
  ('PC-LAM03-1', 'risk_management_plan',        '2024-08-30'),
  ('PC-LAM03-1', 'commissioning_intentions',    '2024-08-30');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM03-1', 'provider_information', 'LAM03', 'PC-LAM03-1', '2024-09-05', '2024-09-05', NULL),
  ('CON-LAM03-1', 'contingency',          'LAM03', 'PC-LAM03-1', '2024-10-02', '2024-10-02', NULL);
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('LAM03', 'placing',     '2022-05-03', NULL),
  ('LAM03', 'not_placing', '2024-08-27', NULL);
INSERT INTO evidence (provider_id, assessed, sustained) VALUES
  ('LAM03', '2024-12-18', 0);
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('LAM03', '2024-08-22', 'enquiry', NULL);

-- LAM04 Stockwell Support Service: not CQC registered (housing support
-- without personal care); provider concerns opened Monday 2025-01-27, low
-- risk. Step 1 due 2025-02-03, initial meeting due 2025-02-10 (scheduled
-- 2025-02-06).
-- As of 2025-01-31: required_step1_actions without contact_cqc,
-- missing_step1_actions [convene_information_meeting,
-- arrange_provider_meeting, risk_management_plan, commissioning_intentions],
-- step1_actions pending, initial_meeting pending,
-- escalation_triggers_required false, contingency_meeting_required false,
-- can_close false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM04-1', 'LAM04', 'provider_concerns', '2025-01-27', NULL, 'low', 0, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM04-1', 'inform_internal_teams',       '2025-01-27'),
  ('PC-LAM04-1', 'welfare_checks',              '2025-01-28'),
  ('PC-LAM04-1', 'agree_chair',                 '2025-01-28'),
  ('PC-LAM04-1', 'contact_placing_authorities', '2025-01-29');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM04-1', 'provider_information', 'LAM04', 'PC-LAM04-1', '2025-02-06', NULL, NULL);

-- LAM05 Kennington Court: provider concerns opened Monday 2024-12-02; the
-- risk has never been assessed (risk NULL). Only three actions done; the
-- information meeting scheduled for 2024-12-13 never took place.
-- As of 2025-01-31: step1_actions overdue (due 2024-12-09),
-- initial_meeting overdue (due 2024-12-16), escalation_triggers_required
-- undetermined (risk not recorded), contingency_meeting_required false
-- (Lambeth is placing), can_close false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM05-1', 'LAM05', 'provider_concerns', '2024-12-02', NULL, NULL, 0, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM05-1', 'inform_internal_teams', '2024-12-02'),
  ('PC-LAM05-1', 'contact_cqc',           '2024-12-03'),
  ('PC-LAM05-1', 'welfare_checks',        '2024-12-04');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM05-1', 'provider_information', 'LAM05', 'PC-LAM05-1', '2024-12-13', NULL, NULL);
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('LAM05', 'placing', '2023-03-15', NULL);

-- LAM06 Vauxhall Gardens: provider concerns opened Monday 2024-06-03,
-- everything on time; sustained improvement accepted 2024-12-10, report to
-- the Safeguarding Adults Board 2025-01-15 and CQC notified 2025-01-16.
-- The process formally closes on 2025-02-05 (after the as-of date).
-- As of 2025-01-31: step1_actions met (due 2024-06-10), initial_meeting
-- met (due 2024-06-17), escalation_triggers_required false, can_close true.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM06-1', 'LAM06', 'provider_concerns', '2024-06-03', '2025-02-05', 'medium', 0, 'improved');
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM06-1', 'inform_internal_teams',       '2024-06-03'),
  ('PC-LAM06-1', 'contact_cqc',                 '2024-06-03'),
  ('PC-LAM06-1', 'welfare_checks',              '2024-06-04'),
  ('PC-LAM06-1', 'contact_placing_authorities', '2024-06-04'),
  ('PC-LAM06-1', 'agree_chair',                 '2024-06-05'),
  ('PC-LAM06-1', 'convene_information_meeting', '2024-06-05'),
  ('PC-LAM06-1', 'arrange_provider_meeting',    '2024-06-06'),
  ('PC-LAM06-1', 'risk_management_plan',        '2024-06-07'),
  ('PC-LAM06-1', 'commissioning_intentions',    '2024-06-07'),
  ('PC-LAM06-1', 'report_to_sab',               '2025-01-15'),
  ('PC-LAM06-1', 'notify_cqc_closure',          '2025-01-16');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM06-1', 'provider_information', 'LAM06', 'PC-LAM06-1', '2024-06-12', '2024-06-12', NULL),
  ('PM-LAM06-1',  'provider',             'LAM06', 'PC-LAM06-1', '2024-07-03', '2024-07-03', NULL),
  ('PM-LAM06-2',  'provider',             'LAM06', 'PC-LAM06-1', '2025-02-05', NULL,         NULL);
INSERT INTO evidence (provider_id, assessed, sustained) VALUES
  ('LAM06', '2024-09-25', 0),
  ('LAM06', '2024-12-10', 1);

-- LAM07 Herne Hill Home Care: a 2023 process (PC-LAM07-1) that closed
-- properly, and a new one (PC-LAM07-2) opened Monday 2024-10-07. The 2023
-- evidence and Step 5 actions belong to the old process and do not close
-- the new one.
-- As of 2025-01-31: PC-LAM07-1 can_close true, step1_actions met,
-- initial_meeting met. PC-LAM07-2 step1_actions met (due 2024-10-14),
-- initial_meeting late (due 2024-10-21, held 2024-10-24), can_close false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM07-1', 'LAM07', 'provider_concerns', '2023-01-09', '2023-06-30', 'low',    0, 'improved'),
  ('PC-LAM07-2', 'LAM07', 'provider_concerns', '2024-10-07', NULL,         'medium', 0, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM07-1', 'inform_internal_teams',       '2023-01-09'),
  ('PC-LAM07-1', 'contact_cqc',                 '2023-01-09'),
  ('PC-LAM07-1', 'welfare_checks',              '2023-01-10'),
  ('PC-LAM07-1', 'contact_placing_authorities', '2023-01-10'),
  ('PC-LAM07-1', 'agree_chair',                 '2023-01-11'),
  ('PC-LAM07-1', 'convene_information_meeting', '2023-01-11'),
  ('PC-LAM07-1', 'arrange_provider_meeting',    '2023-01-12'),
  ('PC-LAM07-1', 'risk_management_plan',        '2023-01-13'),
  ('PC-LAM07-1', 'commissioning_intentions',    '2023-01-16'),
  ('PC-LAM07-1', 'report_to_sab',               '2023-06-20'),
  ('PC-LAM07-1', 'notify_cqc_closure',          '2023-06-21'),
  ('PC-LAM07-2', 'inform_internal_teams',       '2024-10-07'),
  ('PC-LAM07-2', 'contact_cqc',                 '2024-10-08'),
  ('PC-LAM07-2', 'welfare_checks',              '2024-10-08'),
  ('PC-LAM07-2', 'contact_placing_authorities', '2024-10-09'),
  ('PC-LAM07-2', 'agree_chair',                 '2024-10-09'),
  ('PC-LAM07-2', 'convene_information_meeting', '2024-10-10'),
  ('PC-LAM07-2', 'arrange_provider_meeting',    '2024-10-10'),
  ('PC-LAM07-2', 'risk_management_plan',        '2024-10-11'),
  ('PC-LAM07-2', 'commissioning_intentions',    '2024-10-14');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM07-1', 'provider_information', 'LAM07', 'PC-LAM07-1', '2023-01-19', '2023-01-19', NULL),
  ('PIM-LAM07-2', 'provider_information', 'LAM07', 'PC-LAM07-2', '2024-10-17', '2024-10-24', NULL);
INSERT INTO evidence (provider_id, assessed, sustained) VALUES
  ('LAM07', '2023-05-15', 1),
  ('LAM07', '2025-01-20', 0);

-- LAM08 Loughborough Park: provider concerns opened Wednesday 2025-01-15,
-- risk not yet recorded, and Lambeth stopped placing on 2025-01-16. Step 1
-- complete on time; the information meeting due 2025-01-29 is held only
-- on 2025-02-04.
-- As of 2025-01-31: step1_actions met (due 2025-01-22), initial_meeting
-- overdue, escalation_triggers_required undetermined,
-- contingency_meeting_required undetermined (risk NULL, not_placing),
-- can_close false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM08-1', 'LAM08', 'provider_concerns', '2025-01-15', NULL, NULL, 0, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM08-1', 'inform_internal_teams',       '2025-01-15'),
  ('PC-LAM08-1', 'contact_cqc',                 '2025-01-15'),
  ('PC-LAM08-1', 'welfare_checks',              '2025-01-16'),
  ('PC-LAM08-1', 'contact_placing_authorities', '2025-01-16'),
  ('PC-LAM08-1', 'agree_chair',                 '2025-01-17'),
  ('PC-LAM08-1', 'convene_information_meeting', '2025-01-17'),
  ('PC-LAM08-1', 'arrange_provider_meeting',    '2025-01-20'),
  ('PC-LAM08-1', 'risk_management_plan',        '2025-01-21'),
  ('PC-LAM08-1', 'commissioning_intentions',    '2025-01-22');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('PIM-LAM08-1', 'provider_information', 'LAM08', 'PC-LAM08-1', '2025-01-28', '2025-02-04', NULL);
INSERT INTO placements (provider_id, status, decided, contact) VALUES
  ('LAM08', 'not_placing', '2025-01-16', NULL);

-- LAM09 Streatham Vale: rated Good; a provider concerns process is opened
-- only on 2025-02-10.
-- As of 2025-01-31: no subject (the process does not exist yet).
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('LAM09', '2023-12-05', 'good', 'good', 'good', 'good', 'good', 'good');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LAM09-1', 'LAM09', 'provider_concerns', '2025-02-10', NULL, 'medium', 0, NULL);
INSERT INTO actions (process_id, action, done) VALUES
  ('PC-LAM09-1', 'inform_internal_teams', '2025-02-10');

-- =====================================================================
-- LEWISHAM (policies/lewisham.qpl): early signs of poor care
-- =====================================================================
-- Defaults: alert_threshold 5 (alerts in the last 90 days),
-- agency_threshold 2 (distinct agencies in the last 12 months),
-- sustained_months 6.

INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, market_risk, chc_funded, contract_start, annual_spend, people_supported) VALUES
  ('LEW01', 'Meridian Brain Injury Centre', 'lewisham', 'specialist_residential', 1, 1, 1, '2016-09-01', 2600000, 34),
  ('LEW02', 'Ladywell Nursing Home',        'lewisham', 'nursing',                1, 0, 1, '2018-02-01', 1390000, 41),
  ('LEW03', 'Catford Rise',                 'lewisham', 'residential',            1, 0, 0, '2020-05-01',  640000, 24),
  ('LEW04', 'Forest Hill Court',            'lewisham', 'residential',            1, 0, 0, '2019-03-01',  700000, 28),
  ('LEW05', 'Brockley Home Care',           'lewisham', 'domiciliary',            1, 0, 0, '2021-10-01',  350000, 60),
  ('LEW06', 'Sydenham Lodge',               'lewisham', 'residential',            1, 0, 0, '2018-08-01',  590000, 22),
  ('LEW07', 'Deptford Supported Living',    'lewisham', 'supported_living',       1, 0, 0, '2022-01-04',  420000, 16),
  ('LEW08', 'Blackheath Neuro Rehab',       'lewisham', 'specialist_residential', 1, 0, 1, '2017-06-01', 1980000, 26),
  ('LEW09', 'Grove Park House',             'lewisham', 'nursing',                1, 0, 1, '2019-11-01', 1260000, 37);

-- LEW01 Meridian Brain Injury Centre: six safeguarding alerts in the last
-- 90 days (a seventh on 2025-02-03 is not yet visible; an enquiry is not an
-- alert) and interventions by CQC, the fire service and the police. Quality
-- improvement opened only in November 2024; no risk summit yet.
-- As of 2025-01-31: alerts_last_90_days 6, high_alert_volume true,
-- agencies_intervening 3, multi_agency_concern true, sustained_concerns
-- false, warning_signs 2, enhanced_surveillance true,
-- risk_summit_recommended true, in_risk_summit false.
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('LEW01', '2024-11-08', 'alert',   '2024-11-20'),
  ('LEW01', '2024-11-21', 'alert',   '2024-12-02'),
  ('LEW01', '2024-12-03', 'alert',   NULL),
  ('LEW01', '2024-12-17', 'alert',   NULL),
  ('LEW01', '2024-12-18', 'enquiry', NULL),
  ('LEW01', '2025-01-09', 'alert',   NULL),
  ('LEW01', '2025-01-24', 'alert',   NULL),
  ('LEW01', '2025-02-03', 'alert',   NULL);
INSERT INTO interventions (provider_id, agency, dated) VALUES
  ('LEW01', 'cqc',          '2024-10-15'),
  ('LEW01', 'fire_service', '2024-12-05'),
  ('LEW01', 'police',       '2025-01-10');
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QI-LEW01-1', 'LEW01', 'quality_improvement', '2024-11-20', NULL, 'high', 0, NULL);
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('LEW01', '2024-10-15', 'requires_improvement', 'inadequate', 'requires_improvement', 'good', 'requires_improvement', 'requires_improvement');

-- LEW02 Ladywell Nursing Home: already in a risk summit process (opened
-- 2024-10-14), with provider concerns open since March 2024 and three
-- agencies involved; three alerts in the last 90 days.
-- As of 2025-01-31: alerts_last_90_days 3, high_alert_volume false,
-- agencies_intervening 3, multi_agency_concern true, sustained_concerns
-- true, warning_signs 2, enhanced_surveillance true,
-- risk_summit_recommended false, in_risk_summit true.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LEW02-1', 'LEW02', 'provider_concerns', '2024-03-04', NULL, 'high', 0, NULL),
  ('RS-LEW02-1', 'LEW02', 'risk_summit',       '2024-10-14', NULL, 'high', 0, NULL);
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('LEW02', '2024-11-19', 'alert', '2024-12-10'),
  ('LEW02', '2024-12-30', 'alert', NULL),
  ('LEW02', '2025-01-21', 'alert', NULL);
INSERT INTO interventions (provider_id, agency, dated) VALUES
  ('LEW02', 'la_safeguarding', '2024-04-10'),
  ('LEW02', 'cqc',             '2024-06-20'),
  ('LEW02', 'nhs_england',     '2024-10-14');
INSERT INTO meetings (id, kind, provider_id, process_id, scheduled, held, papers_issued) VALUES
  ('RSM-LEW02-1', 'risk_summit', 'LEW02', 'RS-LEW02-1', '2024-10-21', '2024-10-21', '2024-10-16'),
  ('RSM-LEW02-2', 'risk_summit', 'LEW02', 'RS-LEW02-1', '2025-01-20', '2025-01-20', '2025-01-13');

-- LEW03 Catford Rise: quality improvement open since 2024-06-10, more than
-- six months; otherwise quiet.
-- As of 2025-01-31: alerts_last_90_days 1, agencies_intervening 1,
-- sustained_concerns true, warning_signs 1, enhanced_surveillance true,
-- risk_summit_recommended false, in_risk_summit false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QI-LEW03-1', 'LEW03', 'quality_improvement', '2024-06-10', NULL, 'medium', 0, NULL);
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('LEW03', '2024-12-12', 'alert', '2024-12-20');
INSERT INTO interventions (provider_id, agency, dated) VALUES
  ('LEW03', 'commissioner', '2024-06-10');

-- LEW04 Forest Hill Court: exactly four alerts in the last 90 days (one
-- more on 2024-11-02 is exactly 90 days back, outside the window), one
-- agency.
-- As of 2025-01-31: alerts_last_90_days 4, high_alert_volume false
-- (true with --param alert_threshold=4), agencies_intervening 1,
-- warning_signs 0, enhanced_surveillance false.
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('LEW04', '2024-11-02', 'alert', '2024-11-12'),
  ('LEW04', '2024-11-15', 'alert', '2024-11-29'),
  ('LEW04', '2024-12-09', 'alert', NULL),
  ('LEW04', '2025-01-06', 'alert', NULL),
  ('LEW04', '2025-01-30', 'alert', NULL);
INSERT INTO interventions (provider_id, agency, dated) VALUES
  ('LEW04', 'cqc', '2024-12-20');

-- LEW05 Brockley Home Care: a quiet provider, nothing recorded.
-- As of 2025-01-31: alerts_last_90_days 0, agencies_intervening 0,
-- warning_signs 0, enhanced_surveillance false, risk_summit_recommended
-- false.
INSERT INTO inspections (provider_id, published, overall, safe, effective, caring, responsive, well_led) VALUES
  ('LEW05', '2023-06-14', 'good', 'good', 'good', 'good', 'good', 'good');

-- LEW06 Sydenham Lodge: quality improvement opened 2024-08-01, one day
-- short of six months; an old alert from March 2024.
-- As of 2025-01-31: sustained_concerns false (true as of 2025-02-01),
-- alerts_last_90_days 0, warning_signs 0, enhanced_surveillance false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('QI-LEW06-1', 'LEW06', 'quality_improvement', '2024-08-01', NULL, 'low', 0, NULL);
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('LEW06', '2024-03-14', 'alert', '2024-04-02');

-- LEW07 Deptford Supported Living: CQC intervened twice (one agency); the
-- fire service visit on 2024-01-31 is exactly 12 months back, outside the
-- window.
-- As of 2025-01-31: agencies_intervening 1, multi_agency_concern false,
-- warning_signs 0, enhanced_surveillance false.
INSERT INTO interventions (provider_id, agency, dated) VALUES
  ('LEW07', 'fire_service', '2024-01-31'),
  ('LEW07', 'cqc',          '2024-05-01'),
  ('LEW07', 'cqc',          '2024-09-12');

-- LEW08 Blackheath Neuro Rehab: left a risk summit in June 2024 and
-- relapsed: exactly five alerts in 90 days, police and local authority
-- safeguarding involved, provider concerns open since 2024-07-01.
-- As of 2025-01-31: alerts_last_90_days 5, high_alert_volume true,
-- agencies_intervening 2, multi_agency_concern true, sustained_concerns
-- true, warning_signs 3, enhanced_surveillance true,
-- risk_summit_recommended true, in_risk_summit false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('RS-LEW08-1', 'LEW08', 'risk_summit',       '2024-01-15', '2024-06-28', 'high', 0, 'improved'),
  ('PC-LEW08-1', 'LEW08', 'provider_concerns', '2024-07-01', NULL,         'high', 1, NULL);
INSERT INTO safeguarding (provider_id, raised, kind, closed) VALUES
  ('LEW08', '2024-11-05', 'alert', '2024-11-18'),
  ('LEW08', '2024-11-29', 'alert', NULL),
  ('LEW08', '2024-12-12', 'alert', NULL),
  ('LEW08', '2025-01-08', 'alert', NULL),
  ('LEW08', '2025-01-29', 'alert', NULL);
INSERT INTO interventions (provider_id, agency, dated) VALUES
  ('LEW08', 'nhs_england',     '2024-01-15'),
  ('LEW08', 'police',          '2024-12-02'),
  ('LEW08', 'la_safeguarding', '2024-12-03');

-- LEW09 Grove Park House: provider concerns opened 2024-07-31, exactly six
-- months before the as-of date; one agency (the commissioner).
-- As of 2025-01-31: sustained_concerns true, agencies_intervening 1,
-- warning_signs 1, enhanced_surveillance true, risk_summit_recommended
-- false.
INSERT INTO processes (id, provider_id, kind, opened, closed, risk, criminal, outcome) VALUES
  ('PC-LEW09-1', 'LEW09', 'provider_concerns', '2024-07-31', NULL, 'medium', 0, NULL);
INSERT INTO interventions (provider_id, agency, dated) VALUES
  ('LEW09', 'commissioner', '2024-09-04');
