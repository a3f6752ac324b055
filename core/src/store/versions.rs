//! The release's version history: what was exported, and when. A version holds the composed
//! release (plain text, for reading and diffing) and the meeting file it came from (for
//! restoring). Versions are only added, never changed; a restore is itself a new version.
//!
//! The policies live here, for the CLI and the app alike, each one user action in one
//! transaction: an export stores a correction's `updated` time and records its version together;
//! a restore first keeps the release as it reads (so nothing typed is lost), then puts the old
//! one back and records that.

use std::fmt;

use chrono::Timelike;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::meetings::{load_v2_in, save_v2_in};
use super::{MeetingId, Store};
use crate::error::{Error, Result};
use crate::failpoint;
use crate::lang::Language;
use crate::render::{plain_text, Format};
use crate::v2::{self, MeetingV2};

/// Why a version was recorded. In JSON: `{"kind": "export", "format": "html"}`,
/// `{"kind": "by_hand"}`, `{"kind": "before_restore", "restoring": 2}`,
/// `{"kind": "restore", "from": 2}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VersionReason {
    /// The release was exported in this format.
    Export { format: Format },
    /// The officer saved a version ("Save version" in the app).
    ByHand,
    /// The release as it read just before version `restoring` was put back.
    BeforeRestore { restoring: i64 },
    /// Version `from` was put back.
    Restore { from: i64 },
}

impl VersionReason {
    /// The `reason`, `format` and `of_version` columns.
    fn columns(self) -> (&'static str, Option<&'static str>, Option<i64>) {
        match self {
            // A version keeps what the release said, not the paper it was set on: a PDF on
            // Letter is recorded as a PDF (the column's values are schema 6's).
            VersionReason::Export { format } => {
                let format = match format {
                    Format::PdfLetter => Format::Pdf,
                    f => f,
                };
                ("export", Some(format.name()), None)
            }
            VersionReason::ByHand => ("by_hand", None, None),
            VersionReason::BeforeRestore { restoring } => ("before_restore", None, Some(restoring)),
            VersionReason::Restore { from } => ("restore", None, Some(from)),
        }
    }

    fn from_columns(
        reason: &str,
        format: Option<&str>,
        of_version: Option<i64>,
    ) -> Option<VersionReason> {
        Some(match (reason, format, of_version) {
            ("export", Some(name), None) => VersionReason::Export {
                format: Format::from_name(name)?,
            },
            ("by_hand", None, None) => VersionReason::ByHand,
            ("before_restore", None, Some(n)) => VersionReason::BeforeRestore { restoring: n },
            ("restore", None, Some(n)) => VersionReason::Restore { from: n },
            _ => return None,
        })
    }
}

/// In words, as the CLI's `history` prints it: `Exported as HTML`, `Restored version 2`.
impl fmt::Display for VersionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionReason::Export { format } => {
                let what = match format {
                    Format::Html => "HTML",
                    Format::Markdown => "Markdown",
                    Format::Json => "meeting file",
                    Format::Eml => "e-mail",
                    Format::Ninjs => "ninjs",
                    Format::Docx => "Word document",
                    Format::Pdf | Format::PdfLetter => "PDF",
                };
                write!(f, "Exported as {what}")
            }
            VersionReason::ByHand => f.write_str("Saved by hand"),
            VersionReason::BeforeRestore { restoring } => {
                write!(f, "Before restoring version {restoring}")
            }
            VersionReason::Restore { from } => write!(f, "Restored version {from}"),
        }
    }
}

/// One line of a meeting's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct VersionSummary {
    pub number: i64,
    pub created_at: String,
    pub reason: VersionReason,
    /// The release's headline at that version.
    pub headline: String,
}

/// A whole version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub number: i64,
    pub created_at: String,
    pub reason: VersionReason,
    pub release: String,
    /// The meeting file it came from (versions recorded before schema 4 hold v1 files: they
    /// come back upgraded).
    pub meeting: MeetingV2,
}

