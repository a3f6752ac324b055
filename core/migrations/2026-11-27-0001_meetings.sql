-- Communiqué schema 1: meetings, their people, agenda, quotes and release, and the search index.
-- Positions keep agenda, people, quotes and photos in the user's order. The search index holds
-- one row per meeting (rowid = meetings.id), rewritten by the store in the same transaction as
-- every change to that meeting.

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    title        TEXT    NOT NULL,
    organisation TEXT,
    language     TEXT    NOT NULL,
    location     TEXT,
    starts       TEXT    NOT NULL,  -- YYYY-MM-DD
    ends         TEXT,
    timezone     TEXT,              -- IANA name; NULL means UTC
    revision     INTEGER NOT NULL DEFAULT 1,  -- bumped by every write: two writers never overwrite blind
    created_at   TEXT    NOT NULL,
    modified_at  TEXT    NOT NULL
) STRICT;

-- The meetings list: newest first.
CREATE INDEX meetings_by_start ON meetings (starts DESC, id DESC);

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    key        TEXT    NOT NULL,    -- the meeting file's person id
    name       TEXT    NOT NULL,
    full       TEXT,
    role       TEXT,
    short      TEXT,
    UNIQUE (meeting_id, key)
) STRICT;

CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    notes      TEXT    NOT NULL DEFAULT '',
    summary    TEXT    NOT NULL DEFAULT '',
    in_release INTEGER NOT NULL DEFAULT 1 CHECK (in_release IN (0, 1))
) STRICT;

CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);

CREATE TABLE quotes (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES people (id),
    text       TEXT    NOT NULL,
    verb       TEXT,
    form       TEXT    CHECK (form IN ('full', 'role', 'short')),
    in_release INTEGER NOT NULL DEFAULT 1 CHECK (in_release IN (0, 1))
) STRICT;

CREATE INDEX quotes_by_item ON quotes (item_id, position);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id);

CREATE TABLE releases (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    headline   TEXT NOT NULL DEFAULT '',
    lead       TEXT NOT NULL DEFAULT '',
    closing    TEXT NOT NULL DEFAULT '',
    published  TEXT,                -- YYYY-MM-DD or RFC 3339
    updated    TEXT                 -- RFC 3339 with offset
) STRICT;

CREATE TABLE photos (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES releases (meeting_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    caption    TEXT    NOT NULL,
    language   TEXT,
    credit     TEXT
) STRICT;

CREATE INDEX photos_by_meeting ON photos (meeting_id, position);

CREATE VIRTUAL TABLE meeting_search USING fts5 (
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
