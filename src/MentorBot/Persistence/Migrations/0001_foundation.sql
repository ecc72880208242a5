-- Foundation: conversation references and inbound activity de-duplication.
-- Times are UTC instants stored as Unix epoch milliseconds (BIGINT) so that one script serves SQLite and PostgreSQL.

CREATE TABLE conversation_references (
    conversation_id   TEXT    NOT NULL PRIMARY KEY,
    conversation_type TEXT    NOT NULL,
    tenant_id         TEXT    NOT NULL,
    service_url       TEXT    NOT NULL,
    bot_id            TEXT    NOT NULL,
    user_id           TEXT    NULL,
    aad_object_id     TEXT    NULL,
    status            TEXT    NOT NULL,
    status_reason     TEXT    NULL,
    welcomed_at_ms    BIGINT  NULL,
    created_at_ms     BIGINT  NOT NULL,
    updated_at_ms     BIGINT  NOT NULL
);

CREATE INDEX ix_conversation_references_person ON conversation_references (tenant_id, aad_object_id, conversation_type);

CREATE TABLE processed_activities (
    activity_key   TEXT   NOT NULL PRIMARY KEY,
    received_at_ms BIGINT NOT NULL,
    response_json  TEXT   NULL
);

CREATE INDEX ix_processed_activities_received ON processed_activities (received_at_ms);
