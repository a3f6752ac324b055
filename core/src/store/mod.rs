//! The SQLite store: the only place in the project that speaks SQL.
//!
//! One file holds the whole archive. It marks itself with SQLite's own header fields
//! (`application_id`, `user_version`) and is checked before anything is written to it: a file
//! that is not SQLite, belongs to another program, or comes from a newer Communiqué is refused and
//! left byte-for-byte as it was. Every user action is one transaction; WAL with `synchronous=FULL`
//! means a commit that returned survives a crash or power loss.
//!
//! Deliberately absent: a connection pool, an async API, a generic query entry point. The desktop
//! app and the CLI each own one `Store`; callers get domain operations only.

mod backups;
mod images;
mod legacy;
mod meetings;
pub mod recovery;
mod search;
mod status;
mod versions;

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

pub use backups::{backups_of, Backup, DAILY_KEPT};
pub use images::ImageInfo;
pub use meetings::{MeetingId, MeetingSummary, Stored, StoredV2};
pub use search::{PrivateNotes, SearchHit};
pub use status::{Clearance, StatusEntry};
pub use versions::{Version, VersionReason, VersionSummary};

use crate::error::{Error, Result};

/// `PRAGMA application_id`: "Cmq1". Registered nowhere, unlikely to collide.
pub const APPLICATION_ID: i32 = 0x436d_7131;

/// The migrations, oldest first; `user_version` is how many have run. Dated files, never edited
/// once released: a change of schema is a new file.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/2026-11-27-0001_meetings.sql"),
    include_str!("../../migrations/2026-11-27-0002_versions.sql"),
    include_str!("../../migrations/2026-12-01-0003_version_reasons.sql"),
    include_str!("../../migrations/2026-12-02-0004_documents.sql"),
    include_str!("../../migrations/2026-12-03-0005_samples_private_search.sql"),
    include_str!("../../migrations/2026-12-04-0006_export_formats.sql"),
    include_str!("../../migrations/2026-12-05-0007_images_status.sql"),
];

/// Rust run after a migration's SQL, in its transaction: (schema version it leads to, hook).
type Hook = fn(&rusqlite::Transaction) -> Result<()>;
const HOOKS: &[(usize, Hook)] = &[(4, legacy::to_documents), (5, search::reindex)];

/// The schema version this build writes.
pub fn schema_version() -> i32 {
    MIGRATIONS.len() as i32
}

fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .enumerate()
            .map(|(i, sql)| match HOOKS.iter().find(|(to, _)| *to == i + 1) {
                Some(&(_, hook)) => M::up_with_hook(sql, move |tx: &rusqlite::Transaction| {
                    hook(tx).map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
                }),
                None => M::up(sql),
            })
            .collect(),
    )
}

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the archive at `path`. Refuses, without writing a byte, a file that is
    /// not SQLite, an SQLite file of another program, one from a newer schema, or one whose pages
    /// do not read back as SQLite wrote them (`Error::Damaged`: see `recovery`).
    pub fn open(path: &Path) -> Result<Store> {
        let exists_with_content = std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        if exists_with_content {
            check_header(path)?;
            check_existing(path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::Io {
                path: dir.display().to_string(),
                source: e,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| sqlite_error(&path.display().to_string(), e))?;
        let store = Store {
            conn,
            path: Some(path.to_owned()),
        };
        store.prepare()
    }

    /// A private archive in memory: every store test is hermetic.
    pub fn open_in_memory() -> Result<Store> {
        let store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        store.prepare()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn describe(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| ":memory:".to_owned(), |p| p.display().to_string())
    }

    /// Connection settings, then migrations. Only called once the file is known to be ours.
    fn prepare(mut self) -> Result<Store> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if self.path.is_some() {
            let mode: String =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Database {
                    path: self.describe(),
                    detail: format!("could not switch to WAL (journal mode stays {mode})"),
                });
            }
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        let app_id: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))?;
        if app_id != APPLICATION_ID {
            self.conn
                .pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        let from: i32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if from > 0 && from < schema_version() {
            self.backup_before_migration(from)?;
        }
        migrations()
            .to_latest(&mut self.conn)
            .map_err(|e| Error::Migration {
                path: self.describe(),
                detail: e.to_string(),
            })?;
        Ok(self)
    }

    /// A copy of the archive as it is, next to it, before a migration changes it:
    /// `<file>.before-schema-<to>-<UTC time>.sqlite3`. SQLite's `VACUUM INTO` writes a consistent
    /// copy (WAL included) without touching the original.
    fn backup_before_migration(&self, from: i32) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let stamp = crate::clock::now_utc().format("%Y%m%dT%H%M%SZ");
        let name = format!(
            "{}.before-schema-{}-{stamp}.sqlite3",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            schema_version()
        );
        let target = path.with_file_name(name);
        self.conn
            .execute("VACUUM INTO ?1", [target.display().to_string()])
            .map_err(|e| Error::Migration {
                path: self.describe(),
                detail: format!(
                    "could not back up schema {from} to {} before migrating, nothing was changed: {e}",
                    target.display()
                ),
            })?;
        Ok(())
    }

    /// SQLite's own consistency checks, for tests and `--check` style diagnostics.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// The whole schema as SQL, in a stable order: snapshot-tested so every change shows in review.
    pub fn schema_sql(&self) -> Result<String> {
        let mut stmt = self.conn.prepare(
            "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'meeting_search_%' ORDER BY type DESC, name",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row?);
        }
        Ok(out.join(";\n\n") + ";\n")
    }
}

