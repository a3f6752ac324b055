//! Test-only: a way for a test to kill a real process between two steps of one user action, as a
//! `kill -9` or a power cut would, and then check that the archive holds all of the action or
//! none of it. `COMMUNIQUE_FAILPOINT=<name>` aborts the process when it reaches the point of that
//! name; nothing but tests should set it.

/// The variable tests set to name the point where the process dies.
pub const FAILPOINT_ENV: &str = "COMMUNIQUE_FAILPOINT";

/// In an export, between storing a corrected release's `updated` time (and writing the output)
/// and recording the export's version.
pub const EXPORT_BEFORE_VERSION: &str = "export_before_version";
/// Between keeping the release as it read before a restore and putting the old version back.
pub const RESTORE_AFTER_SNAPSHOT: &str = "restore_after_snapshot";

/// In `photo add`, between storing the image and storing the meeting that names it.
pub const PHOTO_BEFORE_MEETING: &str = "photo_before_meeting";

/// Aborts the process (no unwinding, no destructor, no rollback: like `kill -9`) when the test
/// asked to die at `name`.
pub(crate) fn hit(name: &str) {
    if std::env::var_os(FAILPOINT_ENV).is_some_and(|v| v == name) {
        std::process::abort();
    }
}
