-- bench.sql: the decisions of bench/bench.qpl, hand-written in SQLite SQL.
--
-- Run it as `sqlite3 CASE.db < bench/bench.sql`. It prints exactly what
--   qpl eval bench/bench.qpl --db CASE.db --as-of 2025-01-31 --format jsonl
-- prints: one JSON object per line, one line per (provider, decision),
-- providers in id order and each provider's decisions in the policy's
-- order, undetermined values as null with qpl's reason, values that do not
-- apply with `"applicable": false` as well, and every line ending with the
-- as-of date. bench/compare.sh checks that.
--
-- The case database is only read: the working tables are TEMP tables.
-- The as-of date and the policy's parameters are in the first statement.
--
-- Semantics (docs/performance.md, decisions.md): a row dated after the
-- as-of date does not exist yet; a closed/returned date after it counts as
-- not closed/returned; "in the last N days/months" is as_of - N < d <= as_of;
-- "latest" breaks ties by the later rowid; month arithmetic keeps the day of
-- the month and clamps it to the end of the target month (2024-08-31 + 6
-- months = 2025-02-28), which SQLite's own '+N months' modifier does not do.
.bail on

-- The same SQLite settings as `qpl eval` uses on its read-only connection
-- (src/run.c: open_case_db), so that the comparison is of the evaluation,
-- not of the page cache. (Setting mmap_size prints the new value: hide it.)
.output /dev/null
PRAGMA cache_size = -16384;
PRAGMA mmap_size = 268435456;
.output stdout

CREATE TEMP TABLE p AS
SELECT '2025-01-31' AS as_of,
       5 AS alert_threshold,
       2 AS agency_threshold,
       6 AS sustained_months,
       3 AS sqf_concern_threshold;

-- Window boundaries, with clamped month arithmetic:
--   d - N months = min(first of d's month - N months + (day - 1) days,
--                      last day of that target month)
CREATE TEMP TABLE q AS
SELECT as_of, alert_threshold, agency_threshold, sqf_concern_threshold,
       date(as_of, '-90 days') AS after_90d,
       min(date(as_of, 'start of month', '-12 months', printf('+%d days', CAST(strftime('%d', as_of) AS INTEGER) - 1)),
           date(as_of, 'start of month', '-11 months', '-1 day')) AS after_12m,
       min(date(as_of, 'start of month', '-6 months', printf('+%d days', CAST(strftime('%d', as_of) AS INTEGER) - 1)),
           date(as_of, 'start of month', '-5 months', '-1 day')) AS after_6m,
       min(date(as_of, 'start of month', printf('-%d months', sustained_months),
                printf('+%d days', CAST(strftime('%d', as_of) AS INTEGER) - 1)),
           date(as_of, 'start of month', printf('-%d months', sustained_months - 1), '-1 day')) AS sustained_by
FROM p;

-- Step 1: the facts of each Lewisham provider, one correlated subquery each
-- (every one an index lookup on provider_id), in id order.
CREATE TEMP TABLE f (
    id TEXT PRIMARY KEY,
    reg, market_risk, chc_funded, contract_start,
    li, lf, lq, lv,                 -- rowids of the latest inspection, finance, questionnaire, contract visit
    a90, agencies, sustained, risk_summit, wsc, sqf, open_sg,
    st_termination, st_final_warning, st_rectification, st_board, st_qi, st_informal
) WITHOUT ROWID;

