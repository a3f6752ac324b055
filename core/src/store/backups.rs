//! Copies of the archive: one a day (seven kept) in `backups/` next to the database, and the one
//! made before a schema migration. Restoring one replaces the archive's whole content in one step
//! (SQLite's backup API), after a copy of the current archive is put aside.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, MAIN_DB};
use serde::Serialize;

use super::{
    check_header, check_pages, schema_version, sqlite_error, PageCheck, Store, APPLICATION_ID,
};
use crate::error::{Error, Result};

/// Daily backups kept.
pub const DAILY_KEPT: usize = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Backup {
    pub path: String,
    pub name: String,
    /// When the copy was made (file time, UTC, RFC 3339).
    pub created_at: String,
    pub meetings: i64,
    pub size_bytes: u64,
}

/// The folder the archive is in.
pub(super) fn folder(db: &Path) -> &Path {
    match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// `backups/` next to the archive.
fn backup_dir(db: &Path) -> PathBuf {
    folder(db).join("backups")
}

/// The archive's file name without its extension: what daily backups are named after.
fn stem(db: &Path) -> String {
    db.file_stem().map_or_else(
        || "archive".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

impl Store {
    /// Today's backup (today by `clock::today`), unless there is one already; then only the
    /// newest `DAILY_KEPT` daily backups are kept. Returns the new file, if one was made.
    /// Every page of the archive is checked first (once a day, then): a damaged archive is never
    /// copied over a good backup's place in the seven, and says `Error::Damaged`.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        let Some(db) = &self.path else {
            return Ok(None);
        };
        let dir = backup_dir(db);
        let io = |e| Error::Io {
            path: dir.display().to_string(),
            source: e,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let prefix = format!("{}-daily-", stem(db));
        let today = dir.join(format!(
            "{prefix}{}.sqlite3",
            crate::clock::today().format("%Y-%m-%d")
        ));
        let made = if today.exists() {
            None
        } else {
            // VACUUM INTO refuses an existing file; a half-written one from a crash is removed.
            let tmp = today.with_extension("partial");
            let _ = std::fs::remove_file(&tmp);
            let name = db.display().to_string();
            check_pages(&self.conn).map_err(|e| match e {
                PageCheck::Damaged(detail) => Error::Damaged {
                    path: name.clone(),
                    detail,
                },
                PageCheck::Failed(e) => sqlite_error(&name, e),
            })?;
            self.conn
                .execute("VACUUM INTO ?1", [tmp.display().to_string()])
                .map_err(|e| sqlite_error(&name, e))?;
            std::fs::rename(&tmp, &today).map_err(io)?;
            Some(today)
        };
        let mut daily: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().is_some_and(|n| {
                    let n = n.to_string_lossy();
                    n.starts_with(&prefix) && n.ends_with(".sqlite3")
                })
            })
            .collect();
        daily.sort(); // names carry the date: oldest first
        while daily.len() > DAILY_KEPT {
            let old = daily.remove(0);
            std::fs::remove_file(&old).map_err(|e| Error::Io {
                path: old.display().to_string(),
                source: e,
            })?;
        }
        Ok(made)
    }

    /// Every backup of this archive, newest first (see `backups_of`).
    pub fn backups(&self) -> Result<Vec<Backup>> {
        match &self.path {
            Some(db) => backups_of(db),
            None => Ok(Vec::new()),
        }
    }

    /// Replaces the whole archive with the backup at `from` (checked first: ours, not newer).
    /// The archive as it was is kept next to it (`<file>.before-restore-<time>.sqlite3`).
    /// Returns the number of meetings now stored.
    pub fn restore_backup(&mut self, from: &Path) -> Result<i64> {
        count_in(from)?;
        if let Some(path) = &self.path {
            let stamp = crate::clock::now_utc().format("%Y%m%dT%H%M%SZ");
            let name = format!(
                "{}.before-restore-{stamp}.sqlite3",
                path.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            );
            self.conn.execute(
                "VACUUM INTO ?1",
                [path.with_file_name(name).display().to_string()],
            )?;
        }
        self.conn
            .restore(MAIN_DB, from, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|e| Error::Database {
                path: from.display().to_string(),
                detail: format!("could not restore: {e}"),
            })?;
        // An older backup is brought up to this schema like any archive.
        super::migrations()
            .to_latest(&mut self.conn)
            .map_err(|e| Error::Migration {
                path: self.describe(),
                detail: e.to_string(),
            })?;
        self.count()
    }
}

/// Every backup of the archive at `db`, newest first: the daily ones in `backups/` and the copies
/// made next to it before a migration or a restore. Reads the backups only, never the archive,
/// so it works on an archive that cannot be opened.
pub fn backups_of(db: &Path) -> Result<Vec<Backup>> {
    let mut files = Vec::new();
    let dir = backup_dir(db);
    if dir.is_dir() {
        files.extend(
            std::fs::read_dir(&dir)
                .map_err(|e| Error::Io {
                    path: dir.display().to_string(),
                    source: e,
                })?
                .filter_map(|e| e.ok().map(|e| e.path())),
        );
    }
    let db_name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parent = folder(db);
    if parent.is_dir() {
        files.extend(
            std::fs::read_dir(parent)
                .map_err(|e| Error::Io {
                    path: parent.display().to_string(),
                    source: e,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name().is_some_and(|n| {
                        n.to_string_lossy()
                            .starts_with(&format!("{db_name}.before-"))
                    })
                }),
        );
    }
    let mut out = Vec::new();
    for file in files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite3"))
    {
        let Ok(meta) = std::fs::metadata(&file) else {
            continue;
        };
        let Ok(meetings) = count_in(&file) else {
            continue;
        }; // not a backup of ours
        let created: chrono::DateTime<chrono::Utc> =
            meta.modified().map(Into::into).unwrap_or_default();
        out.push(Backup {
            path: file.display().to_string(),
            name: file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            created_at: created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            meetings,
            size_bytes: meta.len(),
        });
    }
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.name.cmp(&a.name)));
    Ok(out)
}

/// Meetings in a Communiqué database file, read without writing to it; an error if the file is
/// not one of ours or is newer than this build.
pub(super) fn count_in(file: &Path) -> Result<i64> {
    check_header(file)?;
    let describe = || file.display().to_string();
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::Database {
        path: describe(),
        detail: e.to_string(),
    })?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase {
            path: describe(),
            detail: format!("application_id {app_id:#010x}"),
        });
    }
    if version > schema_version() {
        return Err(Error::NewerSchema {
            path: describe(),
            found: version,
            supported: schema_version(),
        });
    }
    Ok(conn.query_row("SELECT count(*) FROM meetings", [], |r| r.get(0))?)
}
