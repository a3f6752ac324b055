//! Where the archive lives by default: the platform's data directory, in the folder named by the
//! desktop app's bundle identifier (what Tauri's `app_data_dir()` returns), so the CLI and the app
//! open the same file without being told.

use std::path::PathBuf;

/// The desktop app's bundle identifier (`tauri.conf.json` must say the same).
pub const APP_IDENTIFIER: &str = "org.communique.desktop";
pub const DB_FILE_NAME: &str = "communique.sqlite3";
/// Overrides the default database path for the CLI and the app.
pub const DB_ENV: &str = "COMMUNIQUE_DB";

/// `$COMMUNIQUE_DB` if set and not empty, else `<data dir>/org.communique.desktop/communique.sqlite3`.
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}
