//! The release as the editor shows it: the preview is core's own HTML of the unsaved document
//! (`render::preview`: the export's `<article>` byte for byte, styled for the UI's shadow root), so
//! what the officer sees is what will be exported.

use communique_core::preview::{
    DocPart, DocPartV2, Edit, LivePreview, LivePreviewV2, PreviewUpdate,
};
use communique_core::Language;
use communique_core::{compose, render};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::commands::meetings::{EditorDoc, EditorDocV2, EDITOR};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The preview of the editor's document, sent whole (`doc`) or as the parts that changed since
/// its last request; the answer is what changed in the preview it `shown` (core's `LivePreview`).
#[tauri::command(async)]
#[specta::specta]
pub fn preview_edit(
    state: State<'_, AppState>,
    session: u32,
    shown: u64,
    doc: Option<EditorDoc>,
    parts: Vec<DocPart>,
) -> AppResult<PreviewUpdate> {
    let doc = doc.map(EditorDoc::into_value);
    let edit = Edit {
        session,
        shown,
        language: None,
        doc,
        parts,
    };
    Ok(LivePreview::edit(&mut state.preview(), EDITOR, edit)?)
}

/// `preview_edit` for the v2 editor: its parts are v2's (`DocPartV2`), and it names the language
/// of the release it shows (none: the first release's).
#[tauri::command(async)]
#[specta::specta]
pub fn preview_edit_v2(
    state: State<'_, AppState>,
    session: u32,
    shown: u64,
    language: Option<Language>,
    doc: Option<EditorDocV2>,
    parts: Vec<DocPartV2>,
) -> AppResult<PreviewUpdate> {
    let edit = Edit {
        session,
        shown,
        language,
        doc: doc.map(EditorDocV2::into_value),
        parts,
    };
    Ok(LivePreviewV2::edit(&mut state.preview_v2(), EDITOR, edit)?)
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
