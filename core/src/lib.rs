//! communique-core: the whole of Communiqué that needs no window.
//!
//! - `model`: a meeting, its people, agenda, quotes and release.
//! - `meeting_file`: the v1 JSON file, read strictly, written canonically.
//! - `v2`: the meeting file v2 (runs and blocks, stable ids, a release per language), v1 ↔ v2.
//! - `compose`: the release's paragraphs from a meeting (pure).
//! - `images`: photos' image files checked (JPEG, PNG; size limits, a full decode).
//! - `lang`: one table of typography and words per release language.
//! - `render`: HTML and Markdown renderers behind one trait.
//! - `store`: the SQLite archive, migrations and full-text search; the only module with SQL.
//! - `clock`: the time everything reads (tests of whole binaries can set it).
//!
//! Never depends on Tauri or on the CLI; both are thin layers over this crate.

pub mod clearance;
pub mod clock;
pub mod compose;
pub mod diff;
pub mod error;
#[doc(hidden)]
pub mod failpoint;
mod fs;
#[doc(hidden)]
pub mod fuzzing;
pub mod images;
pub mod lang;
pub mod meeting_file;
pub mod model;
pub mod paths;
pub mod preview;
pub mod render;
pub mod sample;
mod serde_forms;
pub mod store;
pub mod v2;

pub use compose::{compose, Attributed, Composed};
pub use error::{Code, Error, Result};
pub use fs::write_atomically;
pub use lang::Language;
pub use model::{AgendaItem, Form, Meeting, MeetingInfo, Person, Photo, Published, Quote, Release};
pub use render::{Format, Renderer};
pub use store::{MeetingId, MeetingSummary, SearchHit, Store, Stored};
