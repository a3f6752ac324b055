//! The release as the editor shows it: the preview is core's own HTML of the unsaved document
//! (`render::preview`: the export's `<article>` byte for byte, styled for the UI's shadow root), so
//! what the officer sees is what will be exported.

use communique_core::{compose, render};
use tauri::AppHandle;
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::commands::meetings::EditorDoc;
use crate::error::{AppError, AppResult};

#[tauri::command(async)]
#[specta::specta]
pub fn preview_release(doc: EditorDoc) -> AppResult<String> {
    Ok(render::preview(&compose(&doc.meeting()?)))
}

/// The release on the clipboard twice: as rich text (the `<article>`) for a CMS or an e-mail,
/// and as plain text for everything else.
#[tauri::command(async)]
#[specta::specta]
pub fn copy_release(app: AppHandle, doc: EditorDoc) -> AppResult<()> {
    let composed = compose(&doc.meeting()?);
    app.clipboard()
        .write_html(
            render::article(&composed),
            Some(render::plain_text(&composed)),
        )
        .map_err(|e| AppError::new(communique_core::Code::Io, format!("clipboard: {e}")))
}
