-- Communiqué schema 5.
--
-- Sample meetings are marked: the first start's sample is listed as a sample, left out of search
-- and of the directory of people quoted, and removed in one step (`Store::remove_samples`).
--
-- The search row keeps private notes in a column of their own, so a passage found in them is
-- marked as private in the results, and a search can leave them out. FTS5 tables take no new
-- column: the table is made again, and the migration's Rust part (core/src/store/search.rs,
-- `reindex`) rebuilds every meeting's row from its document, in this migration's transaction.

ALTER TABLE meetings ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1));

DROP TABLE meeting_search;

CREATE VIRTUAL TABLE meeting_search USING fts5 (
    title,
    body,
    private,
    tokenize = 'unicode61 remove_diacritics 2'
);
