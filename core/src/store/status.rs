//! A release's status and its sign-off log (schema 7, `status_log`): the policies of
//! `clearance.rs` applied to the archive, each one user action in one transaction, for the CLI
//! and the app alike.
//!
//! Clearing records who cleared the release and its exact text; publishing is refused when the
//! release no longer reads as it was cleared (clear it again); a correction after publication
//! adds its note and a new `updated` time to every language version.

use chrono::Timelike;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use super::meetings::{check_v2, load_v2_in, save_v2_in};
use super::versions::release_text;
use super::{MeetingId, Store};
use crate::clearance::{self, Status};
use crate::diff::DiffPara;
use crate::error::{Error, Result};
use crate::lang::Language;
use crate::v2::{Correction, MeetingV2, Run, Runs};

/// One line of the sign-off log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct StatusEntry {
    /// RFC 3339, UTC.
    pub at: String,
    pub status: Status,
    /// Who cleared it, or made the change, as the officer typed it.
    pub by: Option<String>,
    pub note: Option<String>,
}

/// Where a release stands: its status, the log (newest first), and, once it was cleared, how
/// the release as it reads now differs from the text cleared last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Clearance {
    pub status: Option<Status>,
    pub log: Vec<StatusEntry>,
    /// The last clearance (its entry in `log`).
    pub cleared: Option<StatusEntry>,
    /// Paragraph by paragraph from the cleared text to the release as it reads now; `None`
    /// when never cleared, empty of changes when it reads as cleared.
    pub since_cleared: Option<Vec<DiffPara>>,
    /// Whether the release reads exactly as it was last cleared.
    pub reads_as_cleared: bool,
}

fn invalid(id: MeetingId, message: impl Into<String>) -> Error {
    Error::Invalid {
        path: format!("meeting {id}"),
        message: message.into(),
    }
}

