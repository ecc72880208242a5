-- The leaders' weekly digest. Each leader's own delivery day and time (NULL: the programme's Digest:Day and
-- Digest:Time), when MentorBot first saw them as a leader (no digest for a week that began before), and the last ISO
-- week queued, so the per-minute scheduler does nothing twice.
CREATE TABLE digest_settings (
    leader_id     TEXT   NOT NULL PRIMARY KEY,
    day           TEXT   NULL,
    time          TEXT   NULL,
    since_ms      BIGINT NOT NULL,
    last_week     TEXT   NULL,
    updated_at_ms BIGINT NOT NULL
);

-- Digest queries join a scope of people on these: check-ins in the last five weeks, sessions booked per mentee and
-- week, and who can be reached (looked up by object id, not tenant first).
CREATE INDEX ix_checkin_periods_opens ON checkin_periods (opens_at_ms, person_id, id);
CREATE INDEX ix_bookings_mentee_created ON bookings (mentee_id, created_at_ms);
CREATE INDEX ix_conversation_references_aad ON conversation_references (aad_object_id, conversation_type, status);
