//! The release's version history: what was exported, and when. A version holds the composed
//! release (plain text, for reading and diffing) and the meeting file it came from (for
//! restoring). Versions are only added, never changed; a restore is itself a new version.

use chrono::Timelike;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{MeetingId, Store};
use crate::compose::compose;
use crate::error::{Error, Result};
use crate::meeting_file;
use crate::render::plain_text;

/// One line of a meeting's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct VersionSummary {
    pub number: i64,
    pub created_at: String,
    pub reason: String,
    /// The release's headline at that version.
    pub headline: String,
}

/// A whole version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub number: i64,
    pub created_at: String,
    pub reason: String,
    pub release: String,
    pub meeting: crate::model::Meeting,
}

impl Store {
    /// The meeting as it is to be exported now. When its release reads differently from the
    /// latest version (a correction), the release's `updated` time moves to now, unless the
    /// officer set it by hand; that change is stored. Callers render the result, write it, then
    /// `record_version`.
    pub fn meeting_for_export(&mut self, id: MeetingId) -> Result<crate::model::Meeting> {
        let stored = self.load(id)?;
        let mut meeting = stored.meeting;
        if meeting.release.is_none() {
            return Ok(meeting);
        }
        let last: Option<String> = self
            .conn
            .query_row(
                "SELECT release FROM versions WHERE meeting_id = ?1 ORDER BY number DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let auto: bool = self.conn.query_row(
            "SELECT updated_auto FROM meetings WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let corrected = last.is_some_and(|text| text != plain_text(&compose(&meeting)));
        let release = meeting.release.get_or_insert_with(Default::default);
        if corrected && (release.updated.is_none() || auto) {
            let now = chrono::Utc::now().fixed_offset();
            release.updated = Some(now.with_nanosecond(0).unwrap_or(now));
            self.save(id, stored.revision, &meeting)?;
            self.conn
                .execute("UPDATE meetings SET updated_auto = 1 WHERE id = ?1", [id])?;
        }
        Ok(meeting)
    }

    /// Records the meeting's current release as a new version, unless it reads exactly like the
    /// latest one. Returns the new version's number, or `None` when nothing changed.
    pub fn record_version(&mut self, id: MeetingId, reason: &str) -> Result<Option<i64>> {
        let meeting = self.load(id)?.meeting;
        let release = plain_text(&compose(&meeting));
        let json = meeting_file::to_json(&meeting);
        let tx = self.conn.transaction()?;
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT number, release FROM versions WHERE meeting_id = ?1 ORDER BY number DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if last.as_ref().is_some_and(|(_, text)| *text == release) {
            return Ok(None);
        }
        let number = last.map_or(1, |(n, _)| n + 1);
        tx.execute(
            "INSERT INTO versions (meeting_id, number, created_at, reason, release, meeting) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, number, super::meetings::now(), reason, release, json],
        )?;
        tx.commit()?;
        Ok(Some(number))
    }

    /// The meeting's versions, newest first.
    pub fn versions(&self, id: MeetingId) -> Result<Vec<VersionSummary>> {
        self.revision(id)?; // a missing meeting is an error, not an empty history
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, created_at, reason, release FROM versions WHERE meeting_id = ?1 ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            let release: String = r.get(3)?;
            Ok(VersionSummary {
                number: r.get(0)?,
                created_at: r.get(1)?,
                reason: r.get(2)?,
                headline: release.lines().next().unwrap_or_default().to_owned(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn version(&self, id: MeetingId, number: i64) -> Result<Version> {
        let row = self
            .conn
            .query_row(
                "SELECT created_at, reason, release, meeting FROM versions WHERE meeting_id = ?1 AND number = ?2",
                params![id, number],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)),
            )
            .optional()?
            .ok_or(Error::NoSuchVersion { id, number })?;
        let (created_at, reason, release, json) = row;
        let meeting = meeting_file::parse(
            &format!("version {number} of meeting {id}"),
            json.as_bytes(),
        )?;
        Ok(Version {
            number,
            created_at,
            reason,
            release,
            meeting,
        })
    }

    /// Puts the meeting back as it was at `number` (one transaction), then records that as a new
    /// version. Returns the number of the version the restore made (or the latest one if the
    /// release already read like that).
    pub fn restore(&mut self, id: MeetingId, number: i64) -> Result<i64> {
        let version = self.version(id, number)?;
        let revision = self.revision(id)?;
        self.save(id, revision, &version.meeting)?;
        match self.record_version(id, &format!("restore {number}"))? {
            Some(n) => Ok(n),
            None => Ok(self.versions(id)?.first().map_or(number, |v| v.number)),
        }
    }
}

impl Store {
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
            plain_text(&compose(&self.load(id)?.meeting))
        } else {
            self.version(id, to)?.release
        };
        Ok(crate::diff::diff(
            &crate::diff::blocks(&before),
            &crate::diff::blocks(&after),
        ))
    }
}
