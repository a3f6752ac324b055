//! The native menu. Items that act on the document are forwarded to the UI as `app://menu`
//! events carrying the item id; the UI owns what they do. They carry no accelerators: the
//! keyboard shortcuts belong to the UI (one table, listed in its help overlay), and a menu
//! accelerator would take the key before the web view sees it. No Edit menu either: the web
//! view's own editing keys (cut, copy, paste, select all, undo in a field) must stay its own.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Runtime};

pub const MENU_EVENT: &str = "app://menu";

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str| MenuItem::with_id(app, id, label, true, None::<&str>);
    let file = Submenu::with_items(
        app,
        "File",
        true,
        &[
            &item("new-meeting", "New Meeting")?,
            &item("import", "Import Meeting File…")?,
            &PredefinedMenuItem::separator(app)?,
            &item("export-html", "Export Release as HTML…")?,
            &item("export-md", "Export Release as Markdown…")?,
            &item("export-json", "Export Meeting File…")?,
            &item("copy-release", "Copy Release")?,
            &item("versions", "Release Versions…")?,
            &item("backups", "Backups…")?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::close_window(app, Some("Close Window"))?,
        ],
    )?;
    let meeting = Submenu::with_items(
        app,
        "Meeting",
        true,
        &[
            &item("new-item", "New Agenda Item")?,
            &item("new-quote", "New Quote")?,
            &item("search", "Search Meetings")?,
        ],
    )?;
    let help = Submenu::with_items(
        app,
        "Help",
        true,
        &[&item("shortcuts", "Keyboard Shortcuts")?],
    )?;
    Menu::with_items(app, &[&file, &meeting, &help])
}

pub fn forward<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let _ = app.emit(MENU_EVENT, id);
}
