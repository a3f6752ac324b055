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

mod commands;
mod error;
mod lifecycle;
mod menu;
mod state;

use std::time::{Duration, Instant};

use communique_core::paths;

use crate::state::AppState;

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
    // Refused archives (not ours, newer schema) are reported before any window opens.
    let store = match lifecycle::open_store(&db) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("communique-desktop: {}", state::open_error(&db, e).message);
            std::process::exit(1);
        }
    };

    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(AppState::new(store, started, smoke))
        .menu(menu::build)
        .on_menu_event(|app, event| menu::forward(app, event.id().as_ref()))
        .on_window_event(lifecycle::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::meetings::list_meetings,
            commands::meetings::search_meetings,
            commands::meetings::load_meeting,
            commands::meetings::create_meeting,
            commands::meetings::save_meeting,
            commands::meetings::meeting_revision,
            commands::meetings::delete_meeting,
            commands::meetings::people_directory,
            commands::history::list_versions,
            commands::history::save_version,
            commands::history::version_diff,
            commands::history::restore_version,
            commands::history::list_backups,
            commands::history::restore_backup,
            commands::release::preview_release,
            commands::release::render_release,
            commands::release::copy_release,
            commands::files::export_meeting,
            commands::files::import_meeting,
            commands::files::save_meeting_file,
            lifecycle::acknowledge_close,
            lifecycle::close_app,
            lifecycle::ui_ready,
        ])
        .setup(move |app| {
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
