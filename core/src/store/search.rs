//! Full-text search over the archive (FTS5). One row per meeting, rowid = meeting id: the title
//! column holds the meeting's title and headline, the body everything else a press officer may
//! remember a meeting by — agenda titles, private notes, summaries, quotes and who said them, and
//! the release's text. The store rewrites the row inside the transaction of every write.

use rusqlite::{params, Connection};
use serde::Serialize;

use super::{MeetingId, Store};
use crate::error::{Error, Result};
use crate::model::Meeting;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SearchHit {
    pub id: MeetingId,
    pub starts: String,
    pub title: String,
    /// The best matching passage, the matched words between `[` and `]`.
    pub snippet: String,
}

pub(super) fn index(tx: &Connection, id: MeetingId, m: &Meeting) -> Result<()> {
    let mut title = m.info.title.clone();
    let mut body = String::new();
    let mut add = |s: &str| {
        if !s.trim().is_empty() {
            body.push_str(s);
            body.push('\n');
        }
    };
    for v in [&m.info.organisation, &m.info.location]
        .into_iter()
        .flatten()
    {
        add(v);
    }
    for p in &m.people {
        add(&p.name);
        for form in [&p.full, &p.role, &p.short].into_iter().flatten() {
            add(form);
        }
    }
    for item in &m.agenda {
        add(&item.title);
        add(&item.summary);
        add(&item.notes);
        for q in &item.quotes {
            add(&q.text);
        }
    }
    if let Some(r) = &m.release {
        title.push('\n');
        title.push_str(&r.headline);
        add(&r.lead);
        add(&r.closing);
        for p in &r.photos {
            add(&p.caption);
        }
    }
    tx.execute("DELETE FROM meeting_search WHERE rowid = ?1", [id])?;
    tx.execute(
        "INSERT INTO meeting_search (rowid, title, body) VALUES (?1, ?2, ?3)",
        params![id, title, body],
    )?;
    Ok(())
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

impl Store {
    /// Meetings matching every word of `text`, best first (a title match weighs more).
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Err(Error::EmptySearch);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.starts, m.title,
                    snippet(meeting_search, -1, '[', ']', '…', 12)
             FROM meeting_search JOIN meetings m ON m.id = meeting_search.rowid
             WHERE meeting_search MATCH ?1
             ORDER BY bm25(meeting_search, 4.0, 1.0), m.starts DESC
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![query, limit], |r| {
            Ok(SearchHit {
                id: r.get(0)?,
                starts: r.get(1)?,
                title: r.get(2)?,
                snippet: r.get::<_, String>(3)?.replace('\n', " "),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
