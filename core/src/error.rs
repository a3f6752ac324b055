//! One error type for the core. Each variant's message is one line a user can act on, naming the
//! file, field and value involved; `code()` is the stable identifier the UI switches on.

use serde::Serialize;

use crate::meeting_file::FileError;
use crate::store::MeetingId;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    MeetingFile(#[from] FileError),
    /// An XLIFF file refused: every problem, one a line, each with the file and the unit.
    #[error("{0}")]
    Xliff(crate::v2::xliff::Problems),
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    /// An image file refused as a photo (`images::check`): the file's name and why.
    #[error("{file}: {reason}")]
    Image { file: String, reason: String },
    /// A typesetter refused a release (the PDF's Typst): the format and what it said.
    #[error("the {format} export failed: {detail}")]
    Render {
        format: &'static str,
        detail: String,
    },
    #[error("{path}: not a Communiqué database (not an SQLite file); left untouched")]
    NotADatabase { path: String },
    #[error("{path}: an SQLite database of another program ({detail}); left untouched")]
    ForeignDatabase { path: String, detail: String },
    #[error("{path}: written by a newer Communiqué (schema {found}, this version knows up to {supported}); left untouched, update Communiqué to open it")]
    NewerSchema {
        path: String,
        found: i32,
        supported: i32,
    },
    #[error("{path}: {detail}")]
    Database { path: String, detail: String },
    #[error("{path}: the archive is damaged ({detail}); left untouched")]
    Damaged { path: String, detail: String },
    #[error("{path}: schema migration failed, nothing was changed: {detail}")]
    Migration { path: String, detail: String },
    #[error("no meeting with id {0}")]
    NotFound(MeetingId),
    #[error("meeting {id} was changed elsewhere (revision {found}, this copy is based on {expected}); reload it before saving")]
    Conflict {
        id: MeetingId,
        expected: i64,
        found: i64,
    },
    #[error("meeting {id} has no version {number}")]
    NoSuchVersion { id: MeetingId, number: i64 },
    #[error("{what} cannot be written as a meeting file: {detail}")]
    Unwritable { what: String, detail: String },
    #[error("the search has no words to look for")]
    EmptySearch,
    #[error("the database holds a value this version cannot read: {detail}")]
    Corrupt { detail: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// What the UI can tell apart. Only add a variant the UI handles differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    InvalidInput,
    NotADatabase,
    NewerSchema,
    NotFound,
    Conflict,
    Storage,
    Io,
}

impl Error {
    /// The archive's pages are not what SQLite wrote: `Damaged`, or SQLite saying so in the middle
    /// of any read or write (damage the cheap check at open cannot see).
    pub fn is_damage(&self) -> bool {
        match self {
            Error::Damaged { .. } => true,
            Error::Sqlite(e) => crate::store::is_damage(e),
            _ => false,
        }
    }

    pub fn code(&self) -> Code {
        match self {
            Error::MeetingFile(_)
            | Error::Xliff(_)
            | Error::Invalid { .. }
            | Error::Image { .. }
            | Error::Unwritable { .. }
            | Error::Render { .. }
            | Error::EmptySearch => Code::InvalidInput,
            Error::NotADatabase { .. } | Error::ForeignDatabase { .. } => Code::NotADatabase,
            Error::NewerSchema { .. } => Code::NewerSchema,
            Error::NotFound(_) | Error::NoSuchVersion { .. } => Code::NotFound,
            Error::Conflict { .. } => Code::Conflict,
            Error::Database { .. }
            | Error::Damaged { .. }
            | Error::Migration { .. }
            | Error::Corrupt { .. }
            | Error::Sqlite(_) => Code::Storage,
            Error::Io { .. } => Code::Io,
        }
    }
}
