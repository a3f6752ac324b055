//! What the shell keeps between commands: the one store, the editor's live preview (the v2
//! document it last sent, so a keystroke sends only what changed), and when the app started (for
//! `--smoke`). UI state (which meeting is open, panes, drafts) lives in the UI, not here.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use communique_core::compose::Image;
use communique_core::preview::LivePreviewV2;
use communique_core::{Code, Store};

use crate::error::AppError;

pub struct AppState {
    store: Mutex<Store>,
    preview_v2: Mutex<Option<LivePreviewV2>>,
    /// Photos' images read from the archive once, for the preview and the `photo:` scheme (the
    /// bytes are shared, `Arc`): a keystroke never reads a picture from SQLite again.
    images: Mutex<HashMap<String, Image>>,
    pub started: Instant,
    pub smoke: bool,
}

impl AppState {
    pub fn new(store: Store, started: Instant, smoke: bool) -> AppState {
        AppState {
            store: Mutex::new(store),
            preview_v2: Mutex::new(None),
            images: Mutex::new(HashMap::new()),
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

impl AppState {
    /// The archive's image named `sha256` (kept after the first read), or `None`.
    pub fn image(&self, sha256: &str) -> Option<Image> {
        let mut images = self
            .images
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(image) = images.get(sha256) {
            return Some(image.clone());
        }
        let image = self.store().image(sha256).ok().flatten()?;
        images.insert(sha256.to_owned(), image.clone());
        Some(image)
    }

    /// Keeps an image just imported for the preview.
    pub fn keep_image(&self, image: Image) {
        self.images
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(image.sha256.clone(), image);
    }
}

/// The window's name for a store that could not be opened, shown before quitting.
pub fn open_error(path: &std::path::Path, e: communique_core::Error) -> AppError {
    AppError::new(
        Code::Storage,
        format!("Communiqué cannot open its archive {}: {e}", path.display()),
    )
}
