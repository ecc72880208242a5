-- Micro-coaching: every prompt a person receives is one delivery, with the person's feedback on it.
-- Only the prompt's id is stored (the text lives in the library), so nothing personal is copied here.
CREATE TABLE coaching_deliveries (
    id             TEXT   NOT NULL PRIMARY KEY,
    person_id      TEXT   NOT NULL,
    prompt_id      TEXT   NOT NULL,
    lane           TEXT   NOT NULL,
    source         TEXT   NOT NULL,
    created_at_ms  BIGINT NOT NULL,
    feedback       TEXT   NULL,
    feedback_at_ms BIGINT NULL,
    tried_at_ms    BIGINT NULL,
    talk_at_ms     BIGINT NULL
);

CREATE INDEX ix_coaching_deliveries_person ON coaching_deliveries (person_id, created_at_ms);
CREATE INDEX ix_coaching_deliveries_prompt ON coaching_deliveries (prompt_id);
