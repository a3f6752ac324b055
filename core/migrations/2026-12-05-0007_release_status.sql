-- Communiqué schema 7: a release's status on its way to publication (draft, ready for clearance,
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
