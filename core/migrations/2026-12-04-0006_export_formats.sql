-- Communiqué schema 6: a version records exports in the formats of release distribution too
-- (`eml` now; `docx`, `pdf`, `ninjs` named ahead, so their exports need no schema of their own).
--
-- SQLite cannot change a column's constraints in place, so the table is rebuilt as schema 3 made
-- it, with the wider check. Nothing refers to `versions`, so dropping and renaming it touches no
-- other table; every row is carried over as it is.

CREATE TABLE versions_6 (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,  -- 1, 2, 3… within the meeting
    created_at  TEXT    NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('export', 'by_hand', 'before_restore', 'restore')),
    format      TEXT    CHECK (format IN ('html', 'md', 'json', 'eml', 'docx', 'pdf', 'ninjs')),   -- export: what was written
    of_version  INTEGER,           -- restore, before_restore: the version restored
    release     TEXT    NOT NULL,  -- the composed release as plain text
    meeting     TEXT    NOT NULL,  -- the canonical meeting file it was composed from
    UNIQUE (meeting_id, number),
    CHECK ((format IS NOT NULL) = (reason = 'export')),
    CHECK ((of_version IS NOT NULL) = (reason IN ('before_restore', 'restore')))
) STRICT;

INSERT INTO versions_6 (id, meeting_id, number, created_at, reason, format, of_version, release, meeting)
SELECT id, meeting_id, number, created_at, reason, format, of_version, release, meeting
FROM versions;

DROP TABLE versions;
ALTER TABLE versions_6 RENAME TO versions;