INSERT INTO f
SELECT pr.id, pr.cqc_registered, pr.market_risk, pr.chc_funded, pr.contract_start,
    (SELECT rowid FROM inspections x WHERE x.provider_id = pr.id AND x.published <= q.as_of
      ORDER BY x.published DESC, x.rowid DESC LIMIT 1),
    (SELECT rowid FROM finance x WHERE x.provider_id = pr.id AND x.assessed <= q.as_of
      ORDER BY x.assessed DESC, x.rowid DESC LIMIT 1),
    (SELECT rowid FROM questionnaires x WHERE x.provider_id = pr.id AND x.issued <= q.as_of
      ORDER BY x.issued DESC, x.rowid DESC LIMIT 1),
    (SELECT rowid FROM visits x WHERE x.provider_id = pr.id AND x.held <= q.as_of AND x.kind = 'contract'
      ORDER BY x.held DESC, x.rowid DESC LIMIT 1),
    (SELECT count(*) FROM safeguarding x WHERE x.provider_id = pr.id AND x.kind = 'alert'
        AND x.raised > q.after_90d AND x.raised <= q.as_of),
    (SELECT count(DISTINCT x.agency) FROM interventions x WHERE x.provider_id = pr.id
        AND x.dated > q.after_12m AND x.dated <= q.as_of),
    EXISTS (SELECT 1 FROM processes x WHERE x.provider_id = pr.id
        AND x.kind IN ('quality_improvement', 'provider_concerns') AND x.opened <= q.sustained_by
        AND (x.closed IS NULL OR x.closed > q.as_of)),
    EXISTS (SELECT 1 FROM processes x WHERE x.provider_id = pr.id AND x.kind = 'risk_summit'
        AND x.opened <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of)),
    EXISTS (SELECT 1 FROM safeguarding x WHERE x.provider_id = pr.id AND x.kind = 'whole_service_concern'
        AND x.raised <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of)),
    (SELECT count(*) FROM feedback x WHERE x.provider_id = pr.id AND x.concern = 1
        AND x.received > q.after_6m AND x.received <= q.as_of),
    (SELECT count(*) FROM safeguarding x WHERE x.provider_id = pr.id
        AND x.raised <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of)),
    EXISTS (SELECT 1 FROM notices x WHERE x.provider_id = pr.id AND x.kind = 'termination' AND x.issued <= q.as_of),
    EXISTS (SELECT 1 FROM notices x WHERE x.provider_id = pr.id AND x.kind = 'final_warning_notice'
        AND x.issued <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of)),
    EXISTS (SELECT 1 FROM notices x WHERE x.provider_id = pr.id AND x.kind = 'rectification_notice'
        AND x.issued <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of)),
    EXISTS (SELECT 1 FROM processes x WHERE x.provider_id = pr.id AND x.kind = 'board_referral'
        AND x.opened <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of)),
    EXISTS (SELECT 1 FROM processes x WHERE x.provider_id = pr.id AND x.kind = 'quality_improvement'
        AND x.opened <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of))
    OR EXISTS (SELECT 1 FROM notices x WHERE x.provider_id = pr.id
        AND x.kind IN ('quality_improvement_notice', 'contract_performance_notice')
        AND x.issued <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of)),
    EXISTS (SELECT 1 FROM processes x WHERE x.provider_id = pr.id AND x.kind = 'informal'
        AND x.opened <= q.as_of AND (x.closed IS NULL OR x.closed > q.as_of))
FROM providers pr, q
WHERE pr.commissioner = 'lewisham'
ORDER BY pr.id;

-- Step 2: the decisions, from those facts and the latest rows.
CREATE TEMP TABLE g (
    id TEXT PRIMARY KEY,
    a90, high_alerts, agencies, multi_agency, sustained, signs, risk_summit,
    mms, mms_why, dflt, rag, q_due, q_done, stage, suspended, v_due, open_sg
) WITHOUT ROWID;

INSERT INTO g
SELECT id, a90, high_alerts, agencies, multi_agency, sustained, signs, risk_summit,
       mms, mms_why, dflt, rag, q_due, q_done, stage,
       stage >= 2 OR wsc,
       -- next contract visit: base + 12 or 24 months (clamped), unless suspended (stage >= QI or WSC)
       CASE WHEN stage >= 2 OR wsc OR base IS NULL THEN NULL
            ELSE min(date(base, 'start of month', printf('+%d months', ival),
                          printf('+%d days', CAST(strftime('%d', base) AS INTEGER) - 1)),
                     date(base, 'start of month', printf('+%d months', ival + 1), '-1 day')) END,
       open_sg
