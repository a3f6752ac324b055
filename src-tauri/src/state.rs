//! What the shell keeps between commands: the one store, and when the app started (for
//! `--smoke`). UI state (which meeting is open, panes, drafts) lives in the UI, not here.

use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use communique_core::{Code, Store};

use crate::error::AppError;

pub struct AppState {
    store: Mutex<Store>,
    pub started: Instant,
    pub smoke: bool,
}

impl AppState {
    pub fn new(store: Store, started: Instant, smoke: bool) -> AppState {
        AppState {
            store: Mutex::new(store),
            started,
            smoke,
        }
    }

    /// The store, for one command's work. A command that panicked while holding it cannot have
    /// left a transaction half-done (SQLite rolled it back), so a poisoned lock is taken over.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The window's name for a store that could not be opened, shown before quitting.
pub fn open_error(path: &std::path::Path, e: communique_core::Error) -> AppError {
    AppError::new(
        Code::Storage,
        format!("Communiqué cannot open its archive {}: {e}", path.display()),
    )
}
