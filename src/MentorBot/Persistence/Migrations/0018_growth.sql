-- The career ladder, each person's step and first shift, why people left, what changed about them over time, and
-- competency validations. The ladder is configuration: an import replaces it whole. competency_events is the history
-- of every validation, withdrawal and self-rating. It is only ever inserted into, with two exceptions: erasing a
-- person removes theirs, and answer retention clears old notes (the words; never who, what, when or how).
-- competency_status is the current state the events leave behind, written in the same transaction.

CREATE TABLE map_ladder_steps (
    id        TEXT   NOT NULL PRIMARY KEY,
    track_id  TEXT   NOT NULL,
    track     TEXT   NOT NULL,
    name      TEXT   NOT NULL,
    level     TEXT   NULL,
    position  BIGINT NOT NULL
);

CREATE TABLE map_competencies (
    id          TEXT   NOT NULL PRIMARY KEY,
    name        TEXT   NOT NULL,
    lane_id     TEXT   NOT NULL,
    step_id     TEXT   NOT NULL,
    methods     TEXT   NOT NULL,
    validators  TEXT   NOT NULL,
    onboarding  TEXT   NULL,
    position    BIGINT NOT NULL
);

CREATE INDEX ix_map_competencies_step ON map_competencies (step_id);

ALTER TABLE map_people ADD COLUMN step_id TEXT NULL;
ALTER TABLE map_people ADD COLUMN first_shift TEXT NULL;
ALTER TABLE map_people ADD COLUMN left_on TEXT NULL;
ALTER TABLE map_people ADD COLUMN end_reason TEXT NULL;

-- What changed about a person, one row per change: joined, level, step, unit, left, returned. on_date is the
-- day it took effect (the import's day unless the map says otherwise).
CREATE TABLE person_history (
    id          TEXT   NOT NULL PRIMARY KEY,
    person_id   TEXT   NOT NULL,
    at_ms       BIGINT NOT NULL,
    on_date     TEXT   NOT NULL,
    change      TEXT   NOT NULL,
    from_value  TEXT   NULL,
    to_value    TEXT   NULL
);

CREATE INDEX ix_person_history_person ON person_history (person_id, at_ms);
CREATE INDEX ix_person_history_change ON person_history (change, on_date);

CREATE TABLE competency_events (
    id             TEXT   NOT NULL PRIMARY KEY,
    person_id      TEXT   NOT NULL,
    competency_id  TEXT   NOT NULL,
    kind           TEXT   NOT NULL,
    at_ms          BIGINT NOT NULL,
    actor_id       TEXT   NOT NULL,
    observed_on    TEXT   NULL,
    method         TEXT   NULL,
    rating         TEXT   NULL,
    note           TEXT   NULL
);

CREATE INDEX ix_competency_events_person ON competency_events (person_id, competency_id, at_ms);

CREATE TABLE competency_status (
    person_id      TEXT   NOT NULL,
    competency_id  TEXT   NOT NULL,
    status         TEXT   NOT NULL,
    observed_on    TEXT   NULL,
    method         TEXT   NULL,
    validator_id   TEXT   NULL,
    self_rating    TEXT   NULL,
    updated_at_ms  BIGINT NOT NULL,
    PRIMARY KEY (person_id, competency_id)
);

CREATE INDEX ix_competency_status_validated ON competency_status (status, observed_on);

-- The onboarding phase each new hire was last told about, so a change is announced once.
CREATE TABLE onboarding_phases (
    person_id   TEXT   NOT NULL PRIMARY KEY,
    phase       TEXT   NOT NULL,
    since_ms    BIGINT NOT NULL
);

-- When a new hire first had every onboarding competency of their step validated: time-to-independence ends here.
CREATE TABLE independence (
    person_id       TEXT   NOT NULL PRIMARY KEY,
    step_id         TEXT   NOT NULL,
    independent_on  TEXT   NOT NULL,
    at_ms           BIGINT NOT NULL
);

CREATE TABLE pilots (
    id              TEXT   NOT NULL PRIMARY KEY,
    name            TEXT   NOT NULL,
    unit_id         TEXT   NOT NULL,
    starts_on       TEXT   NOT NULL,
    ends_on         TEXT   NOT NULL,
    baseline        TEXT   NOT NULL,
    started_by      TEXT   NOT NULL,
    created_at_ms   BIGINT NOT NULL,
    reported_at_ms  BIGINT NULL
);
