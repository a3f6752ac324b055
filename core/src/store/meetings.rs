//! Meetings in and out of the store. A meeting is kept as its meeting file v2 (`documents.body`,
//! canonical compact JSON), beside a `meetings` row for the list (title, dates, revision) and a
//! `people` row per person for the directory of people quoted. It is read with two queries
//! whatever its size, and written whole in one transaction together with its search row.
//!
//! The v1 operations (`insert`, `save`, `load`) are the v2 ones through `v2::upgrade` and
//! `v2::downgrade`, for callers that hold a v1 meeting (core's tests and benches; the app's new
//! meeting and its first start's sample, which it then opens as v2). A meeting that says more
//! than v1 can is refused by `load`, naming the first construct, never shown in part.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use super::{search, Store};
use crate::error::{Error, Result};
use crate::model::{Meeting, Person};
use crate::serde_forms::{format_date, format_datetime};
use crate::v2::{self, MeetingV2};

pub type MeetingId = i64;

/// A meeting as stored: its id and revision beside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: MeetingId,
    /// Bumped by every write; `save` refuses a write based on an older one.
    pub revision: i64,
    pub meeting: Meeting,
}

/// `Stored`, for a meeting file v2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredV2 {
    pub id: MeetingId,
    pub revision: i64,
    pub meeting: MeetingV2,
}

/// One line of the meetings list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub title: String,
    pub organisation: Option<String>,
    pub starts: String,
    pub ends: Option<String>,
    pub language: String,
    pub revision: i64,
    pub modified_at: String,
    /// A sample meeting (the first start's), to try the app with: marked in the list, never
    /// searched, removed in one step.
    pub sample: bool,
}

impl Store {
    /// Stores a new meeting (one transaction) and returns its id.
    pub fn insert(&mut self, m: &Meeting) -> Result<MeetingId> {
        check(m)?;
        self.insert_v2_checked(&v2::upgrade(m), false)
    }

    /// Stores a sample meeting (one transaction): listed as a sample, never searched, its people
    /// not in the directory, and gone with `remove_samples`.
    pub fn insert_sample(&mut self, m: &Meeting) -> Result<MeetingId> {
        check(m)?;
        self.insert_v2_checked(&v2::upgrade(m), true)
    }