/// The text a version holds: the plain text of each release, in the meeting's order, the
/// original first; a second language's after a blank line and `— <tag> —` (a meeting with one
/// release reads exactly as its release).
pub fn release_text(m: &MeetingV2) -> String {
    let mut out = String::new();
    for (i, r) in m.releases.iter().enumerate() {
        if i > 0 {
            out.push_str(&format!("\n\n— {} —\n\n", r.language.tag()));
        }
        out.push_str(&plain_text(&v2::compose(m, r.language)));
    }
    if m.releases.is_empty() {
        out = plain_text(&v2::compose(m, m.info.languages[0]));
    }
    out
}

impl Store {
    /// Exports the meeting as `format`, one transaction: when its release reads differently
    /// from the latest version (a correction), the release's `updated` time moves to now unless
    /// the officer set it by hand, and that is stored; the output is handed to `write` (a file,
    /// standard output); then the export is recorded as a version. If `write` fails, nothing is
    /// stored. Returns the new version's number, or `None` when the release reads like the latest.
    pub fn export(
        &mut self,
        id: MeetingId,
        format: Format,
        write: impl FnOnce(&[u8]) -> Result<()>,
    ) -> Result<Option<i64>> {
        self.export_in(id, format, None, false, write)
    }

    /// `export` of the release in `language` (absent: the original); the meeting file whole
    /// for `Format::Json`. A correction moves the `updated` time of the release exported (of
    /// every release, for the meeting file). A translated release with texts to translate or
    /// outdated is refused (`translation::check_complete`) unless `allow_outdated`.
    pub fn export_in(
        &mut self,
        id: MeetingId,
        format: Format,
        language: Option<Language>,
        allow_outdated: bool,
        write: impl FnOnce(&[u8]) -> Result<()>,
    ) -> Result<Option<i64>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored = load_v2_in(&tx, id)?;
        let mut meeting = stored.meeting;
        let language = language.unwrap_or(meeting.info.languages[0]);
        if format != Format::Json {
            meeting.check_published_in(&format!("meeting {id}"), language)?;
            if !allow_outdated {
                v2::translation::check_complete(&meeting, language, &format!("meeting {id}"))?;
            }
        }
        if !meeting.releases.is_empty() {
            let auto: bool = tx.query_row(
                "SELECT updated_auto FROM meetings WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            let corrected =
                latest_in(&tx, id)?.is_some_and(|(_, text)| text != release_text(&meeting));
            let now = crate::clock::now_utc().fixed_offset();
            let now = now.with_nanosecond(0).unwrap_or(now);
            let mut moved = false;
            for r in meeting
                .releases
                .iter_mut()
                .filter(|r| format == Format::Json || r.language == language)
            {
                if corrected && (r.updated.is_none() || auto) {
                    r.updated = Some(now);
                    moved = true;
                }
            }
            if moved {
                save_v2_in(&tx, id, stored.revision, &meeting)?;
                tx.execute("UPDATE meetings SET updated_auto = 1 WHERE id = ?1", [id])?;
            }
        }
        let images = super::images::images_of_in(&tx, &meeting, language)?;
        let bytes = match format {
            Format::Json => format.bytes_v2(&meeting, language)?,
            release => {
                let composed =
                    v2::compose_with_images(&meeting, language, &|sha| images.get(sha).cloned());
                composed.check()?;
                let status = super::status::status_in(&tx, id)?;
                release.release(&composed.with_status(status))?
            }
        };
        write(&bytes)?;
        failpoint::hit(failpoint::EXPORT_BEFORE_VERSION);
        let number = record_in(&tx, id, &meeting, VersionReason::Export { format })?;
        tx.commit()?;
        Ok(number)
    }

