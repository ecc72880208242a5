-- Booking mentor and mentee time. One row per booking conversation: proposed slots, the picked slot, the calendar
-- event once created. transaction_id is fixed at the first pick and sent to the calendar, so a retry, a double click
-- or a restart never creates a second meeting. lease_until_ms marks an instance working on the row; after a crash
-- the recovery sweep finishes what the lease left.
CREATE TABLE bookings (
    id              TEXT   NOT NULL PRIMARY KEY,
    mentorship_id   TEXT   NOT NULL,
    mentor_id       TEXT   NOT NULL,
    mentee_id       TEXT   NOT NULL,
    requester_id    TEXT   NOT NULL,
    source          TEXT   NOT NULL,
    minutes         BIGINT NOT NULL,
    status          TEXT   NOT NULL,
    slots_json      TEXT   NOT NULL,
    slot_start_ms   BIGINT NULL,
    slot_end_ms     BIGINT NULL,
    transaction_id  TEXT   NULL,
    event_id        TEXT   NULL,
    join_url        TEXT   NULL,
    provider        TEXT   NOT NULL,
    lease_until_ms  BIGINT NULL,
    problem         TEXT   NULL,
    card_handle     TEXT   NULL,
    revision        BIGINT NOT NULL,
    created_at_ms   BIGINT NOT NULL,
    updated_at_ms   BIGINT NOT NULL
);

CREATE INDEX ix_bookings_status ON bookings (status, lease_until_ms);
CREATE INDEX ix_bookings_people ON bookings (mentor_id, mentee_id, status);

-- The local calendar (the embedded default when Graph is not configured): a weekly pattern of busy blocks per
-- person (the demo seeds a plausible week) and the meetings MentorBot created.
CREATE TABLE local_calendar_blocks (
    id          TEXT   NOT NULL PRIMARY KEY,
    person_id   TEXT   NOT NULL,
    weekday     BIGINT NOT NULL,
    start_local TEXT   NOT NULL,
    end_local   TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    label       TEXT   NOT NULL
);

CREATE INDEX ix_local_calendar_blocks_person ON local_calendar_blocks (person_id);

CREATE TABLE local_calendar_events (
    id             TEXT   NOT NULL PRIMARY KEY,
    organizer_id   TEXT   NOT NULL,
    attendee_id    TEXT   NOT NULL,
    start_ms       BIGINT NOT NULL,
    end_ms         BIGINT NOT NULL,
    subject        TEXT   NOT NULL,
    transaction_id TEXT   NOT NULL UNIQUE,
    join_url       TEXT   NOT NULL,
    status         TEXT   NOT NULL,
    created_at_ms  BIGINT NOT NULL
);

CREATE INDEX ix_local_calendar_events_people ON local_calendar_events (organizer_id, attendee_id, start_ms);
