-- A mentor's short reply to a mentee's check-in, from the mentor's "Alex checked in" card. It reaches the mentee
-- through the outbox. Its text is personal: exported and erased with either person, and cleared by the retention sweep
-- like every other free text.
CREATE TABLE checkin_replies (
    id            TEXT   NOT NULL PRIMARY KEY,
    period_id     TEXT   NOT NULL,
    mentor_id     TEXT   NOT NULL,
    mentee_id     TEXT   NOT NULL,
    body          TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL
);

CREATE INDEX ix_checkin_replies_period ON checkin_replies (period_id, created_at_ms);
