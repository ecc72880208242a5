-- The audit log: who did what to which record, and when. It records exports, erasures, admin imports, map changes,
-- published pairings and the handling of escalated concerns. It never holds answers or free text.
CREATE TABLE audit_log (
    id       TEXT   NOT NULL PRIMARY KEY,
    at_ms    BIGINT NOT NULL,
    actor    TEXT   NOT NULL,
    action   TEXT   NOT NULL,
    subject  TEXT   NULL,
    detail   TEXT   NULL
);

CREATE INDEX ix_audit_log_at ON audit_log (at_ms);
CREATE INDEX ix_audit_log_subject ON audit_log (subject, at_ms);
