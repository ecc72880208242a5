-- The mentorship map. Lists (lanes taught, working days, circle members) are comma-separated ids: ids never
-- contain commas. Rows are never deleted by an import: people and pairings that leave the map are ended, so
-- history survives.

CREATE TABLE map_lanes (
    id            TEXT   NOT NULL PRIMARY KEY,
    name          TEXT   NOT NULL,
    description   TEXT   NOT NULL,
    active        BIGINT  NOT NULL,
    updated_at_ms BIGINT NOT NULL
);

CREATE TABLE map_units (
    id                    TEXT   NOT NULL PRIMARY KEY,
    name                  TEXT   NOT NULL,
    escalation_contact_id TEXT   NULL,
    active                BIGINT  NOT NULL,
    updated_at_ms         BIGINT NOT NULL
);

CREATE TABLE map_people (
    id              TEXT    NOT NULL PRIMARY KEY,
    aad_object_id   TEXT    NULL,
    name            TEXT    NOT NULL,
    email           TEXT    NULL,
    level           TEXT    NOT NULL,
    unit_id         TEXT    NULL,
    manager_id      TEXT    NULL,
    time_zone       TEXT    NOT NULL,
    working_days    TEXT    NOT NULL,
    work_start      TEXT    NOT NULL,
    work_end        TEXT    NOT NULL,
    quiet_start     TEXT    NULL,
    quiet_end       TEXT    NULL,
    start_date      TEXT    NULL,
    locale          TEXT    NOT NULL,
    mentor_capacity BIGINT  NOT NULL,
    teaches         TEXT    NOT NULL,
    is_admin        BIGINT  NOT NULL,
    active          BIGINT  NOT NULL,
    updated_at_ms   BIGINT  NOT NULL,
    ended_at_ms     BIGINT  NULL
);

CREATE INDEX ix_map_people_aad ON map_people (aad_object_id);
CREATE INDEX ix_map_people_manager ON map_people (manager_id);
CREATE INDEX ix_map_people_unit ON map_people (unit_id);

CREATE TABLE map_mentorships (
    id               TEXT    NOT NULL PRIMARY KEY,
    mentor_id        TEXT    NOT NULL,
    mentee_id        TEXT    NOT NULL,
    lanes            TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    cadence_every    TEXT    NOT NULL,
    cadence_day      TEXT    NOT NULL,
    cadence_time     TEXT    NOT NULL,
    start_date       TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    paused_until     TEXT    NULL,
    calibration_date TEXT    NULL,
    updated_at_ms    BIGINT  NOT NULL,
    ended_at_ms      BIGINT  NULL
);

CREATE INDEX ix_map_mentorships_mentor ON map_mentorships (mentor_id);
CREATE INDEX ix_map_mentorships_mentee ON map_mentorships (mentee_id);

CREATE TABLE map_circles (
    id             TEXT    NOT NULL PRIMARY KEY,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    facilitator_id TEXT    NOT NULL,
    members        TEXT    NOT NULL,
    lane_id        TEXT    NULL,
    cadence_every  TEXT    NOT NULL,
    cadence_day    TEXT    NOT NULL,
    cadence_time   TEXT    NOT NULL,
    active         BIGINT  NOT NULL,
    updated_at_ms  BIGINT  NOT NULL
);

CREATE TABLE map_leader_scopes (
    leader_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    unit_id   TEXT NOT NULL,
    PRIMARY KEY (leader_id, kind, unit_id)
);

CREATE TABLE map_programme (
    id            INTEGER NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    imported_at_ms BIGINT NOT NULL
);
