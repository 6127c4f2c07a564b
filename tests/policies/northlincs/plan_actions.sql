-- Actions of the plan NLCCG-HT used by the counting test in plan.qpl. The
-- test gives the progress and evidence; the comment on each row says what
-- the action's own decisions come to as of 2014-09-30.
INSERT INTO plan_actions (id, plan_id, recommendation, summary, lead, timescale, due, added) VALUES
-- complete with evidence: Green
  ('R001.1', 'NLCCG-HT', 1, 'NLCCG to respond to relevant recommendations', 'director_risk_quality', 'by_date', '2014-02-28', '2014-02-13'),
-- due 30 April, still in progress: overdue, Red
  ('R002.1', 'NLCCG-HT', 2, 'A culture of patient focus', 'all_executives', 'by_date_then_ongoing', '2014-04-30', '2014-02-13'),
-- no lead, no timescale and no progress recorded: RAG unknown
  ('R004.1', 'NLCCG-HT', 4, 'Statement of Common Purpose', NULL, NULL, NULL, '2014-02-13'),
-- not yet commenced, due next year: Amber
  ('R007.1', 'NLCCG-HT', 7, 'Appraisal linked to the NHS Constitution', 'all_senior_managers', 'by_date', '2015-03-31', '2014-02-13'),
-- progress N/A: RAG n/a
  ('R032.1', 'NLCCG-HT', 32, 'Support the regulators', 'accountable_officer', 'as_required', NULL, '2014-02-13'),
-- on-going, in place, no evidence: Amber
  ('R141.1', 'NLCCG-HT', 141, 'Act swiftly where patients are at risk', 'accountable_officer', 'ongoing', NULL, '2014-02-13'),
-- added on 1 October, after the as-of date: not yet part of the plan
  ('R150.1', 'NLCCG-HT', 150, 'An action added later', NULL, 'by_date', '2014-01-31', '2014-10-01');
