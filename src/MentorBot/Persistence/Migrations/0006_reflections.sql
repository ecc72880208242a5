-- Reflection notes: a mentor fills in a reflection template about one of their mentees. A note is private to its
-- author or shared (read-only) with the mentee. Only the author may change it. Answers are a JSON object keyed by the
-- template's field ids.
CREATE TABLE mentor_notes (
    id            TEXT   NOT NULL PRIMARY KEY,
    author_id     TEXT   NOT NULL,
    mentee_id     TEXT   NOT NULL,
    template_id   TEXT   NOT NULL,
    fields_json   TEXT   NOT NULL,
    shared        BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    revision      BIGINT NOT NULL
);

CREATE INDEX ix_mentor_notes_author ON mentor_notes (author_id, mentee_id, created_at_ms);

CREATE INDEX ix_mentor_notes_mentee ON mentor_notes (mentee_id, shared);
