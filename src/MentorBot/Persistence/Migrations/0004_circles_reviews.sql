-- Circles and quarterly reviews.
-- A circle debrief is one month's group reflection for a circle; each member answers at most once (editable until the
-- next debrief opens). An answer is either shared with the circle (its members and facilitator) or private.
CREATE TABLE circle_debriefs (
    id            TEXT   NOT NULL PRIMARY KEY,
    circle_id     TEXT   NOT NULL,
    opens_at_ms   BIGINT NOT NULL,
    closes_at_ms  BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

CREATE INDEX ix_circle_debriefs_circle ON circle_debriefs (circle_id, opens_at_ms);

CREATE TABLE circle_answers (
    debrief_id      TEXT   NOT NULL,
    person_id       TEXT   NOT NULL,
    learned         TEXT   NULL,
    need            TEXT   NULL,
    stuck           TEXT   NULL,
    shared          BIGINT NOT NULL,
    submitted_at_ms BIGINT NOT NULL,
    updated_at_ms   BIGINT NOT NULL,
    revision        BIGINT NOT NULL,
    PRIMARY KEY (debrief_id, person_id)
);

-- Quarterly review: at the start of each quarter both people in a pairing are asked to look back and ahead.
-- A shared review is sent, read-only, to the other person in the pairing.
CREATE TABLE quarterly_reviews (
    mentorship_id  TEXT   NOT NULL,
    quarter        TEXT   NOT NULL,
    person_id      TEXT   NOT NULL,
    role           TEXT   NOT NULL,
    progress       BIGINT NULL,
    went_well      TEXT   NULL,
    focus_next     TEXT   NULL,
    shared         BIGINT NOT NULL,
    asked_at_ms    BIGINT NOT NULL,
    answered_at_ms BIGINT NULL,
    PRIMARY KEY (mentorship_id, quarter, person_id)
);