FROM (
  SELECT id, a90, high_alerts, agencies, multi_agency, sustained, risk_summit, wsc, open_sg,
         high_alerts + multi_agency + sustained AS signs, mms, mms_why, dflt, q_due, q_done, stage, base, rag,
         CASE WHEN market_risk OR chc_funded OR rag <> 'green' THEN 12 ELSE 24 END AS ival
  FROM (
    SELECT id, a90, high_alerts, agencies, multi_agency, sustained, risk_summit, wsc, open_sg, market_risk,
           chc_funded, q_due, q_done, base, stage,
           -- minimum standard: undetermined (the condition of the first `missing when` branch that
           -- holds, its first part that holds, and the fact) unless registered with all six ratings
           -- of a latest inspection
           CASE WHEN NOT reg THEN 'when not cqc_registered'
                WHEN i_rowid IS NULL
                THEN 'when latest_inspection is missing (there is no inspections row as of this date)'
                ELSE 'when latest_inspection.' || unrated || ' is missing (inspection of ' || id || ' published '
                  || i_published || ': ' || unrated || ' is not recorded)'
           END AS mms_why,
           overall IN ('good', 'outstanding') AND safe IN ('good', 'outstanding')
             AND effective IN ('good', 'outstanding') AND caring IN ('good', 'outstanding')
             AND responsive IN ('good', 'outstanding') AND well_led IN ('good', 'outstanding') AS mms,
           (reg AND overall IN ('requires_improvement', 'inadequate')) OR wsc AS dflt,
           CASE
             WHEN overall = 'inadequate' OR wsc OR fin_risk = 'high' THEN 'red'
             WHEN overall = 'requires_improvement'
               OR safe IN ('requires_improvement', 'inadequate')
               OR effective IN ('requires_improvement', 'inadequate')
               OR caring IN ('requires_improvement', 'inadequate')
               OR responsive IN ('requires_improvement', 'inadequate')
               OR well_led IN ('requires_improvement', 'inadequate')
               OR market_risk OR fin_risk = 'medium' OR sqf >= sqf_concern_threshold
               OR (q_due IS NOT NULL AND q_done IS NULL AND as_of > q_due) THEN 'amber'
             ELSE 'green' END AS rag
    FROM (
      SELECT f.id, f.reg, f.market_risk, f.chc_funded, f.a90, f.agencies, f.sustained, f.risk_summit, f.wsc,
             f.sqf, f.open_sg, q.as_of, q.sqf_concern_threshold,
             f.a90 >= q.alert_threshold AS high_alerts,
             f.agencies >= q.agency_threshold AS multi_agency,
             i.rowid AS i_rowid, i.published AS i_published,
             i.overall, i.safe, i.effective, i.caring, i.responsive, i.well_led,
             CASE WHEN i.overall IS NULL THEN 'overall' WHEN i.safe IS NULL THEN 'safe'
                  WHEN i.effective IS NULL THEN 'effective' WHEN i.caring IS NULL THEN 'caring'
                  WHEN i.responsive IS NULL THEN 'responsive' WHEN i.well_led IS NULL THEN 'well_led' END AS unrated,
             fi.risk AS fin_risk,
             date(qu.issued, '+28 days') AS q_due,
             CASE WHEN qu.returned <= q.as_of THEN qu.returned END AS q_done,
             coalesce(v.held, f.contract_start) AS base,
             CASE WHEN f.st_termination THEN 6 WHEN f.st_final_warning THEN 5 WHEN f.st_rectification THEN 4
                  WHEN f.st_board THEN 3 WHEN f.st_qi THEN 2 WHEN f.st_informal THEN 1 ELSE 0 END AS stage
      FROM f CROSS JOIN q
      LEFT JOIN inspections i ON i.rowid = f.li
      LEFT JOIN finance fi ON fi.rowid = f.lf
      LEFT JOIN questionnaires qu ON qu.rowid = f.lq
      LEFT JOIN visits v ON v.rowid = f.lv
    )
  )
)
ORDER BY id;

