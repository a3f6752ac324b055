-- Communiqué schema 4: a meeting is kept as its meeting file v2 (docs/meeting-file-v2.md), the
-- canonical compact JSON, one row per meeting. Runs and blocks, spans that refer to people and
-- quotes by id, a release per language: a tree the tables of schema 3 (one per kind of thing)
-- could not hold without one table per kind of block and span.
--
-- The `meetings` row stays what the list reads (title, dates, revision, the original language);
-- the `people` rows stay the directory of people quoted (the forms in the meeting's original
-- language). After this SQL, the migration's Rust part (core/src/store/legacy.rs) reads every
-- meeting from the tables of schema 3, writes its v2 file here, rebuilds its search row from it,
-- and drops `quotes`, `photos`, `releases` and `agenda_items`. All in one transaction; the
-- archive was copied beside itself before it began.

CREATE TABLE documents (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL   -- the meeting file v2, canonical, on one line
) STRICT;
