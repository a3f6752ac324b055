-- Communiqué schema 3: why a version was recorded is data, not a sentence. `reason` is its kind;
-- an export names its format, a restore (and the version kept just before it) the version
-- restored. Schema 2 wrote the reason as text: "export html", "export md", "export json",
-- "saved by hand", "restore N"; those are carried over as they read. Anything else (no release
-- wrote any) becomes "by hand": the version itself is kept whatever its label said.
--
-- SQLite cannot change a column's constraints in place, so the table is rebuilt. Nothing refers
-- to `versions`, so dropping and renaming it touches no other table.

CREATE TABLE versions_3 (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,  -- 1, 2, 3… within the meeting
    created_at  TEXT    NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('export', 'by_hand', 'before_restore', 'restore')),
    format      TEXT    CHECK (format IN ('html', 'md', 'json')),   -- export: what was written
    of_version  INTEGER,           -- restore, before_restore: the version restored
    release     TEXT    NOT NULL,  -- the composed release as plain text
    meeting     TEXT    NOT NULL,  -- the canonical meeting file it was composed from
    UNIQUE (meeting_id, number),
    CHECK ((format IS NOT NULL) = (reason = 'export')),
    CHECK ((of_version IS NOT NULL) = (reason IN ('before_restore', 'restore')))
) STRICT;

INSERT INTO versions_3 (id, meeting_id, number, created_at, reason, format, of_version, release, meeting)
SELECT id, meeting_id, number, created_at,
       CASE WHEN reason IN ('export html', 'export md', 'export json') THEN 'export'
            WHEN reason GLOB 'restore [0-9]*' AND substr(reason, 9) NOT GLOB '*[^0-9]*' THEN 'restore'
            ELSE 'by_hand' END,
       CASE WHEN reason IN ('export html', 'export md', 'export json') THEN substr(reason, 8) END,
       CASE WHEN reason GLOB 'restore [0-9]*' AND substr(reason, 9) NOT GLOB '*[^0-9]*'
            THEN CAST(substr(reason, 9) AS INTEGER) END,
       release, meeting
FROM versions;

DROP TABLE versions;
ALTER TABLE versions_3 RENAME TO versions;