-- Step 3: one JSON line per provider and decision, provider by provider and
-- the decisions in policy order (docs: the output contract), each line ending
-- with the as-of date. Each decision's value is JSON text (v); one that is
-- undetermined or does not apply has none and a reason instead (why).
SELECT CASE
         WHEN why IS NULL
         THEN json_object('policy', 'bench', 'subject', 'provider', 'id', id, 'decision', decision,
                          'value', json(v), 'as_of', as_of)
         WHEN na
         THEN json_object('policy', 'bench', 'subject', 'provider', 'id', id, 'decision', decision,
                          'value', NULL, 'applicable', json('false'), 'reason', why, 'as_of', as_of)
         ELSE json_object('policy', 'bench', 'subject', 'provider', 'id', id, 'decision', decision,
                          'value', NULL, 'reason', why, 'as_of', as_of)
       END
FROM (
  SELECT id, d.column1 AS k, d.column2 AS decision, (SELECT as_of FROM p) AS as_of,
         CASE d.column1
           WHEN 1 THEN a90
           WHEN 2 THEN iif(high_alerts, 'true', 'false')
           WHEN 3 THEN agencies
           WHEN 4 THEN iif(multi_agency, 'true', 'false')
           WHEN 5 THEN iif(sustained, 'true', 'false')
           WHEN 6 THEN signs
           WHEN 7 THEN iif(signs >= 1, 'true', 'false')
           WHEN 8 THEN iif(risk_summit, 'true', 'false')
           WHEN 9 THEN iif(signs >= 2 AND NOT risk_summit, 'true', 'false')
           WHEN 10 THEN iif(mms, 'true', 'false')
           WHEN 11 THEN iif(dflt, 'true', 'false')
           WHEN 12 THEN json_quote(rag)
           WHEN 13 THEN json_object('due', q_due, 'done', q_done, 'status',
                          CASE WHEN q_done IS NOT NULL THEN (CASE WHEN q_done <= q_due THEN 'met' ELSE 'late' END)
                               WHEN (SELECT as_of FROM p) <= q_due THEN 'pending' ELSE 'overdue' END)
           WHEN 14 THEN json_quote(CASE stage WHEN 6 THEN 'termination' WHEN 5 THEN 'final_warning'
                                              WHEN 4 THEN 'rectification' WHEN 3 THEN 'board'
                                              WHEN 2 THEN 'quality_improvement' WHEN 1 THEN 'informal' ELSE 'none' END)
           WHEN 15 THEN CASE WHEN v_due IS NOT NULL
                             THEN json_object('due', v_due, 'done', NULL, 'status',
                                    CASE WHEN (SELECT as_of FROM p) <= v_due THEN 'pending' ELSE 'overdue' END)
                             WHEN suspended THEN '{"due":null,"done":null,"status":"suspended"}' END
           WHEN 16 THEN iif(dflt AND stage <= 1, 'true', 'false')
           WHEN 17 THEN open_sg
         END AS v,
         CASE d.column1
           WHEN 10 THEN 'the policy leaves it undetermined ' || mms_why
           WHEN 13 THEN CASE WHEN q_due IS NULL THEN 'its start, latest_questionnaire.issued, has not happened:'
                                                     || ' there is no questionnaires row as of this date' END
           WHEN 15 THEN CASE WHEN v_due IS NULL AND NOT suspended
                             THEN 'no start date: provider ' || id || ': contract_start is not recorded' END
         END AS why,
         d.column1 = 13 AS na
  FROM g CROSS JOIN (VALUES (1, 'alerts_last_90_days'), (2, 'high_alert_volume'), (3, 'agencies_intervening'),
                            (4, 'multi_agency_concern'), (5, 'sustained_concerns'), (6, 'warning_signs'),
                            (7, 'enhanced_surveillance'), (8, 'in_risk_summit'), (9, 'risk_summit_recommended'),
                            (10, 'meets_minimum_standard'), (11, 'provider_default'), (12, 'rag'),
                            (13, 'questionnaire_return'), (14, 'quality_stage'), (15, 'next_contract_visit'),
                            (16, 'recommend_quality_improvement'), (17, 'open_safeguarding')) AS d
)
ORDER BY id, k;
