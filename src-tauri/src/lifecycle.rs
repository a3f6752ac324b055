//! Start-up, first start, closing and `--smoke`.
//!
//! Closing: the window does not close at once. The UI is asked to flush its pending save
//! (`app://close-requested`) and answers with `close_app` once the commit returned; if it does
//! not answer within a few seconds the window closes anyway, so a broken UI never traps the user.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use communique_core::{sample, Store};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State, Window, WindowEvent};

use crate::error::AppResult;
use crate::state::AppState;

pub const CLOSE_REQUESTED: &str = "app://close-requested";
const CLOSE_GRACE: Duration = Duration::from_secs(4);

static CLOSING: AtomicBool = AtomicBool::new(false);

/// Opens the archive; on the very first start (no file yet) it holds the sample meeting.
pub fn open_store(path: &Path) -> communique_core::Result<Store> {
    let first_start = std::fs::metadata(path)
        .map(|m| m.len() == 0)
        .unwrap_or(true);
    let mut store = Store::open(path)?;
    if first_start && store.count()? == 0 {
        store.insert(&sample::sample_en())?;
    }
    Ok(store)
}

pub fn on_window_event(window: &Window, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        if CLOSING.swap(true, Ordering::SeqCst) {
            return; // second request, or the flush finished: let it close
        }
        api.prevent_close();
        if window.emit(CLOSE_REQUESTED, ()).is_err() {
            let _ = window.destroy();
            return;
        }
        let window = window.clone();
        std::thread::spawn(move || {
            std::thread::sleep(CLOSE_GRACE);
            let _ = window.destroy();
        });
    }
}

/// The UI has saved everything: close now.
#[tauri::command]
#[specta::specta]
pub fn close_app(app: AppHandle) -> AppResult<()> {
    CLOSING.store(true, Ordering::SeqCst);
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.destroy();
    }
    Ok(())
}

#[derive(Serialize)]
struct SmokeReport {
    ready_ms: u128,
    meetings: i64,
    preview_paragraphs: u32,
}

/// The UI has shown the meetings list and the latest meeting's preview. Under `--smoke`, report
/// and quit; otherwise nothing to do.
#[tauri::command]
#[specta::specta]
pub fn ui_ready(
    app: AppHandle,
    state: State<'_, AppState>,
    meetings: i64,
    preview_paragraphs: u32,
) {
    if !state.smoke {
        return;
    }
    let report = SmokeReport {
        ready_ms: state.started.elapsed().as_millis(),
        meetings,
        preview_paragraphs,
    };
    println!("{}", serde_json::to_string(&report).unwrap_or_default());
    app.exit(0);
}

/// Under `--smoke`, a UI that never gets ready is a failure, not a hang.
pub fn smoke_deadline(app: AppHandle, after: Duration) {
    std::thread::spawn(move || {
        std::thread::sleep(after);
        eprintln!(
            "communique-desktop --smoke: the UI was not ready after {}s",
            after.as_secs()
        );
        app.exit(2);
    });
}
