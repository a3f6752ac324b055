//! Full-text search over the archive (FTS5). One row per meeting, rowid = meeting id: the title
//! column holds the meeting's title and each release's headline, the body everything else a
//! press officer may remember a meeting by — organisations, people and their forms, agenda titles,
//! every quote's words in every language, and every text of every release (label, deck, dateline,
//! paragraphs, sub-headings, lists, bylines, statements, captions and their credits, contact,
//! notes to editors, boilerplate); the private column the agenda items' private notes, so that a
//! passage shown from them says so, and a search can leave them out. Sample meetings are not
//! searched. The store rewrites the row inside the transaction of every write.

use rusqlite::{params, Connection};
use serde::Serialize;

use super::{MeetingId, Store};
use crate::error::{Error, Result};
use crate::v2::{Block, MeetingV2, Run};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SearchHit {
    pub id: MeetingId,
    pub starts: String,
    pub title: String,
    /// The best matching passage, the matched words between `[` and `]`.
    pub snippet: String,
    /// The passage is from private notes (never published): the list marks it with the lock.
    pub private: bool,
}

pub(super) fn index(tx: &Connection, id: MeetingId, m: &MeetingV2) -> Result<()> {
    let mut title = m.info.title.clone();
    let mut private = String::new();
    for item in &m.agenda {
        if !item.notes.trim().is_empty() {
            private.push_str(&item.notes);
            private.push('\n');
        }
    }
    let mut body = String::new();
    let mut add = |s: &str| {
        if !s.trim().is_empty() {
            body.push_str(s);
            body.push('\n');
        }
    };
    for o in &m.organisations {
        o.name.values().for_each(|n| add(n));
    }
    if let Some(place) = &m.info.location {
        add(place);
    }
    for p in &m.people {
        add(&p.name);
        for f in p.forms.values() {
            for form in [&f.full, &f.role, &f.short].into_iter().flatten() {
                add(form);
            }
        }
    }
    for item in &m.agenda {
        add(&item.title);
        for q in &item.quotes {
            q.words.values().for_each(|w| add(w));
        }
    }
    for r in &m.releases {
        let headline = runs_text(&r.headline);
        if !headline.trim().is_empty() {
            title.push('\n');
            title.push_str(&headline);
        }
        for text in [&r.label, &r.dateline.place].into_iter().flatten() {
            add(text);
        }
        add(&runs_text(&r.deck));
        let blocks = r
            .lead
            .iter()
            .chain(r.items.iter().flat_map(|p| &p.blocks))
            .chain(&r.closing)
            .chain(&r.contact)
            .chain(&r.notes_to_editors);
        for part in &r.items {
            if let Some(h) = &part.heading {
                add(&runs_text(h));
            }
        }
        for b in blocks {
            block_texts(b, &mut add);
        }
        for p in &r.photos {
            add(&runs_text(&p.caption));
            if let Some(credit) = &p.credit {
                add(credit);
            }
        }
    }
    for o in &m.organisations {
        for b in o.boilerplate.values().flatten() {
            block_texts(b, &mut add);
        }
    }
    tx.execute("DELETE FROM meeting_search WHERE rowid = ?1", [id])?;
    tx.execute(
        "INSERT INTO meeting_search (rowid, title, body, private) VALUES (?1, ?2, ?3, ?4)",
        params![id, title, body, private],
    )?;
    Ok(())
}

/// Schema 5's Rust part: every meeting's search row rebuilt from its document (the table was made
/// again with the private column), in the migration's transaction.
pub(super) fn reindex(tx: &rusqlite::Transaction) -> Result<()> {
    let ids: Vec<MeetingId> = {
        let mut stmt = tx.prepare("SELECT meeting_id FROM documents ORDER BY meeting_id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in ids {
        let m = super::meetings::load_v2_in(tx, id)?.meeting;
        index(tx, id, &m)?;
    }
    Ok(())
}

/// The words typed into a text: its strings, the phrases links are on, the clauses after
/// attributions (the quotes and people it names are indexed where they are kept).
fn runs_text(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        match run {
            Run::Text(t) => out.push_str(t),
            Run::Link { text, .. } => text.iter().for_each(|t| out.push_str(t)),
            Run::Quote(q) => {
                out.push(' ');
                if let Some(clause) = &q.clause {
                    out.push_str(&runs_text(clause));
                    out.push(' ');
                }
            }
            Run::Mention { .. } => out.push(' '),
        }
    }
    out
}

fn block_texts(b: &Block, add: &mut impl FnMut(&str)) {
    match b {
        Block::Paragraph { runs, .. } | Block::Heading { runs, .. } => add(&runs_text(runs)),
        Block::List { entries, .. } => entries.iter().for_each(|e| add(&runs_text(e))),
        Block::Blockquote { byline, .. } => {
            if let Some(b) = byline {
                add(&runs_text(b));
            }
        }
        Block::Statement {
            intro, paragraphs, ..
        } => {
            add(&runs_text(intro));
            paragraphs.iter().for_each(|p| add(&runs_text(p)));
        }
    }
}

pub(super) fn unindex(tx: &Connection, id: MeetingId) -> Result<()> {
    tx.execute("DELETE FROM meeting_search WHERE rowid = ?1", [id])?;
    Ok(())
}

/// The user's words as an FTS5 query: every word must match, the last one as a prefix (so the
/// list narrows while typing). Each word is quoted, so FTS5's syntax (`"`, `-`, `OR`, `NEAR`,
/// `col:`) in what the user typed is searched for as text, never run as an operator.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(words.join(" ") + "*")
}

/// Whether a search reads private notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivateNotes {
    /// Searched; a passage shown from them is marked `private`.
    Included,
    /// Left out: a meeting found only by its private notes is not found.
    Left,
}

impl PrivateNotes {
    /// `Included` when `included`, else `Left`: what the front doors' switches say.
    pub fn included_if(included: bool) -> PrivateNotes {
        if included {
            PrivateNotes::Included
        } else {
            PrivateNotes::Left
        }
    }
}

impl Store {
    /// Meetings matching every word of `text`, best first (a title match weighs more), private
    /// notes included (their passages marked).
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<SearchHit>> {
        self.search_with(text, limit, PrivateNotes::Included)
    }

    /// `search`, saying whether private notes are read. Sample meetings are never found.
    pub fn search_with(
        &self,
        text: &str,
        limit: u32,
        private: PrivateNotes,
    ) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Err(Error::EmptySearch);
        };
        let query = match private {
            PrivateNotes::Included => query,
            PrivateNotes::Left => format!("{{title body}} : ({query})"),
        };
        // The passage shown is the best of every column; it is from the private notes when it is
        // the best passage of that column too (and has a match there).
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.starts, m.title,
                    snippet(meeting_search, -1, '[', ']', '…', 12),
                    snippet(meeting_search, 2, '[', ']', '…', 12)
             FROM meeting_search JOIN meetings m ON m.id = meeting_search.rowid
             WHERE meeting_search MATCH ?1 AND m.sample = 0
             ORDER BY bm25(meeting_search, 4.0, 1.0, 1.0), m.starts DESC
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![query, limit], |r| {
            let best: String = r.get(3)?;
            let in_private: String = r.get(4)?;
            Ok(SearchHit {
                id: r.get(0)?,
                starts: r.get(1)?,
                title: r.get(2)?,
                private: private == PrivateNotes::Included
                    && in_private.contains('[')
                    && best == in_private,
                snippet: best.replace('\n', " "),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