    /// Removes every sample meeting, in one transaction; how many there were.
    pub fn remove_samples(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let ids: Vec<MeetingId> = {
            let mut stmt = tx.prepare("SELECT id FROM meetings WHERE sample = 1")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for &id in &ids {
            delete_in(&tx, id)?;
        }
        tx.commit()?;
        Ok(ids.len())
    }

    /// Stores a new v2 meeting (one transaction) and returns its id.
    pub fn insert_v2(&mut self, m: &MeetingV2) -> Result<MeetingId> {
        check_v2(m)?;
        self.insert_v2_checked(m, false)
    }

    fn insert_v2_checked(&mut self, m: &MeetingV2, sample: bool) -> Result<MeetingId> {
        let tx = self.conn.transaction()?;
        let now = now();
        let row = Row::of(m);
        tx.execute(
            "INSERT INTO meetings (title, organisation, language, location, starts, ends, timezone, revision, created_at, modified_at, sample)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8, ?9)",
            params![
                row.title, row.organisation, row.language, row.location, row.starts, row.ends,
                row.timezone, now, sample,
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_document(&tx, id, m)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a stored meeting with `m`, provided nobody wrote it since `base_revision`
    /// (else `Error::Conflict`, and nothing changes). Returns the new revision.
    pub fn save(&mut self, id: MeetingId, base_revision: i64, m: &Meeting) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let revision = save_in(&tx, id, base_revision, m)?;
        tx.commit()?;
        Ok(revision)
    }

    /// `save`, for a v2 meeting.
    pub fn save_v2(&mut self, id: MeetingId, base_revision: i64, m: &MeetingV2) -> Result<i64> {
        check_v2(m)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let revision = save_v2_in(&tx, id, base_revision, m)?;
        tx.commit()?;
        Ok(revision)
    }

    /// Changes a stored meeting with `change` (a policy of core's: a language version added,
    /// texts marked translated, an XLIFF file applied), one transaction: nothing is stored when
    /// `change` fails or the meeting it leaves is not valid. Returns what `change` returned and
    /// the new revision.
    pub fn update_v2<T>(
        &mut self,
        id: MeetingId,
        change: impl FnOnce(&mut MeetingV2) -> Result<T>,
    ) -> Result<(T, i64)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored = load_v2_in(&tx, id)?;
        let mut meeting = stored.meeting;
        let out = change(&mut meeting)?;
        check_v2(&meeting)?;
        let revision = save_v2_in(&tx, id, stored.revision, &meeting)?;
        tx.commit()?;
        Ok((out, revision))
    }

    pub fn delete(&mut self, id: MeetingId) -> Result<()> {
        let tx = self.conn.transaction()?;
        delete_in(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// The current revision of a meeting, cheaply: how the app notices another writer.
    pub fn revision(&self, id: MeetingId) -> Result<i64> {
        self.conn
            .query_row("SELECT revision FROM meetings WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(Error::NotFound(id))
    }

    /// Reads a whole meeting as v1: refused, naming the construct, when it says more than v1 can.
    pub fn load(&self, id: MeetingId) -> Result<Stored> {
        load_in(&self.conn, id)
    }

    /// Reads a whole meeting: one query, whatever its size.
    pub fn load_v2(&self, id: MeetingId) -> Result<StoredV2> {
        load_v2_in(&self.conn, id)
    }

    /// Meetings newest first, a page at a time (the list never loads the archive).
    pub fn list(&self, limit: u32, offset: u32) -> Result<Vec<MeetingSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, organisation, starts, ends, language, revision, modified_at, sample
             FROM meetings ORDER BY starts DESC, id DESC LIMIT ?1 OFFSET ?2",
        )?;
        let rows = stmt.query_map([limit, offset], |r| {
            Ok(MeetingSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                organisation: r.get(2)?,
                starts: r.get(3)?,
                ends: r.get(4)?,
                language: r.get(5)?,
                revision: r.get(6)?,
                modified_at: r.get(7)?,
                sample: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// People quoted in earlier meetings whose name starts with `prefix` (any case), the most
    /// quoted first, each with the forms of their latest appearance (in that meeting's original
    /// language): the speaker picker's list.
    pub fn people_directory(&self, prefix: &str, limit: u32) -> Result<Vec<Person>> {
        let pattern = format!(
            "{}%",
            prefix
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, name, full, role, short FROM (
                 SELECT p.key, p.name, p.full, p.role, p.short,
                        row_number() OVER (PARTITION BY p.name ORDER BY p.id DESC) AS latest,
                        count(*) OVER (PARTITION BY p.name) AS seen
                 FROM people p JOIN meetings m ON m.id = p.meeting_id
                 WHERE m.sample = 0 AND p.name LIKE ?1 ESCAPE '\\')
             WHERE latest = 1 ORDER BY seen DESC, name LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![pattern, limit], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                full: r.get(2)?,
                role: r.get(3)?,
                short: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM meetings", [], |r| r.get(0))?)
    }
}

/// The `meetings` row's columns, from the document: the original language's words.
struct Row {
    title: String,
    organisation: Option<String>,
    language: &'static str,
    location: Option<String>,
    starts: String,
    ends: Option<String>,
    timezone: Option<&'static str>,
}

impl Row {
    fn of(m: &MeetingV2) -> Row {
        let language = m.info.languages[0];
        Row {
            title: m.info.title.clone(),
            organisation: m.info.organisation.as_ref().and_then(|id| {
                let org = m.organisations.iter().find(|o| &o.id == id)?;
                org.name
                    .get(&language)
                    .or_else(|| org.name.values().next())
                    .cloned()
            }),
            language: language.tag(),
            location: m.info.location.clone(),
            starts: format_date(m.info.starts),
            ends: m.info.ends.map(format_date),
            timezone: m.info.timezone.map(|t| t.name()),
        }
    }
}

/// Meeting `id` deleted inside the caller's transaction: its row, and with it (ON DELETE CASCADE)
/// its document and people rows; its search row.
fn delete_in(tx: &Connection, id: MeetingId) -> Result<()> {
    if tx.execute("DELETE FROM meetings WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound(id));
    }
    search::unindex(tx, id)
}

/// `save` inside the caller's transaction, so that a user action made of several writes commits
/// them together.
pub(super) fn save_in(
    tx: &Connection,
    id: MeetingId,
    base_revision: i64,
    m: &Meeting,
) -> Result<i64> {
    check(m)?;
    save_v2_in(tx, id, base_revision, &v2::upgrade(m))
}

/// `save_v2` inside the caller's transaction; `m` is valid.
pub(super) fn save_v2_in(
    tx: &Connection,
    id: MeetingId,
    base_revision: i64,
    m: &MeetingV2,
) -> Result<i64> {
    let current: Option<i64> = tx
        .query_row("SELECT revision FROM meetings WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let current = current.ok_or(Error::NotFound(id))?;
    if current != base_revision {
        return Err(Error::Conflict {
            id,
            expected: base_revision,
            found: current,
        });
    }
    // A different `updated` from the one stored is the officer's own: the store stops moving it.
    let stored_updated: Option<String> = tx
        .query_row(
            "SELECT group_concat(json_extract(r.value, '$.language') || '=' || ifnull(json_extract(r.value, '$.updated'), ''), ' ')
             FROM documents d, json_each(d.body, '$.releases') r WHERE d.meeting_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    if stored_updated.unwrap_or_default() != updated_times(m) {
        tx.execute("UPDATE meetings SET updated_auto = 0 WHERE id = ?1", [id])?;
    }
    let row = Row::of(m);
    tx.execute(
        "UPDATE meetings SET title = ?2, organisation = ?3, language = ?4, location = ?5, starts = ?6,
                ends = ?7, timezone = ?8, revision = revision + 1, modified_at = ?9
         WHERE id = ?1",
        params![
            id,
            row.title,
            row.organisation,
            row.language,
            row.location,
            row.starts,
            row.ends,
            row.timezone,
            now(),
        ],
    )?;
    write_document(tx, id, m)?;
    Ok(current + 1)
}

/// Each release's `updated` as the query in `save_v2_in` gives the stored ones.
fn updated_times(m: &MeetingV2) -> String {
    m.releases
        .iter()
        .map(|r| {
            format!(
                "{}={}",
                r.language.tag(),
                r.updated.as_ref().map(format_datetime).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The document, the people rows and the search row of meeting `id`, rewritten whole.
pub(super) fn write_document(tx: &Connection, id: MeetingId, m: &MeetingV2) -> Result<()> {
    write_document_rows(tx, id, m)?;
    search::index(tx, id, m)
}

/// The document and the people rows of meeting `id`, without its search row: for schema 4's
/// migration, whose search table schema 5 makes again and fills (`search::reindex`).
pub(super) fn write_document_rows(tx: &Connection, id: MeetingId, m: &MeetingV2) -> Result<()> {
    tx.execute(
        "INSERT INTO documents (meeting_id, body) VALUES (?1, ?2)
         ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body",
        params![id, v2::to_compact_json(m)?],
    )?;
    tx.execute("DELETE FROM people WHERE meeting_id = ?1", [id])?;
    let language = m.info.languages[0];
    let mut stmt = tx.prepare_cached(
        "INSERT INTO people (meeting_id, position, key, name, full, role, short) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (pos, p) in m.people.iter().enumerate() {
        let forms = p.forms.get(&language).cloned().unwrap_or_default();
        stmt.execute(params![
            id,
            pos as i64,
            p.id,
            p.name,
            forms.full,
            forms.role,
            forms.short
        ])?;
    }
    Ok(())
}

/// `load` on a connection or inside a transaction.
pub(super) fn load_in(conn: &Connection, id: MeetingId) -> Result<Stored> {
    let stored = load_v2_in(conn, id)?;
    let meeting = v2::downgrade(&stored.meeting).map_err(|e| Error::Invalid {
        path: format!("meeting {id}: {}", e.path),
        message: format!(
            "{}: this meeting uses the meeting file v2, which the editor cannot show yet",
            e.what
        ),
    })?;
    Ok(Stored {
        id,
        revision: stored.revision,
        meeting,
    })
}

/// `load_v2` on a connection or inside a transaction.
pub(super) fn load_v2_in(conn: &Connection, id: MeetingId) -> Result<StoredV2> {
    let (revision, body): (i64, String) = conn
        .query_row(
            "SELECT m.revision, d.body FROM meetings m JOIN documents d ON d.meeting_id = m.id WHERE m.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotFound(id))?;
    let meeting = v2::from_stored(&body).map_err(|e| Error::Corrupt {
        detail: format!("meeting {id}: its stored meeting file does not read back: {e}"),
    })?;
    Ok(StoredV2 {
        id,
        revision,
        meeting,
    })
}

/// The store keeps only valid meetings: the same rules as the meeting file.
fn check(m: &Meeting) -> Result<()> {
    crate::meeting_file::validate(m).map_err(|(path, message)| Error::Invalid { path, message })
}

pub(super) fn check_v2(m: &MeetingV2) -> Result<()> {
    v2::validate(m).map_err(|(path, message)| Error::Invalid { path, message })
}

pub(super) fn corrupt(id: MeetingId, field: &str, value: &str) -> Error {
    Error::Corrupt {
        detail: format!("meeting {id}: stored {field} {value:?} is not valid"),
    }
}

pub(super) fn now() -> String {
    crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
