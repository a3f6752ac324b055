//! The release as the editor shows it: the preview is core's own HTML of the unsaved document
//! (`render::preview`: the export's `<article>` byte for byte, styled for the UI's shadow root), so
//! what the officer sees is what will be exported.

use communique_core::preview::{DocPartV2, Edit, LivePreviewV2, PreviewUpdate};
use communique_core::render::ReleaseFacts;
use communique_core::{render, v2, Language};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::commands::meetings::{EditorDocV2, EDITOR};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The preview of the editor's v2 document, sent whole (`doc`) or as the parts that changed
/// since its last request (`DocPartV2`), in the release of `language` (none: the first
/// release's); the answer is what changed in the preview it `shown` (core's `LivePreviewV2`).
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
    let images = |sha: &str| state.image(sha);
    Ok(LivePreviewV2::edit_with_images(
        &mut state.preview_v2(),
        EDITOR,
        edit,
        Some(&images),
    )?)
}

/// What the release the editor's session last previewed says besides its preview: how each
/// attributed quote names its speaker, in reading order (shown beside each quote), and its length;
/// nothing when another session is kept (the editor asks again after its next preview).
#[tauri::command(async)]
#[specta::specta]
pub fn preview_facts(state: State<'_, AppState>, session: u32) -> ReleaseFacts {
    LivePreviewV2::facts(&state.preview_v2(), session)
}

/// The release in `language` on the clipboard twice: as rich text (the `<article>`) for a CMS or
/// an e-mail, and as plain text for everything else.
#[tauri::command(async)]
#[specta::specta]
pub fn copy_release<R: Runtime>(
    app: AppHandle<R>,
    doc: EditorDocV2,
    language: Language,
) -> AppResult<()> {
    let Clip { html, text } = clip(&doc, language)?;
    app.clipboard()
        .write_html(html, Some(text))
        .map_err(|e| AppError::new(communique_core::Code::Io, format!("clipboard: {e}")))
}

/// What `copy_release` puts on the clipboard.
#[derive(Debug)]
pub struct Clip {
    /// Core's `<article>` of the release.
    pub html: String,
    pub text: String,
}

/// The document's release in `language`, composed by core's v2 composer; a language the document
/// is not published in is refused (`invalid_input`, naming it), never copied as an empty release,
/// and so is a release core would leave a block out of (as exports refuse it: a quote off the
/// record placed in it), never copied with that block silently missing.
pub fn clip(doc: &EditorDocV2, language: Language) -> AppResult<Clip> {
    let meeting = doc.meeting()?;
    meeting.check_published_in(EDITOR, language)?;
    let composed = v2::compose(&meeting, language);
    composed.check()?;
    Ok(Clip {
        html: render::article(&composed),
        text: render::plain_text(&composed),
    })
}