    /// Records the meeting's current release as a new version, unless it reads exactly like the
    /// latest one. Returns the new version's number, or `None` when nothing changed.
    pub fn record_version(&mut self, id: MeetingId, reason: VersionReason) -> Result<Option<i64>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let meeting = load_v2_in(&tx, id)?.meeting;
        let number = record_in(&tx, id, &meeting, reason)?;
        tx.commit()?;
        Ok(number)
    }

    /// The meeting's versions, newest first.
    pub fn versions(&self, id: MeetingId) -> Result<Vec<VersionSummary>> {
        self.revision(id)?; // a missing meeting is an error, not an empty history
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, created_at, reason, format, of_version, release FROM versions
             WHERE meeting_id = ?1 ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (number, created_at, reason, format, of_version, release) = row?;
            out.push(VersionSummary {
                number,
                created_at,
                reason: reason_of(id, number, &reason, format.as_deref(), of_version)?,
                headline: release.lines().next().unwrap_or_default().to_owned(),
            });
        }
        Ok(out)
    }

    pub fn version(&self, id: MeetingId, number: i64) -> Result<Version> {
        version_in(&self.conn, id, number)
    }

    /// Puts the meeting back as it was at `number`, one transaction: the release as it reads now
    /// is kept first as a version (when it reads differently from the latest), so the restore
    /// can itself be undone; then the old meeting is stored and recorded as a new version.
    /// Returns the number of the version the restore made (or the latest one if the release
    /// already read like that).
    pub fn restore(&mut self, id: MeetingId, number: i64) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = version_in(&tx, id, number)?;
        let current = load_v2_in(&tx, id)?;
        record_in(
            &tx,
            id,
            &current.meeting,
            VersionReason::BeforeRestore { restoring: number },
        )?;
        failpoint::hit(failpoint::RESTORE_AFTER_SNAPSHOT);
        save_v2_in(&tx, id, current.revision, &version.meeting)?;
        let made = match record_in(
            &tx,
            id,
            &version.meeting,
            VersionReason::Restore { from: number },
        )? {
            Some(n) => n,
            None => latest_in(&tx, id)?.map_or(number, |(n, _)| n),
        };
        tx.commit()?;
        Ok(made)
    }

    /// Paragraph by paragraph from version `from` to version `to`; `to == 0` is the meeting as
    /// stored now.
    pub fn version_diff(
        &self,
        id: MeetingId,
        from: i64,
        to: i64,
    ) -> Result<Vec<crate::diff::DiffPara>> {
        let before = self.version(id, from)?.release;
        let after = if to == 0 {
            release_text(&self.load_v2(id)?.meeting)
        } else {
            self.version(id, to)?.release
        };
        Ok(crate::diff::diff(
            &crate::diff::blocks(&before),
            &crate::diff::blocks(&after),
        ))
    }
}

/// The latest version's number and release text.
fn latest_in(conn: &Connection, id: MeetingId) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT number, release FROM versions WHERE meeting_id = ?1 ORDER BY number DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Records `meeting`'s release as the next version of `id` inside the caller's transaction,
/// unless it reads exactly like the latest one.
fn record_in(
    tx: &Connection,
    id: MeetingId,
    meeting: &MeetingV2,
    reason: VersionReason,
) -> Result<Option<i64>> {
    let release = release_text(meeting);
    let last = latest_in(tx, id)?;
    if last.as_ref().is_some_and(|(_, text)| *text == release) {
        return Ok(None);
    }
    let number = last.map_or(1, |(n, _)| n + 1);
    let (kind, format, of_version) = reason.columns();
    tx.execute(
        "INSERT INTO versions (meeting_id, number, created_at, reason, format, of_version, release, meeting)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            number,
            super::meetings::now(),
            kind,
            format,
            of_version,
            release,
            crate::render::meeting_file_json(meeting)?
        ],
    )?;
    Ok(Some(number))
}

fn version_in(conn: &Connection, id: MeetingId, number: i64) -> Result<Version> {
    let row = conn
        .query_row(
            "SELECT created_at, reason, format, of_version, release, meeting FROM versions
             WHERE meeting_id = ?1 AND number = ?2",
            params![id, number],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NoSuchVersion { id, number })?;
    let (created_at, reason, format, of_version, release, json) = row;
    let meeting = v2::parse_any(
        &format!("version {number} of meeting {id}"),
        json.as_bytes(),
    )?;
    Ok(Version {
        number,
        created_at,
        reason: reason_of(id, number, &reason, format.as_deref(), of_version)?,
        release,
        meeting,
    })
}

fn reason_of(
    id: MeetingId,
    number: i64,
    reason: &str,
    format: Option<&str>,
    of_version: Option<i64>,
) -> Result<VersionReason> {
    VersionReason::from_columns(reason, format, of_version).ok_or_else(|| Error::Corrupt {
        detail: format!(
            "meeting {id}: version {number}'s reason {reason:?} ({format:?}, {of_version:?}) is not valid"
        ),
    })
}