/// The status of meeting `id` (its latest log row), inside the caller's transaction.
pub(super) fn status_in(conn: &Connection, id: MeetingId) -> Result<Option<Status>> {
    let tag: Option<String> = conn
        .query_row(
            "SELECT status FROM status_log WHERE meeting_id = ?1 ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(tag.as_deref().and_then(Status::from_tag))
}

/// The text last cleared, and its entry.
fn cleared_in(conn: &Connection, id: MeetingId) -> Result<Option<(StatusEntry, String)>> {
    Ok(conn
        .query_row(
            "SELECT at, by_whom, note, release FROM status_log
             WHERE meeting_id = ?1 AND status = 'cleared' ORDER BY id DESC LIMIT 1",
            [id],
            |r| {
                Ok((
                    StatusEntry {
                        at: r.get(0)?,
                        status: Status::Cleared,
                        by: r.get(1)?,
                        note: r.get(2)?,
                    },
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?)
}

fn log_in(
    tx: &Connection,
    id: MeetingId,
    status: Status,
    by: Option<&str>,
    note: Option<&str>,
    meeting: &MeetingV2,
) -> Result<StatusEntry> {
    let at = super::meetings::now();
    tx.execute(
        "INSERT INTO status_log (meeting_id, at, status, by_whom, note, release, meeting)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            at,
            status.tag(),
            by,
            note,
            release_text(meeting),
            crate::render::meeting_file_json(meeting)?
        ],
    )?;
    Ok(StatusEntry {
        at,
        status,
        by: by.map(str::to_owned),
        note: note.map(str::to_owned),
    })
}

/// A name or note as typed, on one line; `None` when blank.
fn one_line(s: Option<&str>) -> Option<String> {
    let s = crate::compose::tidy(s?);
    (!s.is_empty()).then_some(s)
}

/// Now, to the second, in UTC (a correction's time, and `updated`).
fn now_to_the_second() -> chrono::DateTime<chrono::FixedOffset> {
    let now = crate::clock::now_utc().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}

impl Store {
    /// Where meeting `id`'s release stands (`Clearance`).
    pub fn clearance(&self, id: MeetingId) -> Result<Clearance> {
        let meeting = self.load_v2(id)?.meeting;
        let mut stmt = self.conn.prepare(
            "SELECT at, status, by_whom, note FROM status_log WHERE meeting_id = ?1 ORDER BY id DESC",
        )?;
        let log = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .map(|row| {
                let (at, tag, by, note) = row?;
                let status = Status::from_tag(&tag)
                    .ok_or_else(|| invalid(id, format!("status_log: unknown status {tag:?}")))?;
                Ok(StatusEntry {
                    at,
                    status,
                    by,
                    note,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let cleared = cleared_in(&self.conn, id)?;
        let now = release_text(&meeting);
        let (since_cleared, reads_as_cleared) = match &cleared {
            Some((_, text)) => (
                Some(crate::diff::diff(
                    &crate::diff::blocks(text),
                    &crate::diff::blocks(&now),
                )),
                *text == now,
            ),
            None => (None, false),
        };
        Ok(Clearance {
            status: log.first().map(|e| e.status),
            log,
            cleared: cleared.map(|(e, _)| e),
            since_cleared,
            reads_as_cleared,
        })
    }

    /// The status of meeting `id`'s release (`None`: never given one).
    pub fn status(&self, id: MeetingId) -> Result<Option<Status>> {
        status_in(&self.conn, id)
    }

    /// Moves meeting `id`'s release to `to`, one transaction, and logs it with the release as it
    /// reads. Clearing names who cleared it (`by`); publishing is refused unless the release
    /// reads exactly as it was last cleared, and gives a release with no publication time now
    /// as its time. Refused moves (`clearance::check_move`) change nothing.
    pub fn set_status(
        &mut self,
        id: MeetingId,
        to: Status,
        by: Option<&str>,
        note: Option<&str>,
    ) -> Result<StatusEntry> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored = load_v2_in(&tx, id)?;
        let mut meeting = stored.meeting;
        let from = status_in(&tx, id)?;
        clearance::check_move(from, to).map_err(|m| invalid(id, m))?;
        let by = one_line(by);
        let note = one_line(note);
        if to == Status::Cleared && by.is_none() {
            return Err(invalid(
                id,
                "clearing records who cleared the release: give their name",
            ));
        }
        if to == Status::Published {
            let cleared = cleared_in(&tx, id)?;
            if cleared.is_some_and(|(_, text)| text != release_text(&meeting)) {
                return Err(invalid(
                    id,
                    "the release was edited after it was cleared: clear it again before publishing",
                ));
            }
            let mut moved = false;
            let now = now_to_the_second();
            for r in meeting
                .releases
                .iter_mut()
                .filter(|r| r.published.is_none())
            {
                r.published = Some(crate::model::Published::At(now));
                moved = true;
            }
            if moved {
                save_v2_in(&tx, id, stored.revision, &meeting)?;
            }
        }
        let entry = log_in(&tx, id, to, by.as_deref(), note.as_deref(), &meeting)?;
        tx.commit()?;
        Ok(entry)
    }

    /// A correction after publication, one transaction: `note` (in the original language; `notes`
    /// in others, each language version without one gets the original's words, to translate)
    /// is added to every language version with the time now, every version's `updated` moves
    /// to that time, and the release becomes corrected. Refused unless published (or corrected).
    pub fn correct(
        &mut self,
        id: MeetingId,
        note: &str,
        notes: &[(Language, String)],
        by: Option<&str>,
    ) -> Result<StatusEntry> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored = load_v2_in(&tx, id)?;
        let mut meeting = stored.meeting;
        match status_in(&tx, id)? {
            Some(Status::Published | Status::Corrected) => {}
            other => {
                return Err(invalid(
                    id,
                    format!(
                    "the release is {}: only a published release is corrected (edit it instead)",
                    other.map_or("not published", Status::name).to_lowercase()
                ),
                ))
            }
        }
        let note = one_line(Some(note))
            .ok_or_else(|| invalid(id, "a correction says what was corrected: give its note"))?;
        let langs: Vec<Language> = meeting.releases.iter().map(|r| r.language).collect();
        for (l, _) in notes {
            if !langs.contains(l) {
                return Err(invalid(
                    id,
                    format!("a note in {:?}: the meeting has no release in it", l.tag()),
                ));
            }
        }
        let now = now_to_the_second();
        let original = meeting.info.languages[0];
        for r in &mut meeting.releases {
            let text = notes
                .iter()
                .find(|(l, _)| *l == r.language && r.language != original)
                .and_then(|(_, t)| one_line(Some(t)))
                .unwrap_or_else(|| note.clone());
            let text: Runs = vec![Run::Text(text)];
            r.corrections.push(Correction { at: now, text });
            r.updated = Some(now);
        }
        check_v2(&meeting)?;
        save_v2_in(&tx, id, stored.revision, &meeting)?;
        tx.execute("UPDATE meetings SET updated_auto = 1 WHERE id = ?1", [id])?;
        let entry = log_in(
            &tx,
            id,
            Status::Corrected,
            one_line(by).as_deref(),
            Some(&note),
            &meeting,
        )?;
        tx.commit()?;
        Ok(entry)
    }
}
