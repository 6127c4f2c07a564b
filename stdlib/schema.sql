-- qpl reference case-facts schema, version 1.1 (1.1 added providers.area,
-- providers.address and placements.contact, for the Managed Placements Memo)
--
-- The SQLite tables that the bundled policies (somerset, lambeth, lewisham)
-- read through the fact bindings of the standard library. This file is the
-- data contract described in the project specification (case-schema.md):
-- additive changes are allowed, renames and removals are not.
--
-- Conventions (checked by the interpreter, not by this schema):
--   * dates are ISO-8601 text, YYYY-MM-DD;
--   * codes are lower-case snake_case text from the closed lists noted
--     beside each column;
--   * booleans are INTEGER 0 or 1;
--   * NULL means "not recorded".
-- There are deliberately no CHECK constraints: bad dates and unknown codes
-- must be loadable so that `qpl eval` can report them by table, row and
-- column.
--
-- Every statement is idempotent (IF NOT EXISTS), so the file can be run
-- against an existing database. No PRAGMA is used.

-- One row per care service (a CQC location or a locally contracted service).
CREATE TABLE IF NOT EXISTS providers (
    id               TEXT PRIMARY KEY,           -- CQC location id or local id
    name             TEXT NOT NULL,
    commissioner     TEXT NOT NULL,              -- somerset, lambeth, lewisham, ...
    service_type     TEXT NOT NULL,              -- residential, nursing, domiciliary,
                                                 -- supported_living, specialist_residential, other
    cqc_registered   INTEGER NOT NULL,           -- 1 if CQC regulated
    market_risk      INTEGER NOT NULL DEFAULT 0, -- strategically important in the market (Somerset 1.8)
    chc_funded       INTEGER NOT NULL DEFAULT 0, -- has CHC-funded residents (Somerset 1.13)
    contract_start   TEXT,                       -- date the current contract began
    annual_spend     NUMERIC,                    -- GBP per year
    people_supported INTEGER,
    area             TEXT,                       -- geographical area (Somerset's Memo: Taunton, Mendip, ...)
    address          TEXT                        -- postal address, one line
);

-- CQC ratings, one row per published report.
-- Ratings: outstanding, good, requires_improvement, inadequate, or NULL (not rated).
CREATE TABLE IF NOT EXISTS inspections (
    provider_id TEXT NOT NULL REFERENCES providers(id),
    published   TEXT NOT NULL,                   -- date the rating was published
    overall     TEXT,
    safe        TEXT,
    effective   TEXT,
    caring      TEXT,
    responsive  TEXT,
    well_led    TEXT
);

-- Provider self-assessment returns (Somerset 1.3).
CREATE TABLE IF NOT EXISTS questionnaires (
    provider_id TEXT NOT NULL,
    issued      TEXT NOT NULL,                   -- date issued
    returned    TEXT                             -- date returned, NULL if not returned
);

-- Service Quality Feedback (Somerset 1.5), one row per item.
CREATE TABLE IF NOT EXISTS feedback (
    provider_id TEXT NOT NULL,
    received    TEXT NOT NULL,
    source      TEXT,                            -- professional, service_user, relative, public,
                                                 -- healthwatch, whistleblower, other
    concern     INTEGER NOT NULL                 -- 1 if it raises a concern
);

CREATE TABLE IF NOT EXISTS safeguarding (
    provider_id TEXT NOT NULL,
    raised      TEXT NOT NULL,
    kind        TEXT NOT NULL,                   -- alert, enquiry, whole_service_concern
    closed      TEXT                             -- NULL while open
);

-- Financial risk assessments (Somerset 1.7).
CREATE TABLE IF NOT EXISTS finance (
    provider_id TEXT NOT NULL,
    assessed    TEXT NOT NULL,
    risk        TEXT NOT NULL                    -- low, medium, high
);

CREATE TABLE IF NOT EXISTS visits (
    provider_id TEXT NOT NULL,
    held        TEXT NOT NULL,
    kind        TEXT NOT NULL                    -- contract, announced, unannounced, quality_assurance
);

-- Quality and safeguarding processes a provider is put through.
CREATE TABLE IF NOT EXISTS processes (
    id          TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL,
    kind        TEXT NOT NULL,                   -- informal, quality_improvement, board_referral,
                                                 -- provider_concerns, risk_summit
    opened      TEXT NOT NULL,                   -- date of the decision to start it
    closed      TEXT,                            -- NULL while open
    risk        TEXT,                            -- low, medium, high, or NULL
    criminal    INTEGER NOT NULL DEFAULT 0,      -- possible criminal matters identified
    outcome     TEXT                             -- improved, not_improved,
                                                 -- transferred_to_safeguarding, or NULL
);

-- Checklist actions within a process (Lambeth Step 1 and Step 5).
CREATE TABLE IF NOT EXISTS actions (
    process_id TEXT NOT NULL,
    action     TEXT NOT NULL,                    -- inform_internal_teams, contact_cqc, welfare_checks,
                                                 -- consult_police, contact_placing_authorities,
                                                 -- agree_chair, convene_information_meeting,
                                                 -- arrange_provider_meeting, risk_management_plan,
                                                 -- commissioning_intentions, notify_cqc_closure,
                                                 -- report_to_sab
    done       TEXT                              -- date done, NULL if not done
);

CREATE TABLE IF NOT EXISTS meetings (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,                 -- board, qim, provider_information, provider,
                                                 -- stakeholder, contingency, risk_summit, oversight
    provider_id   TEXT,                          -- NULL for a board meeting that covers many providers
    process_id    TEXT,
    scheduled     TEXT NOT NULL,
    held          TEXT,                          -- NULL if not (yet) held
    papers_issued TEXT                           -- date papers went to members
);

CREATE TABLE IF NOT EXISTS attendees (
    meeting_id  TEXT NOT NULL,
    person      TEXT NOT NULL,
    role        TEXT NOT NULL,                   -- ccg_safeguarding_commissioning,
                                                 -- la_quality_performance_manager,
                                                 -- la_strategic_commissioner, la_procurement_manager,
                                                 -- ccg_deputy_director_quality, advisor, minutes,
                                                 -- provider, other
    present     INTEGER NOT NULL DEFAULT 1,      -- 0 when the person sent apologies
    independent INTEGER NOT NULL DEFAULT 0       -- 1 if not involved in the provider's
                                                 -- quality improvement process
);

CREATE TABLE IF NOT EXISTS board_members (
    person TEXT NOT NULL,
    role   TEXT NOT NULL,                        -- as in attendees
    since  TEXT NOT NULL,
    until  TEXT                                  -- NULL while a member
);

CREATE TABLE IF NOT EXISTS notices (
    provider_id TEXT NOT NULL,
    kind        TEXT NOT NULL,                   -- quality_improvement_notice,
                                                 -- contract_performance_notice, rectification_notice,
                                                 -- final_warning_notice, termination
    issued      TEXT NOT NULL,
    closed      TEXT,                            -- NULL while in force
    outcome     TEXT                             -- improved, escalated, withdrawn, or NULL
);

-- The Board's assessments of a provider's improvement.
CREATE TABLE IF NOT EXISTS evidence (
    provider_id TEXT NOT NULL,
    assessed    TEXT NOT NULL,
    sustained   INTEGER NOT NULL                 -- 1 if sustained improvement was accepted
);

-- Commissioning position for new placements (Managed Placements Memo).
CREATE TABLE IF NOT EXISTS placements (
    provider_id TEXT NOT NULL,
    status      TEXT NOT NULL,                   -- not_placing (red), restricted (amber), placing (green)
    decided     TEXT NOT NULL,
    contact     TEXT                             -- the commissioner's named manager, with telephone
);

-- Interventions by other agencies (Lewisham learning review).
CREATE TABLE IF NOT EXISTS interventions (
    provider_id TEXT NOT NULL,
    agency      TEXT NOT NULL,                   -- cqc, fire_service, police, la_safeguarding,
                                                 -- nhs_england, commissioner, other
    dated       TEXT NOT NULL
);

-- Lookup indexes on the foreign-key columns (additive to the contract).
CREATE INDEX IF NOT EXISTS inspections_provider_id    ON inspections(provider_id);
CREATE INDEX IF NOT EXISTS questionnaires_provider_id ON questionnaires(provider_id);
CREATE INDEX IF NOT EXISTS feedback_provider_id       ON feedback(provider_id);
CREATE INDEX IF NOT EXISTS safeguarding_provider_id   ON safeguarding(provider_id);
CREATE INDEX IF NOT EXISTS finance_provider_id        ON finance(provider_id);
CREATE INDEX IF NOT EXISTS visits_provider_id         ON visits(provider_id);
CREATE INDEX IF NOT EXISTS processes_provider_id      ON processes(provider_id);
CREATE INDEX IF NOT EXISTS actions_process_id         ON actions(process_id);
CREATE INDEX IF NOT EXISTS meetings_provider_id       ON meetings(provider_id);
CREATE INDEX IF NOT EXISTS meetings_process_id        ON meetings(process_id);
CREATE INDEX IF NOT EXISTS attendees_meeting_id       ON attendees(meeting_id);
CREATE INDEX IF NOT EXISTS board_members_person       ON board_members(person);
CREATE INDEX IF NOT EXISTS notices_provider_id        ON notices(provider_id);
CREATE INDEX IF NOT EXISTS evidence_provider_id       ON evidence(provider_id);
CREATE INDEX IF NOT EXISTS placements_provider_id     ON placements(provider_id);
CREATE INDEX IF NOT EXISTS interventions_provider_id  ON interventions(provider_id);
