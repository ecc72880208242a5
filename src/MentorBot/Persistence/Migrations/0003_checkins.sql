-- Check-ins. A period is one check-in opportunity for a mentee (from a pairing's cadence, or ad hoc); it has at most
-- one answer, which the person may edit until the period closes. Answers are personal: each text answer carries its
-- own visibility (shared with the mentor, or private).

CREATE TABLE checkin_periods (
    id                  TEXT    NOT NULL PRIMARY KEY,
    person_id           TEXT    NOT NULL,
    mentorship_id       TEXT    NULL,
    mentor_id           TEXT    NULL,
    opens_at_ms         BIGINT  NOT NULL,
    closes_at_ms        BIGINT  NOT NULL,
    status              TEXT    NOT NULL,
    reminder_sent_at_ms BIGINT  NULL,
    created_at_ms       BIGINT  NOT NULL
);

CREATE INDEX ix_checkin_periods_person ON checkin_periods (person_id, opens_at_ms);
CREATE INDEX ix_checkin_periods_mentor ON checkin_periods (mentor_id, opens_at_ms);

CREATE TABLE checkin_answers (
    period_id      TEXT    NOT NULL PRIMARY KEY,
    person_id      TEXT    NOT NULL,
    learned        TEXT    NULL,
    learned_shared BIGINT  NOT NULL,
    need           TEXT    NULL,
    need_shared    BIGINT  NOT NULL,
    stuck          TEXT    NULL,
    stuck_shared   BIGINT  NOT NULL,
    confidence     BIGINT  NOT NULL,
    load           BIGINT  NOT NULL,
    scores_shared  BIGINT  NOT NULL,
    wants_time     BIGINT  NOT NULL,
    submitted_at_ms BIGINT NOT NULL,
    updated_at_ms  BIGINT  NOT NULL,
    revision       BIGINT  NOT NULL
);

CREATE INDEX ix_checkin_answers_person ON checkin_answers (person_id, submitted_at_ms);

-- The outbound queue. Every proactive card goes through it. An item names what to render (kind + reference), not
-- the card itself, so no personal text is copied here. An item is claimed with a conditional update; a claim that
-- outlives its lease (a crash mid-send) is taken over after claimed_until_ms.
CREATE TABLE outbox (
    id               TEXT   NOT NULL PRIMARY KEY,
    kind             TEXT   NOT NULL,
    reference        TEXT   NOT NULL,
    person_id        TEXT   NOT NULL,
    status           TEXT   NOT NULL,
    attempts         BIGINT NOT NULL,
    not_before_ms    BIGINT NOT NULL,
    claimed_until_ms BIGINT NULL,
    created_at_ms    BIGINT NOT NULL,
    sent_at_ms       BIGINT NULL,
    last_error       TEXT   NULL
);

CREATE INDEX ix_outbox_due ON outbox (status, not_before_ms);

-- A person's own pause of their scheduled check-ins (`pause until <date>`), kept apart from the map so an import
-- never undoes it. The date is in the person's own time zone; scheduling resumes on it.
CREATE TABLE checkin_pauses (
    person_id     TEXT   NOT NULL PRIMARY KEY,
    until_date    TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL
);

-- Calibration: about a month into a pairing, mentor and mentee are each asked "Is this pairing working?".
-- Answers go to programme admins only; a low score raises a flag for them.
CREATE TABLE calibrations (
    mentorship_id  TEXT   NOT NULL,
    person_id      TEXT   NOT NULL,
    role           TEXT   NOT NULL,
    score          BIGINT NULL,
    note           TEXT   NULL,
    asked_at_ms    BIGINT NOT NULL,
    answered_at_ms BIGINT NULL,
    PRIMARY KEY (mentorship_id, person_id)
);
