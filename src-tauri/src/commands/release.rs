//! The release as the editor shows it: the preview is core's own HTML of the unsaved document
//! (`render::preview`: the export's `<article>` byte for byte, styled for the UI's shadow root), so
//! what the officer sees is what will be exported.

use communique_core::{compose, meeting_file, render, Format};
use serde_json::Value;
use tauri::AppHandle;
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::commands::meetings::EDITOR;
use crate::error::{AppError, AppResult};

#[tauri::command(async)]
pub fn preview_release(doc: Value) -> AppResult<String> {
    Ok(render::preview(&compose(&meeting_file::from_value(
        EDITOR, &doc,
    )?)))
}

#[tauri::command(async)]
pub fn render_release(doc: Value, format: String) -> AppResult<String> {
    let meeting = meeting_file::from_value(EDITOR, &doc)?;
    let format = match format.as_str() {
        "html" => Format::Html,
        "md" => Format::Markdown,
        other => {
            return Err(AppError::new(
                communique_core::Code::InvalidInput,
                format!("unknown release format {other:?}: html or md"),
            ))
        }
    };
    Ok(format.render(&meeting)?)
}

/// The release on the clipboard twice: as rich text (the `<article>`) for a CMS or an e-mail,
/// and as plain text for everything else.
#[tauri::command(async)]
pub fn copy_release(app: AppHandle, doc: Value) -> AppResult<()> {
    let composed = compose(&meeting_file::from_value(EDITOR, &doc)?);
    app.clipboard()
        .write_html(
            render::article(&composed),
            Some(render::plain_text(&composed)),
        )
        .map_err(|e| AppError::new(communique_core::Code::Io, format!("clipboard: {e}")))
}
