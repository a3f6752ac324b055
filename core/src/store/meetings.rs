//! Meetings in and out of the store. A meeting is read with a fixed number of queries whatever
//! its size (one per table, never one per row), and written whole in one transaction together
//! with its search row.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use super::{search, Store};
use crate::error::{Error, Result};
use crate::lang::Language;
use crate::model::{AgendaItem, Form, Meeting, MeetingInfo, Person, Photo, Quote, Release};
use crate::serde_forms::{
    format_date, format_datetime, format_published, parse_date, parse_datetime, parse_published,
    parse_tz,
};

pub type MeetingId = i64;

/// A meeting as stored: its id and revision beside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: MeetingId,
    /// Bumped by every write; `save` refuses a write based on an older one.
    pub revision: i64,
    pub meeting: Meeting,
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
}

impl Store {
    /// Stores a new meeting (one transaction) and returns its id.
    pub fn insert(&mut self, m: &Meeting) -> Result<MeetingId> {
        check(m)?;
        let tx = self.conn.transaction()?;
        let now = now();
        tx.execute(
            "INSERT INTO meetings (title, organisation, language, location, starts, ends, timezone, revision, created_at, modified_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)",
            params![
                m.info.title,
                m.info.organisation,
                m.info.language.tag(),
                m.info.location,
                format_date(m.info.starts),
                m.info.ends.map(format_date),
                m.info.timezone.map(|t| t.name()),
                now,
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_children(&tx, id, m)?;
        search::index(&tx, id, m)?;
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

    pub fn delete(&mut self, id: MeetingId) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM quotes WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)",
            [id],
        )?;
        let n = tx.execute("DELETE FROM meetings WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(Error::NotFound(id));
        }
        search::unindex(&tx, id)?;
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

    /// Reads a whole meeting: six queries, whatever its size.
    pub fn load(&self, id: MeetingId) -> Result<Stored> {
        load_in(&self.conn, id)
    }

    /// Meetings newest first, a page at a time (the list never loads the archive).
    pub fn list(&self, limit: u32, offset: u32) -> Result<Vec<MeetingSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, organisation, starts, ends, language, revision, modified_at
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
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// People quoted in earlier meetings whose name starts with `prefix` (any case), the most
    /// quoted first, each with the forms of their latest appearance: the speaker picker's list.
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
                 FROM people p WHERE p.name LIKE ?1 ESCAPE '\\')
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

/// `save` inside the caller's transaction, so that a user action made of several writes commits
/// them together.
pub(super) fn save_in(
    tx: &Connection,
    id: MeetingId,
    base_revision: i64,
    m: &Meeting,
) -> Result<i64> {
    check(m)?;
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
    let stored_updated: Option<Option<String>> = tx
        .query_row(
            "SELECT updated FROM releases WHERE meeting_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let new_updated = m
        .release
        .as_ref()
        .and_then(|r| r.updated.as_ref())
        .map(format_datetime);
    if stored_updated.flatten() != new_updated {
        tx.execute("UPDATE meetings SET updated_auto = 0 WHERE id = ?1", [id])?;
    }
    tx.execute(
        "UPDATE meetings SET title = ?2, organisation = ?3, language = ?4, location = ?5, starts = ?6,
                ends = ?7, timezone = ?8, revision = revision + 1, modified_at = ?9
         WHERE id = ?1",
        params![
            id,
            m.info.title,
            m.info.organisation,
            m.info.language.tag(),
            m.info.location,
            format_date(m.info.starts),
            m.info.ends.map(format_date),
            m.info.timezone.map(|t| t.name()),
            now(),
        ],
    )?;
    // Children are rewritten whole: quotes first (they point at people), then the rest.
    tx.execute(
        "DELETE FROM quotes WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)",
        [id],
    )?;
    tx.execute("DELETE FROM agenda_items WHERE meeting_id = ?1", [id])?;
    tx.execute("DELETE FROM people WHERE meeting_id = ?1", [id])?;
    tx.execute("DELETE FROM photos WHERE meeting_id = ?1", [id])?;
    tx.execute("DELETE FROM releases WHERE meeting_id = ?1", [id])?;
    write_children(tx, id, m)?;
    search::index(tx, id, m)?;
    Ok(current + 1)
}

/// `load` on a connection or inside a transaction.
pub(super) fn load_in(conn: &Connection, id: MeetingId) -> Result<Stored> {
    let row = conn
        .query_row(
            "SELECT title, organisation, language, location, starts, ends, timezone, revision
             FROM meetings WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, i64>(7)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound(id))?;
    let (title, organisation, language, location, starts, ends, timezone, revision) = row;
    let info = MeetingInfo {
        title,
        organisation,
        language: Language::from_tag(&language)
            .ok_or_else(|| corrupt(id, "language", &language))?,
        location,
        starts: parse_date(&starts).map_err(|_| corrupt(id, "starts", &starts))?,
        ends: ends
            .map(|e| parse_date(&e).map_err(|_| corrupt(id, "ends", &e)))
            .transpose()?,
        timezone: timezone
            .map(|t| parse_tz(&t).map_err(|_| corrupt(id, "timezone", &t)))
            .transpose()?,
    };

    let mut people_rows = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, key, name, full, role, short FROM people WHERE meeting_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Person {
                    id: r.get(1)?,
                    name: r.get(2)?,
                    full: r.get(3)?,
                    role: r.get(4)?,
                    short: r.get(5)?,
                },
            ))
        })?;
        for row in rows {
            people_rows.push(row?);
        }
    }

    let mut agenda: Vec<AgendaItem> = Vec::new();
    let mut item_ids = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, notes, summary, in_release FROM agenda_items WHERE meeting_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                AgendaItem {
                    title: r.get(1)?,
                    notes: r.get(2)?,
                    summary: r.get(3)?,
                    in_release: r.get(4)?,
                    quotes: Vec::new(),
                },
            ))
        })?;
        for row in rows {
            let (item_id, item) = row?;
            item_ids.push(item_id);
            agenda.push(item);
        }
    }

    {
        let mut stmt = conn.prepare_cached(
            "SELECT q.item_id, q.speaker_id, q.text, q.verb, q.form, q.in_release
             FROM quotes q JOIN agenda_items i ON i.id = q.item_id
             WHERE i.meeting_id = ?1 ORDER BY i.position, q.position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })?;
        let speakers: HashMap<i64, &str> = people_rows
            .iter()
            .map(|(rowid, p)| (*rowid, p.id.as_str()))
            .collect();
        // Both lists are in agenda order, so one forward walk places every quote.
        let mut slot = 0;
        for row in rows {
            let (item_id, speaker_id, text, verb, form, in_release) = row?;
            while item_ids.get(slot).is_some_and(|&i| i != item_id) {
                slot += 1;
            }
            let speaker = speakers
                .get(&speaker_id)
                .map(|key| (*key).to_owned())
                .ok_or_else(|| corrupt(id, "quotes.speaker_id", &speaker_id.to_string()))?;
            let form = form
                .map(|f| Form::parse(&f).ok_or_else(|| corrupt(id, "quotes.form", &f)))
                .transpose()?;
            let item = agenda
                .get_mut(slot)
                .ok_or_else(|| corrupt(id, "quotes.item_id", &item_id.to_string()))?;
            item.quotes.push(Quote {
                speaker,
                text,
                verb,
                form,
                in_release,
            });
        }
    }

    let release = conn
        .query_row(
            "SELECT headline, lead, closing, published, updated FROM releases WHERE meeting_id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?;
    let release = match release {
        None => None,
        Some((headline, lead, closing, published, updated)) => {
            let mut photos = Vec::new();
            let mut stmt = conn.prepare_cached(
                "SELECT caption, language, credit FROM photos WHERE meeting_id = ?1 ORDER BY position",
            )?;
            let rows = stmt.query_map([id], |r| {
                Ok(Photo {
                    caption: r.get(0)?,
                    language: r.get(1)?,
                    credit: r.get(2)?,
                })
            })?;
            for row in rows {
                photos.push(row?);
            }
            Some(Release {
                headline,
                lead,
                closing,
                published: published
                    .map(|p| parse_published(&p).map_err(|_| corrupt(id, "published", &p)))
                    .transpose()?,
                updated: updated
                    .map(|u| parse_datetime(&u).map_err(|_| corrupt(id, "updated", &u)))
                    .transpose()?,
                photos,
            })
        }
    };

    Ok(Stored {
        id,
        revision,
        meeting: Meeting {
            info,
            people: people_rows.into_iter().map(|(_, p)| p).collect(),
            agenda,
            release,
        },
    })
}

