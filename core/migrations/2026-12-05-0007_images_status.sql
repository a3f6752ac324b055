-- Communiqué schema 7: photos' images (core/src/store/images.rs), and a release's status with its sign-off log (core/src/store/status.rs).
--
-- An image is kept once, by the SHA-256 of its bytes (a photo names it by that, `photos[].image`
-- in the meeting file v2), exactly as it was imported: a JPEG or a PNG that decoded whole within
-- the size limits when it was added (core/src/images.rs). Its size is its display size (a JPEG
-- turned by its EXIF orientation has its sides swapped). Nothing refers to it by foreign key: the
-- meeting files name images, and an image no meeting names any more may stay.

CREATE TABLE images (
    sha256  TEXT    PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    kind    TEXT    NOT NULL CHECK (kind IN ('jpeg', 'png')),
    width   INTEGER NOT NULL CHECK (width BETWEEN 1 AND 10000),
    height  INTEGER NOT NULL CHECK (height BETWEEN 1 AND 10000),
    bytes   BLOB    NOT NULL,
    added   TEXT    NOT NULL   -- UTC, RFC 3339: when it was first imported
) STRICT;

-- And a release's status on its way to publication (draft, ready for clearance,
-- cleared, published, corrected), and the sign-off log: every change of status, by whom, and the
-- release exactly as it read then (so a later edit shows as a difference from the cleared text).
-- The status is the latest row's; a meeting with no row has none. Rows are only added.

CREATE TABLE status_log (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,  -- RFC 3339, UTC
    status      TEXT    NOT NULL CHECK (status IN ('draft', 'ready', 'cleared', 'published', 'corrected')),
    by_whom     TEXT,              -- who cleared it (required for 'cleared'), or made the change
    note        TEXT,              -- what was said with it (a correction: its note)
    release     TEXT    NOT NULL,  -- the composed release as plain text, every language version
    meeting     TEXT    NOT NULL,  -- the canonical meeting file it was composed from
    CHECK (status <> 'cleared' OR (by_whom IS NOT NULL AND by_whom <> ''))
) STRICT;

CREATE INDEX status_log_by_meeting ON status_log (meeting_id, id);
