-- Communiqué schema 2: the release's version history. A version is recorded by every export and
-- by an explicit "Save version", when the composed release differs from the last version's:
-- its composed text (what a reader of the diff sees) and the meeting file it came from (what a
-- restore puts back).

CREATE TABLE versions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,  -- 1, 2, 3… within the meeting
    created_at  TEXT    NOT NULL,
    reason      TEXT    NOT NULL,  -- "export html", "saved by hand", "restore 2"…
    release     TEXT    NOT NULL,  -- the composed release as plain text
    meeting     TEXT    NOT NULL,  -- the canonical meeting file it was composed from
    UNIQUE (meeting_id, number)
) STRICT;

-- A release's `updated` time follows its latest version unless the officer set it by hand:
-- 1 when the store set it itself (and may move it at the next corrected export), 0 otherwise.
ALTER TABLE meetings ADD COLUMN updated_auto INTEGER NOT NULL DEFAULT 0 CHECK (updated_auto IN (0, 1));
