-- Speaking up safely: escalated concerns, and anonymous pulse surveys.

-- A concern someone raised, to one of their own mentors or to their unit's designated person (the map's
-- escalationContact). sender_id is NULL when it was sent without a name: then concern_relay alone links it to its
-- sender, only to route replies and status back to them. Nothing a recipient sees reads concern_relay. unit_id is
-- the sender's unit when it was raised, so leaders' digests can count open and resolved concerns per unit.
CREATE TABLE concerns (
    id                 TEXT   NOT NULL PRIMARY KEY,
    sender_id          TEXT   NULL,
    anonymous          BIGINT NOT NULL,
    target             TEXT   NOT NULL,
    recipient_id       TEXT   NOT NULL,
    unit_id            TEXT   NULL,
    body               TEXT   NOT NULL,
    source             TEXT   NOT NULL,
    status             TEXT   NOT NULL,
    raised_at_ms       BIGINT NOT NULL,
    acknowledged_at_ms BIGINT NULL,
    acknowledged_by    TEXT   NULL,
    resolved_at_ms     BIGINT NULL,
    resolved_by        TEXT   NULL,
    reminded_at_ms     BIGINT NULL,
    escalated_at_ms    BIGINT NULL,
    backup_ids         TEXT   NULL,
    revision           BIGINT NOT NULL,
    updated_at_ms      BIGINT NOT NULL
);

CREATE INDEX ix_concerns_recipient ON concerns (recipient_id, status);
CREATE INDEX ix_concerns_sender ON concerns (sender_id);
CREATE INDEX ix_concerns_due ON concerns (status, reminded_at_ms, escalated_at_ms);
CREATE INDEX ix_concerns_unit ON concerns (unit_id, raised_at_ms);

CREATE TABLE concern_relay (
    concern_id TEXT NOT NULL PRIMARY KEY,
    sender_id  TEXT NOT NULL
);

CREATE INDEX ix_concern_relay_sender ON concern_relay (sender_id);

-- The conversation about a concern. author_role is 'sender' or 'handler'; a sender's message never carries their id.
CREATE TABLE concern_messages (
    id          TEXT   NOT NULL PRIMARY KEY,
    concern_id  TEXT   NOT NULL,
    seq         BIGINT NOT NULL,
    author_role TEXT   NOT NULL,
    author_id   TEXT   NULL,
    body        TEXT   NOT NULL,
    at_ms       BIGINT NOT NULL
);

CREATE INDEX ix_concern_messages_concern ON concern_messages (concern_id, seq);

-- Pulse surveys: a definition (from a content file or `pulse create`) and its runs. A run freezes the questions it
-- asked, so later edits never mix up its results.
CREATE TABLE pulses (
    id             TEXT   NOT NULL PRIMARY KEY,
    title          TEXT   NOT NULL,
    intro          TEXT   NULL,
    questions_json TEXT   NOT NULL,
    audience_kind  TEXT   NOT NULL,
    audience_id    TEXT   NULL,
    schedule       TEXT   NOT NULL,
    starts_at_ms   BIGINT NOT NULL,
    source         TEXT   NOT NULL,
    created_by     TEXT   NULL,
    created_at_ms  BIGINT NOT NULL,
    active         BIGINT NOT NULL
);

CREATE TABLE pulse_runs (
    id                 TEXT   NOT NULL PRIMARY KEY,
    pulse_id           TEXT   NOT NULL,
    seq                BIGINT NOT NULL,
    questions_json     TEXT   NOT NULL,
    opens_at_ms        BIGINT NOT NULL,
    closes_at_ms       BIGINT NOT NULL,
    invited            BIGINT NOT NULL,
    invited_at_ms      BIGINT NULL,
    reminded_at_ms     BIGINT NULL,
    results_sent_at_ms BIGINT NULL,
    UNIQUE (pulse_id, seq)
);

-- Pulse answers hold no link to a person. There is no per-response row at all: each scale or choice answer adds one
-- to a counter created, at zero, for every possible value when the run opens, and every answer rewrites every counter
-- of its run (so no counter records which answer last changed it). Free-text comments are rows with a random id and no
-- time; every answer deletes and re-inserts all of its run's comments in a random order under fresh random ids, so
-- neither row order, rowid nor PostgreSQL's xmin tells which answer added a comment. Neither table has a person,
-- conversation, time or ordering column.
CREATE TABLE pulse_answer_counts (
    run_id      TEXT   NOT NULL,
    question_id TEXT   NOT NULL,
    value       TEXT   NOT NULL,
    responses   BIGINT NOT NULL,
    PRIMARY KEY (run_id, question_id, value)
);

CREATE TABLE pulse_comments (
    id          TEXT NOT NULL PRIMARY KEY,
    run_id      TEXT NOT NULL,
    question_id TEXT NOT NULL,
    body        TEXT NOT NULL
);

CREATE INDEX ix_pulse_comments_run ON pulse_comments (run_id);

-- Who has answered a run, kept apart from the answers and with no time: only to refuse a second answer and to send one
-- reminder to those who have not answered.
CREATE TABLE pulse_responded (
    run_id    TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (run_id, person_id)
);
