-- Matching: a run proposes pairings (with their score and reasons) and lists who could not be matched and why. An
-- admin accepts or rejects each; publishing turns the accepted ones into mentorships whose origin is 'matching', so a
-- later map import that does not list them leaves them alone.
ALTER TABLE map_mentorships ADD COLUMN origin TEXT NOT NULL DEFAULT 'map';

-- Lanes a person wants a mentor for (from the map file's optional needs list).
ALTER TABLE map_people ADD COLUMN needs TEXT NOT NULL DEFAULT '';

CREATE TABLE match_runs (
    id            TEXT   NOT NULL PRIMARY KEY,
    created_by    TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL,
    status        TEXT   NOT NULL,
    objective     BIGINT NOT NULL,
    published_at_ms BIGINT NULL
);

CREATE TABLE match_suggestions (
    run_id       TEXT   NOT NULL,
    position     BIGINT NOT NULL,
    mentee_id    TEXT   NOT NULL,
    mentor_id    TEXT   NOT NULL,
    lanes_json   TEXT   NOT NULL,
    score        BIGINT NOT NULL,
    reasons_json TEXT   NOT NULL,
    replaces_id  TEXT   NULL,
    decision     TEXT   NOT NULL,
    PRIMARY KEY (run_id, mentee_id)
);

CREATE TABLE match_unmatched (
    run_id      TEXT NOT NULL,
    mentee_id   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (run_id, mentee_id)
);

-- A pairing someone asked to change (change my mentor) or that calibrated low. Who asked is kept for the admin only.
CREATE TABLE rematch_requests (
    mentorship_id TEXT   NOT NULL PRIMARY KEY,
    mentee_id     TEXT   NOT NULL,
    mentor_id     TEXT   NOT NULL,
    source        TEXT   NOT NULL,
    status        TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL
);
