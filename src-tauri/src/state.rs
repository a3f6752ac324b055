//! What the shell keeps between commands: the one store, the editor's live preview (the v2
//! document it last sent, so a keystroke sends only what changed), and when the app started (for
//! `--smoke`). UI state (which meeting is open, panes, drafts) lives in the UI, not here.

use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use communique_core::preview::LivePreviewV2;
use communique_core::{Code, Store};

use crate::error::AppError;

pub struct AppState {
    store: Mutex<Store>,
    preview_v2: Mutex<Option<LivePreviewV2>>,
    pub started: Instant,
    pub smoke: bool,
}

impl AppState {
    pub fn new(store: Store, started: Instant, smoke: bool) -> AppState {
        AppState {
            store: Mutex::new(store),
            preview_v2: Mutex::new(None),
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

impl AppState {
    /// The editor's live preview (poisoned: taken over, it holds no transaction).
    pub fn preview_v2(&self) -> MutexGuard<'_, Option<LivePreviewV2>> {
        self.preview_v2
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
