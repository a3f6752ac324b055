//! A damaged archive: the file is there, but its pages are not what SQLite wrote (a disk or a
//! copy went wrong, the file was cut short). `Store::open` refuses it with `Error::Damaged` and
//! leaves it as it is; this module is what the CLI and the app do next, so they agree:
//!
//! - `Damage::assess` says what is wrong and which backup would bring the archive back (the
//!   newest one that opens and checks clean, with its date and how many meetings it holds);
//! - `recover` sets the damaged file aside (renamed, with its `-wal` and `-shm`, never deleted or
//!   written to) and puts that backup in its place, or starts a new archive.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::backups::{backups_of, count_in, folder};
use super::{check_pages, Backup, PageCheck, Store};
use crate::error::{Error, Result};

/// A damaged archive and the way back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub path: PathBuf,
    /// What SQLite found wrong, in its words.
    pub detail: String,
    /// The newest backup that opens and whose pages check clean.
    pub backup: Option<Backup>,
}

impl Damage {
    /// After `Store::open(path)` said `Error::Damaged { detail, .. }`: finds the newest usable
    /// backup. Reads backups only, never the damaged file.
    pub fn assess(path: &Path, detail: &str) -> Result<Damage> {
        let backup = backups_of(path)?
            .into_iter()
            .find(|b| usable(Path::new(&b.path)).is_ok());
        Ok(Damage {
            path: path.to_owned(),
            detail: detail.to_owned(),
            backup,
        })
    }
}

/// What to do with a damaged archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery<'a> {
    /// Put this backup in its place.
    FromBackup(&'a Path),
    /// Start an empty archive.
    StartNew,
}

/// The archive after a recovery.
pub struct Recovered {
    pub store: Store,
    /// Where the damaged file now is (its `-wal` and `-shm`, if any, beside it with the same
    /// suffixes).
    pub set_aside: PathBuf,
}

/// Sets the damaged archive at `path` aside, then opens the backup put in its place or a new
/// archive. A backup is checked first (ours, not newer, clean) and copied beside the archive
/// before anything is renamed: if it does not pass, nothing on disk has changed.
pub fn recover(path: &Path, how: Recovery<'_>) -> Result<Recovered> {
    let staged = match how {
        Recovery::FromBackup(backup) => {
            usable(backup)?;
            Some(stage(backup, path)?)
        }
        Recovery::StartNew => None,
    };
    let set_aside = match set_aside(path) {
        Ok(p) => p,
        Err(e) => {
            if let Some(tmp) = &staged {
                let _ = std::fs::remove_file(tmp); // our own copy, not the user's file
            }
            return Err(e);
        }
    };
    if let Some(tmp) = staged {
        std::fs::rename(&tmp, path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        sync_folder(path);
    }
    Ok(Recovered {
        store: Store::open(path)?,
        set_aside,
    })
}

/// Renames the archive to `<file>.damaged-<UTC time>` (and `-2`, `-3`… if that name is taken),
/// its `-wal` and `-shm` first so that no new archive at `path` could ever pick them up. Nothing
/// is deleted and no byte of the files changes. Returns the new name of the archive.
pub fn set_aside(path: &Path) -> Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = crate::clock::now_utc().format("%Y%m%dT%H%M%SZ");
    let with_suffix = |p: &Path, s: &str| {
        let mut os = p.as_os_str().to_owned();
        os.push(s);
        PathBuf::from(os)
    };
    let target = (1..=100)
        .map(|n| {
            let extra = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            path.with_file_name(format!("{name}.damaged-{stamp}{extra}"))
        })
        .find(|t| {
            ["", "-wal", "-shm"]
                .iter()
                .all(|s| !with_suffix(t, s).exists())
        })
        .ok_or_else(|| Error::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a hundred files already carry this time's name for a damaged archive",
            ),
        })?;
    for suffix in ["-wal", "-shm", ""] {
        let from = with_suffix(path, suffix);
        if suffix.is_empty() || from.exists() {
            std::fs::rename(&from, with_suffix(&target, suffix)).map_err(|e| Error::Io {
                path: from.display().to_string(),
                source: e,
            })?;
        }
    }
    sync_folder(path);
    Ok(target)
}

/// A backup that can be put in the archive's place: ours, not newer, every page clean. Returns
/// its meetings.
fn usable(backup: &Path) -> Result<i64> {
    let meetings = count_in(backup)?;
    let name = backup.display().to_string();
    let conn = Connection::open_with_flags(
        backup,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| super::sqlite_error(&name, e))?;
    check_pages(&conn).map_err(|e| match e {
        PageCheck::Damaged(detail) => Error::Damaged { path: name, detail },
        PageCheck::Failed(e) => super::sqlite_error(&name, e),
    })?;
    Ok(meetings)
}

/// A synced copy of `backup` next to the archive, ready to be renamed into its place.
fn stage(backup: &Path, archive: &Path) -> Result<PathBuf> {
    let io = |p: &Path| {
        let p = p.display().to_string();
        move |e| Error::Io { path: p, source: e }
    };
    let tmp = tempfile::Builder::new()
        .prefix(".communique-restoring-")
        .suffix(".sqlite3")
        .tempfile_in(folder(archive))
        .map_err(io(archive))?;
    let mut from = std::fs::File::open(backup).map_err(io(backup))?;
    std::io::copy(&mut from, &mut tmp.as_file()).map_err(io(tmp.path()))?;
    // The archive's own permissions, not the private ones of a temporary file.
    if let Ok(meta) = std::fs::metadata(archive) {
        std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(io(tmp.path()))?;
    }
    tmp.as_file().sync_all().map_err(io(tmp.path()))?;
    let (_, kept) = tmp.keep().map_err(|e| Error::Io {
        path: archive.display().to_string(),
        source: e.error,
    })?;
    Ok(kept)
}

/// Makes renames in the archive's folder durable; a failure here cannot lose a file.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(folder(path)) {
        let _ = d.sync_all();
    }
}
