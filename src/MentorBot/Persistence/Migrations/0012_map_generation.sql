-- A counter that every change to the map (import, sync, published pairings, erasure) increments in its own
-- transaction. Processes that keep the map in memory compare it to know when to read the map again.
CREATE TABLE map_generation (
    id          INTEGER NOT NULL PRIMARY KEY,
    generation  BIGINT  NOT NULL
);

INSERT INTO map_generation (id, generation) VALUES (1, 0);