/// The store keeps only valid meetings: the same rules as the meeting file.
fn check(m: &Meeting) -> Result<()> {
    crate::meeting_file::validate(m).map_err(|(path, message)| Error::Invalid { path, message })
}

fn write_children(tx: &Connection, id: MeetingId, m: &Meeting) -> Result<()> {
    let mut person_ids = HashMap::with_capacity(m.people.len());
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO people (meeting_id, position, key, name, full, role, short) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (pos, p) in m.people.iter().enumerate() {
            stmt.execute(params![
                id, pos as i64, p.id, p.name, p.full, p.role, p.short
            ])?;
            person_ids.insert(p.id.as_str(), tx.last_insert_rowid());
        }
    }
    {
        let mut item_stmt = tx.prepare_cached(
            "INSERT INTO agenda_items (meeting_id, position, title, notes, summary, in_release) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut quote_stmt = tx.prepare_cached(
            "INSERT INTO quotes (item_id, position, speaker_id, text, verb, form, in_release) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (pos, item) in m.agenda.iter().enumerate() {
            item_stmt.execute(params![
                id,
                pos as i64,
                item.title,
                item.notes,
                item.summary,
                item.in_release
            ])?;
            let item_id = tx.last_insert_rowid();
            for (qpos, q) in item.quotes.iter().enumerate() {
                let speaker =
                    person_ids
                        .get(q.speaker.as_str())
                        .copied()
                        .ok_or_else(|| Error::Invalid {
                            path: format!("agenda[{pos}].quotes[{qpos}].speaker"),
                            message: format!("unknown speaker {:?}", q.speaker),
                        })?;
                quote_stmt.execute(params![
                    item_id,
                    qpos as i64,
                    speaker,
                    q.text,
                    q.verb,
                    q.form.map(Form::as_str),
                    q.in_release
                ])?;
            }
        }
    }
    if let Some(r) = &m.release {
        tx.execute(
            "INSERT INTO releases (meeting_id, headline, lead, closing, published, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                r.headline,
                r.lead,
                r.closing,
                r.published.as_ref().map(format_published),
                r.updated.as_ref().map(format_datetime)
            ],
        )?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO photos (meeting_id, position, caption, language, credit) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (pos, p) in r.photos.iter().enumerate() {
            stmt.execute(params![id, pos as i64, p.caption, p.language, p.credit])?;
        }
    }
    Ok(())
}

fn corrupt(id: MeetingId, field: &str, value: &str) -> Error {
    Error::Corrupt {
        detail: format!("meeting {id}: stored {field} {value:?} is not valid"),
    }
}

pub(super) fn now() -> String {
    crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
