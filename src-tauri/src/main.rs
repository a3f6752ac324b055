//! communique-desktop: the Tauri 2 shell over communique-core.
//!
//! It owns the window, the native menu and dialogs, and one `Store`; every command is a few lines
//! that call core (see `commands/`). It deliberately holds no UI state and composes nothing: the
//! preview and every export come from core.
//!
//! `--smoke`: start as usual on `$COMMUNIQUE_DB` (or the default archive), wait until the UI shows
//! the meetings list and the latest meeting's preview, print one JSON line
//! `{"ready_ms": …, "meetings": N, "preview_paragraphs": K}` and exit 0.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod archive;
mod bindings;
mod commands;
mod error;
mod lifecycle;
mod menu;
mod state;

use std::time::{Duration, Instant};

use communique_core::paths;
use tauri::Manager;

fn main() {
    let started = Instant::now();
    let smoke = std::env::args().any(|a| a == "--smoke");
    let Some(db) = paths::default_db_path() else {
        eprintln!(
            "communique-desktop: no data directory on this system: set {}",
            paths::DB_ENV
        );
        std::process::exit(1);
    };
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .menu(menu::build)
        .on_menu_event(|app, event| menu::forward(app, event.id().as_ref()))
        .on_window_event(lifecycle::on_window_event)
        .invoke_handler(bindings::builder().invoke_handler())
        // Photos' images for the preview and the editor's thumbnails, from the archive by their
        // SHA-256 (`photo://localhost/<sha256>`): the preview names an image, never carries it.
        .register_asynchronous_uri_scheme_protocol("photo", |ctx, request, responder| {
            let app = ctx.app_handle().clone();
            std::thread::spawn(move || {
                let state = app.try_state::<state::AppState>();
                responder.respond(commands::files::photo_response(
                    state.as_deref(),
                    request.uri().path(),
                ));
            });
        })
        .setup(move |app| {
            // The archive first (a damaged one is recovered, a refused one reported), then the
            // window; today's backup, and one each day while the app runs.
            archive::Start { db, started, smoke }.run(app)?;
            if smoke {
                lifecycle::smoke_deadline(app.handle().clone(), Duration::from_secs(90));
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("communique-desktop: {e}");
        std::process::exit(1);
    }
}
