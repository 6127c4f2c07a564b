-- North Lincolnshire CCG: action plan in response to Hard Truths
-- (policies/northlincs.qpl, source 004_0843d8ab6626a4c8.txt).
--
-- Load into a database made with the policy's own tables, then evaluate
-- AS OF 2014-09-30, seven months into the plan:
--   qpl init-db northlincs.db --policy policies/northlincs.qpl
--   sqlite3 northlincs.db < examples/northlincs.sql
--   qpl eval policies/northlincs.qpl --db northlincs.db --as-of 2014-09-30 --format text
--
-- Actions are named R<recommendation>.<n>, so that they sort in the plan's
-- order: R001.2 is the second action against recommendation 1, R138.1 the
-- action against recommendation 138. The summaries, leads and timescales
-- are those of the plan. Where the plan leaves a cell blank or gives only a
-- month, the day used here is this example's own, and the comment says so.
-- The reviews after February 2014, the evidence and the reports are this
-- example's own: the plan records its Progress column as it stood in
-- February 2014 only.
--
-- The stories, and what the policy decides as of 2014-09-30:
--   complete with evidence, on time  R001.1, R001.2, R128.1        Green, met
--   complete with evidence, late     R247.1                        Green, late
--   complete, no evidence            R204.1 (a date, passed)       Red, overdue
--                                    R141.1 (on-going)             Amber
--   on-going, in place, evidenced    R109.1, R136.1 (re-opened)    Green
--   overdue                          R002.1, R138.1                Red
--   nothing due yet                  R003.1 (awaiting re-launch)   Green
--                                    R139.1 (as assessed)          Green
--   no date set, or a date near      R012.1 (to be determined)     Amber
--                                    R127.1 (due in 15 days)       Amber
--                                    R007.1 (not yet commenced)    Amber
--   data missing                     R004.1, R037.1                RAG unknown
--   progress "N/A"                   R032.1, R253.1                RAG n/a
--   the plan: Red (three actions Red); Governing Body report overdue.
--
-- Useful dates as of 2014-09-30:
--   overdue                = due on or before 2014-09-29
--   due soon (30 days)     = due from 2014-09-30 up to 2014-10-30
--   Quality Review Meeting = every 3 months, Governing Body every 6 months,
--   publication every 12 months (the parameters' defaults).
-- Some rows are dated after 2014-09-30 on purpose: as of 2014-09-30 they do
-- not exist yet, so the same file can be replayed with a later --as-of
-- (as of 2015-01-31 the NHS Constitution has been re-launched and R003.1 is
-- overdue; R012.1's assurance schemes are in place, but not evidenced).

-- The plan, agreed by the Governing Body on 13 February 2014 (the plan says
-- "Presented to Governing Body February 2014"; the day is this example's).
INSERT INTO plans (id, title, agreed) VALUES
  ('NLCCG-HT', 'NLCCG action plan in response to the Hard Truths report', '2014-02-13');

-- Events outside the CCG that timescales wait for. The NHS Constitution is
-- re-launched on 3 November 2014 (after the as-of date: it has not happened
-- yet); the providers' draft Quality Accounts arrived on 30 May 2014; no
-- quality and risk profile has been published.
INSERT INTO plan_events (id, name, happened) VALUES
  ('constitution_relaunch', 'National re-launch of the NHS Constitution', '2014-11-03'),
  ('draft_quality_accounts', 'Draft Quality Accounts received from providers', '2014-05-30'),
  ('qrp_publication', 'Publication of the quality and risk profile', NULL);

INSERT INTO plan_actions (id, plan_id, recommendation, summary, key_area, lead, other_leads, timescale, due, event_id, within_months, added) VALUES
-- R001.1: the plan itself, "February 2014" (read as 28 February). Agreed at
-- the Governing Body on 13 February, minutes held: met, Green.
  ('R001.1', 'NLCCG-HT', 1, 'NLCCG to respond to relevant recommendations', 'Francis action plan in place',
   'director_risk_quality', 'Governing Body sign off', 'by_date', '2014-02-28', NULL, NULL, '2014-02-13'),
-- R001.2: the website notice posted on 28 February, the plan taken to the
-- public section of the Governing Body on 27 March ("28th Feb / March 2014",
-- read as 31 March): met on 27 March, Green.
  ('R001.2', 'NLCCG-HT', 1, 'Announce the decision on the recommendations and publish progress', 'Action plan with actions against relevant recommendations',
   'director_risk_quality', NULL, 'by_date', '2014-03-31', NULL, NULL, '2014-02-13'),
-- R002.1: "April 2014 & on-going" (read as 30 April). Still in progress in
-- May; the first Friends and Family Test results are held as evidence, but
-- evidence alone does not make an action complete: overdue since 1 May, Red.
  ('R002.1', 'NLCCG-HT', 2, 'A culture of patient focus in all provider and commissioning organisations', 'KPIs and CQUIN for patient experience',
   'all_executives', 'Contract team', 'by_date_then_ongoing', '2014-04-30', NULL, NULL, '2014-02-13'),
-- R003.1: "Within 2 months of re-launch". The re-launch is on 3 November,
-- after the as-of date: no date to meet yet, awaiting, Green. From 3
-- November it is due on 3 January 2015.
  ('R003.1', 'NLCCG-HT', 3, 'NHS Constitution is easily accessible to staff, patients and the public', 'Local re-launch by CCG',
   'all_executives', NULL, 'after_event', NULL, 'constitution_relaunch', 2, '2014-02-13'),
-- R004.1: the plan gives only the lead; no timescale and no progress are
-- recorded: the RAG rating cannot be worked out.
  ('R004.1', 'NLCCG-HT', 4, 'All staff made aware of the Statement of Common Purpose', NULL,
   'all_executives', NULL, NULL, NULL, NULL, NULL, '2014-02-13'),
-- R007.1: "Not yet commenced". The plan leaves the timescale blank; here the
-- Quality Review Meeting has set 31 October 2014, 31 days away (one more
-- than due_soon_days): Amber because it has not commenced.
  ('R007.1', 'NLCCG-HT', 7, 'A clear link between the NHS Constitution and appraisal and performance management', NULL,
   'all_senior_managers', 'HR', 'by_date', '2014-10-31', NULL, NULL, '2014-02-13'),
-- R012.1: "To be determined by assurance schemes", in progress: no date set,
-- Amber. The schemes are recorded in place on 30 October (for replay).
  ('R012.1', 'NLCCG-HT', 12, 'The Board recognises its responsibility for patient safety and fundamental standards', 'Provider assurance',
   'director_risk_quality', 'Contracting team', 'to_be_determined', NULL, NULL, NULL, '2014-02-13'),
-- R032.1: the CCG supports the regulators' actions "As required"; progress
-- "N/A": no rating and no date.
  ('R032.1', 'NLCCG-HT', 32, 'The CCG fully supports any actions taken by the regulators', 'CCG involvement',
   'accountable_officer', NULL, 'as_required', NULL, NULL, NULL, '2014-02-13'),
-- R037.1: "Awaiting Draft Quality Accounts from Providers". The drafts came
-- on 30 May, but the plan gives no period after them: the due date, and so
-- the rating, cannot be worked out until one is recorded.
  ('R037.1', 'NLCCG-HT', 37, 'Providers'' Quality Accounts demonstrate their compliance against standards', NULL,
   'director_risk_quality', NULL, 'after_event', NULL, 'draft_quality_accounts', NULL, '2014-02-13'),
-- R109.1: "On going"; complaints processes monitored routinely, reports
-- reviewed by contract compliance (evidence of 24 April): complete from 24
-- April, no date to meet, Green. (The plan rates it "N/A".)
  ('R109.1', 'NLCCG-HT', 109, 'Providers offer a wide range of ways to access their complaints process', NULL,
   'director_risk_quality', NULL, 'ongoing', NULL, NULL, NULL, '2014-02-13'),
-- R127.1: revised service specifications due 15 October (the plan says
-- "currently being revised"; the day is this example's): in progress, due
-- within 30 days, Amber.
  ('R127.1', 'NLCCG-HT', 127, 'Proper scrutiny of providers, based on sound commissioning contracts', NULL,
   'principal_contract_manager', NULL, 'by_date', '2014-10-15', NULL, NULL, '2014-02-13'),
-- R128.1: timescale "In place", progress "Completed", the support contract
-- as evidence: due and met on the day it was put in the plan, Green.
  ('R128.1', 'NLCCG-HT', 128, 'CCG to secure appropriate commissioning support services', NULL,
   'accountable_officer', NULL, 'in_place', NULL, NULL, NULL, '2014-02-13'),
-- R136.1: "Ongoing"; "Completed 2013/14", re-opened for the annual review in
-- May and re-published on 31 July: counted complete from 31 July, Green.
  ('R136.1', 'NLCCG-HT', 136, 'CCG to be a recognisable and visible public body', NULL,
   'accountable_officer', NULL, 'ongoing', NULL, NULL, NULL, '2014-02-13'),
-- R138.1: the timescale says "Contingency plans in place", the progress
-- "Plans to be developed": due on the day it was put in the plan, overdue,
-- Red.
  ('R138.1', 'NLCCG-HT', 138, 'Contingency plans to protect patients from substandard or unsafe services', NULL,
   'accountable_officer', 'DoC', 'in_place', NULL, NULL, NULL, '2014-02-13'),
-- R139.1: "As assessed"; awaiting NLAG's next CQC review: no date, Green.
  ('R139.1', 'NLCCG-HT', 139, 'Ensure fundamental standards are met', NULL,
   'accountable_officer', 'DoR&Q, Principal Contract Manager', 'as_required', NULL, NULL, NULL, '2014-02-13'),
-- R141.1: "On-going monitoring"; "Process in place", but no record of the
-- attendance at meetings is held: reported complete without evidence, Amber.
  ('R141.1', 'NLCCG-HT', 141, 'Commissioners and regulators act swiftly where patients are at risk', NULL,
   'accountable_officer', 'DoR&Q, Principal Contract Manager', 'ongoing', NULL, NULL, NULL, '2014-02-13'),
-- R204.1: "Nurse appointed to Governing Body", timescale and progress
-- "Completed", but no evidence is held, so it does not count as complete:
-- due on the day it was put in the plan, overdue, Red.
  ('R204.1', 'NLCCG-HT', 204, 'CCGs are required to have a nurse on their Governing Body', NULL,
   'accountable_officer', NULL, 'in_place', NULL, NULL, NULL, '2014-02-13'),
-- R247.1: Quality Accounts to be shared "by the end of June". They came on 4
-- July and the Quality Review Meeting recorded the action completed on 31
-- July: late (due 30 June), but complete, Green.
  ('R247.1', 'NLCCG-HT', 247, 'Quality Accounts shared with commissioners by the end of June', NULL,
   'director_risk_quality', 'Principal Contract Manager', 'by_date', '2014-06-30', NULL, NULL, '2014-02-13'),
-- R253.1: "Provider Action, CCG - for information", led by the providers
-- "On publication of quality and risk profile"; progress "N/A": no rating
-- and no date.
  ('R253.1', 'NLCCG-HT', 253, 'Validity of providers'' quality and risk profile', 'CCG - for information',
   'providers', NULL, 'after_event', NULL, 'qrp_publication', 0, '2014-02-13');

-- The Progress column at each review: as the plan gives it (13 February
-- 2014), then at the Quality Review Meetings. R004.1 has no progress
-- recorded. The review of 30 October is after the as-of date (for replay).
INSERT INTO plan_progress (action_id, reviewed, status, note) VALUES
  ('R001.1', '2014-02-13', 'completed',      'Presented to Governing Body February 2014'),
  ('R001.2', '2014-02-13', 'in_progress',    'Website notice to be agreed at Quality Review Meeting on 27 February'),
  ('R001.2', '2014-03-27', 'completed',      'Posted on website; submitted to the public section of the Governing Body'),
  ('R002.1', '2014-02-13', 'in_progress',    'FFT being implemented & developed'),
  ('R002.1', '2014-05-29', 'in_progress',    'Provider nursing strategies still awaited'),
  ('R003.1', '2014-02-13', 'awaiting',       'Awaiting re-launch'),
  ('R007.1', '2014-02-13', 'not_started',    'Not yet commenced'),
  ('R012.1', '2014-02-13', 'in_progress',    'In progress.'),
  ('R012.1', '2014-10-30', 'in_place',       'Assurance schemes agreed'),
  ('R032.1', '2014-02-13', 'not_applicable', 'N/A'),
  ('R037.1', '2014-02-13', 'awaiting',       'To be reviewed'),
  ('R109.1', '2014-02-13', 'in_place',       'Routine Monitoring'),
  ('R127.1', '2014-02-13', 'in_progress',    'Service specification currently being revised'),
  ('R128.1', '2014-02-13', 'completed',      'Completed'),
  ('R136.1', '2014-02-13', 'completed',      'Completed 2013/14'),
  ('R136.1', '2014-05-29', 'in_progress',    'Annual review and re-publish'),
  ('R136.1', '2014-07-31', 'completed',      'Annual commissioning plan re-published'),
  ('R138.1', '2014-02-13', 'in_progress',    'Plans to be developed. Business Continuity Plan in place.'),
  ('R139.1', '2014-02-13', 'awaiting',       'NLAG awaiting next review April 2014; RDaSH received full compliance'),
  ('R141.1', '2014-02-13', 'in_place',       'Process in place'),
  ('R204.1', '2014-02-13', 'completed',      'completed'),
  ('R247.1', '2014-02-13', 'in_progress',    'Quality account to be submitted appropriately'),
  ('R247.1', '2014-07-31', 'completed',      'Quality Accounts received and reviewed'),
  ('R253.1', '2014-02-13', 'not_applicable', 'N/A');

-- The evidence held. R204.1 and R141.1 have none; R002.1 has some, but is
-- not reported complete.
INSERT INTO plan_evidence (action_id, received, kind, description) VALUES
  ('R001.1', '2014-02-13', 'minutes',  'Minutes of Governing Body: action plan agreed'),
  ('R001.2', '2014-02-28', 'website',  'Website notice of the CCG''s position on the recommendations'),
  ('R001.2', '2014-03-27', 'minutes',  'Minutes of Governing Body (public section)'),
  ('R002.1', '2014-06-12', 'data',     'Friends and Family Test results, first quarter'),
  ('R109.1', '2014-04-24', 'report',   'Complaints reports reviewed by contract compliance'),
  ('R128.1', '2014-02-13', 'contract', 'Contract with NY&H Commissioning Support Unit'),
  ('R136.1', '2014-02-13', 'website',  'Constitution published; Governing Body held in public'),
  ('R136.1', '2014-07-31', 'website',  'Annual commissioning plan published'),
  ('R247.1', '2014-07-04', 'report',   'Quality Accounts received from NLAG and RDaSH');

-- Where the plan was reviewed, reported and published: agreed at the
-- Governing Body (in public), reviewed by the Quality Review Meeting,
-- announced on the website, then to the public section of the Governing
-- Body in March. The Governing Body has not had the plan since 27 March,
-- more than 6 months before the as-of date: its next report is overdue
-- (since 28 September). The next publication is due by 27 March 2015. The
-- Quality Review Meeting of 30 October is after the as-of date (for replay).
INSERT INTO plan_reports (plan_id, reported, forum, in_public) VALUES
  ('NLCCG-HT', '2014-02-13', 'governing_body',         1),
  ('NLCCG-HT', '2014-02-27', 'quality_review_meeting', 0),
  ('NLCCG-HT', '2014-02-28', 'website',                1),
  ('NLCCG-HT', '2014-03-27', 'governing_body',         1),
  ('NLCCG-HT', '2014-05-29', 'quality_review_meeting', 0),
  ('NLCCG-HT', '2014-08-28', 'quality_review_meeting', 0),
  ('NLCCG-HT', '2014-10-30', 'quality_review_meeting', 0);