/// The first 16 bytes of every SQLite 3 database.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn check_header(path: &Path) -> Result<()> {
    let io = |e| Error::Io {
        path: path.display().to_string(),
        source: e,
    };
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(io)?;
    let n = file.read(&mut head).map_err(io)?;
    if n < 16 || &head != SQLITE_MAGIC {
        return Err(Error::NotADatabase {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// An existing archive, read through a read-only connection (so that nothing, not even a
/// checkpoint at close, writes to it): ours, not from a newer schema, and of the shape SQLite
/// wrote (`check_length`, `check_first_pages`). Cheap, whatever the archive's size: the full check of every page
/// (`Store::check_pages`) runs before each daily backup instead.
fn check_existing(path: &Path) -> Result<()> {
    let name = path.display().to_string();
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sqlite_error(&name, e))?;
    check_length(path).map_err(|detail| Error::Damaged {
        path: name.clone(),
        detail,
    })?;
    check_owner(&conn, &name)?;
    check_first_pages(&conn).map_err(|e| match e {
        PageCheck::Damaged(detail) => Error::Damaged {
            path: name.clone(),
            detail,
        },
        PageCheck::Failed(e) => sqlite_error(&name, e),
    })
}

/// The file's length against the page size and page count its header gives: a file cut short,
/// mid-page or not. Read before SQLite reads anything past the header.
fn check_length(path: &Path) -> std::result::Result<(), String> {
    let mut head = [0u8; 100];
    let len = std::fs::File::open(path)
        .and_then(|mut f| {
            f.read_exact(&mut head)?;
            f.metadata()
        })
        .map(|m| m.len())
        .map_err(|_| "the file ends inside its 100-byte header".to_owned())?;
    let page = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536u64,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => return Err(format!("its header gives an impossible page size ({n})")),
    };
    if len % page != 0 {
        return Err(format!(
            "the file ends in the middle of a page ({len} bytes, pages of {page})"
        ));
    }
    let be = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    // The header's page count is only valid when its change counter matches (SQLite ≥ 3.7.0),
    // and a write-ahead log not yet copied back may hold pages the file does not have yet.
    let count = u64::from(be(28));
    let wal_pending = {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
    };
    if be(24) == be(92) && count > 0 && !wal_pending && len < count * page {
        return Err(format!(
            "the file is cut short: {} of its {count} pages",
            len / page
        ));
    }
    Ok(())
}

/// The schema and the first pages of every table (a garbled table root, the first rows): a
/// few pages, whatever the archive's size. Damage elsewhere shows as `Error::Damaged` when it is
/// read, and in the check before the day's backup.
fn check_first_pages(conn: &Connection) -> std::result::Result<(), PageCheck> {
    let tables = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY rootpage",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    let first_rows = || -> rusqlite::Result<()> {
        for table in tables()? {
            let sql = format!("SELECT 1 FROM \"{}\" LIMIT 1", table.replace('"', "\"\""));
            conn.query_row(&sql, [], |_| Ok(())).or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(()),
                e => Err(e),
            })?;
        }
        Ok(())
    };
    first_rows().map_err(|e| {
        if is_damage(&e) {
            PageCheck::Damaged(e.to_string())
        } else {
            PageCheck::Failed(e)
        }
    })
}

/// Reads the header fields and the table names; writes nothing.
fn check_owner(conn: &Connection, path: &str) -> Result<()> {
    let read = |e: rusqlite::Error| sqlite_error(path, e);
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(read)?;
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(read)?;
    if app_id == APPLICATION_ID {
        if version > schema_version() {
            return Err(Error::NewerSchema {
                path: path.to_owned(),
                found: version,
                supported: schema_version(),
            });
        }
        return Ok(());
    }
    if app_id != 0 {
        return Err(Error::ForeignDatabase {
            path: path.to_owned(),
            detail: format!(
                "its application_id is {app_id:#010x}, Communiqué's is {APPLICATION_ID:#010x}"
            ),
        });
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(read)?;
    if tables > 0 || version != 0 {
        return Err(Error::ForeignDatabase {
            path: path.to_owned(),
            detail: format!("it already holds {tables} schema objects and none are Communiqué's"),
        });
    }
    Ok(())
}

enum PageCheck {
    /// What SQLite found wrong.
    Damaged(String),
    /// The check itself could not run.
    Failed(rusqlite::Error),
}

/// `PRAGMA quick_check`: every page of every table and index read and its structure checked.
/// One pass over the whole file (about 90 ms for 5,000 meetings).
fn check_pages(conn: &Connection) -> std::result::Result<(), PageCheck> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA quick_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    match run() {
        Ok(lines) if lines == ["ok"] => Ok(()),
        Ok(lines) => Err(PageCheck::Damaged(match lines.as_slice() {
            [one] => one.clone(),
            [first, rest @ ..] => format!("{first}, and {} more problems", rest.len()),
            [] => "the check returned nothing".to_owned(),
        })),
        Err(e) if is_damage(&e) => Err(PageCheck::Damaged(e.to_string())),
        Err(e) => Err(PageCheck::Failed(e)),
    }
}

/// SQLite's own words for a file whose pages are not what it wrote.
pub(crate) fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// An SQLite error on the archive at `path`: `Damaged` when SQLite says the file is corrupt.
fn sqlite_error(path: &str, e: rusqlite::Error) -> Error {
    if is_damage(&e) {
        Error::Damaged {
            path: path.to_owned(),
            detail: e.to_string(),
        }
    } else {
        Error::Database {
            path: path.to_owned(),
            detail: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
