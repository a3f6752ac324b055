//! Start-up, first start, closing and `--smoke`.
//!
//! Closing: the window does not close at once. The UI is asked (`app://close-requested`) and
//! answers at once with `acknowledge_close`: it has the request in hand. From then on the window
//! stays until the UI calls `close_app`, once what is typed is stored or the user chose what to do
//! with an edit that cannot be stored (retry, save it as a meeting file, discard it). Only a UI
//! that does not answer within a few seconds (a broken one) has its window closed anyway, so it
//! never traps the user, and a UI that did answer is never overruled: an edit whose save is
//! failing is not dropped behind the user's back.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use communique_core::{sample, Store};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State, Window, WindowEvent};

use crate::error::AppResult;
use crate::state::AppState;

pub const CLOSE_REQUESTED: &str = "app://close-requested";
/// How long the UI has to acknowledge a close request before the window is closed anyway.
const CLOSE_GRACE: Duration = Duration::from_secs(4);

/// Where closing the window stands (one window, so one per process).
pub struct CloseHandshake {
    /// `close_app` was called: a close request is let through.
    closing: AtomicBool,
    /// Close requests asked of the UI so far (each one's number).
    asked: AtomicU64,
    /// The request the UI has not acknowledged yet, 0 if none.
    unanswered: AtomicU64,
}

/// What to do with a close request from the window manager.
#[derive(Debug, PartialEq, Eq)]
pub enum OnCloseRequest {
    /// The UI said so: let the window close.
    Close,
    /// Keep the window; the UI was asked already and its grace period runs.
    Wait,
    /// Keep the window and ask the UI; if request `n` is still unanswered after the grace
    /// period, close anyway.
    Ask(u64),
}

impl CloseHandshake {
    pub const fn new() -> Self {
        CloseHandshake {
            closing: AtomicBool::new(false),
            asked: AtomicU64::new(0),
            unanswered: AtomicU64::new(0),
        }
    }

    /// The user asked to close the window (its close button, File > Close Window).
    pub fn request(&self) -> OnCloseRequest {
        if self.closing.load(Ordering::SeqCst) {
            return OnCloseRequest::Close;
        }
        let n = self.asked.fetch_add(1, Ordering::SeqCst) + 1;
        match self
            .unanswered
            .compare_exchange(0, n, Ordering::SeqCst, Ordering::SeqCst)
        {
            Ok(_) => OnCloseRequest::Ask(n),
            Err(_) => OnCloseRequest::Wait,
        }
    }

    /// The UI has the request in hand: no forced close.
    pub fn acknowledge(&self) {
        self.unanswered.store(0, Ordering::SeqCst);
    }

    /// The grace period of request `n` is over: true if the UI never answered it.
    pub fn expired(&self, n: u64) -> bool {
        self.unanswered
            .compare_exchange(n, 0, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    /// The UI lets the window close.
    pub fn close(&self) {
        self.closing.store(true, Ordering::SeqCst);
    }
}

static CLOSE: CloseHandshake = CloseHandshake::new();

/// Opens the archive; on the very first start (no file yet) it holds the sample meeting, marked
/// as a sample (the app offers to keep it or start empty).
pub fn open_store(path: &Path) -> communique_core::Result<Store> {
    let first_start = std::fs::metadata(path)
        .map(|m| m.len() == 0)
        .unwrap_or(true);
    let mut store = Store::open(path)?;
    if first_start && store.count()? == 0 {
        store.insert_sample(&sample::sample_en())?;
    }
    Ok(store)
}

pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let n = match CLOSE.request() {
        OnCloseRequest::Close => return,
        OnCloseRequest::Wait => return api.prevent_close(),
        OnCloseRequest::Ask(n) => n,
    };
    api.prevent_close();
    if window.emit(CLOSE_REQUESTED, ()).is_err() {
        let _ = window.destroy();
        return;
    }
    let window = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(CLOSE_GRACE);
        if CLOSE.expired(n) {
            let _ = window.destroy();
        }
    });
}

/// The UI has the close request in hand (its first answer to `app://close-requested`): the
/// window stays until it calls `close_app`.
#[tauri::command]
#[specta::specta]
pub fn acknowledge_close() {
    CLOSE.acknowledge();
}

/// What is typed is stored, or the user chose to close without it: close now.
#[tauri::command]
#[specta::specta]
pub fn close_app(app: AppHandle) -> AppResult<()> {
    CLOSE.close();
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

#[cfg(test)]
mod tests {
    use super::{CloseHandshake, OnCloseRequest};

    #[test]
    fn a_ui_that_answers_keeps_the_window_until_it_closes_it() {
        let h = CloseHandshake::new();
        assert_eq!(h.request(), OnCloseRequest::Ask(1));
        h.acknowledge();
        assert!(!h.expired(1), "acknowledged: no forced close");
        // Clicked again while the UI asks what to do with an unsaved edit: asked again.
        assert_eq!(h.request(), OnCloseRequest::Ask(2));
        h.acknowledge();
        assert!(!h.expired(2));
        h.close();
        assert_eq!(h.request(), OnCloseRequest::Close);
    }

    #[test]
    fn a_ui_that_never_answers_has_its_window_closed_after_the_grace() {
        let h = CloseHandshake::new();
        assert_eq!(h.request(), OnCloseRequest::Ask(1));
        // A second click before any answer does not ask twice, nor close at once.
        assert_eq!(h.request(), OnCloseRequest::Wait);
        assert!(h.expired(1));
        // Had the window survived (destroy failed), the next click asks again.
        assert_eq!(h.request(), OnCloseRequest::Ask(3));
    }

    #[test]
    fn each_close_request_has_its_own_deadline() {
        let h = CloseHandshake::new();
        assert_eq!(h.request(), OnCloseRequest::Ask(1));
        h.acknowledge();
        assert_eq!(h.request(), OnCloseRequest::Ask(2));
        assert!(
            !h.expired(1),
            "request 1's timer finds nothing of its own to force"
        );
        assert!(h.expired(2), "request 2 was never answered");
    }
}
