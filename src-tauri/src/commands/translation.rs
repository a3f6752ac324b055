//! Language versions in the editor: each is core's policy over the unsaved document
//! (`v2::translation`); the editor saves what comes back as it saves any edit.

use std::path::PathBuf;

use communique_core::v2::translation::{self, TextState, VersionStatus};
use communique_core::v2::xliff::{self, Which};
use communique_core::v2::{self, MeetingFileV2};
use communique_core::{write_atomically, Code, Error, Language, MeetingId};
use serde::Serialize;
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::files::{ask_save_path, file_stem};
use crate::commands::meetings::EditorDocV2;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// A meeting file v2 core changed, for the editor to take as its document.
#[derive(Serialize, specta::Type)]
#[serde(transparent)]
pub struct DocV2(#[specta(type = MeetingFileV2)] Value);

/// Each text of the document's release in `language` beside its source, with its state
/// (translated, to translate, outdated with the source's change); `null` when that release is
/// not a translation.
#[tauri::command(async)]
#[specta::specta]
pub fn translation_states(
    doc: EditorDocV2,
    language: Language,
) -> AppResult<Option<Vec<TextState>>> {
    Ok(translation::states(&doc.meeting()?, language))
}

/// How far each release of the document is translated.
#[tauri::command(async)]
#[specta::specta]
pub fn translation_status(doc: EditorDocV2) -> AppResult<Vec<VersionStatus>> {
    Ok(translation::status(&doc.meeting()?))
}

/// The document with a release in `to` translated from the one in `from`, every text to
/// translate (`translation::add_version`).
#[tauri::command(async)]
#[specta::specta]
pub fn add_language_version(doc: EditorDocV2, from: Language, to: Language) -> AppResult<DocV2> {
    let mut meeting = doc.meeting()?;
    translation::add_version(&mut meeting, from, to)?;
    Ok(DocV2(v2::to_value(&meeting)?))
}

/// The document with texts of the release in `language` marked translated from their source as
/// it reads now (`keys`; none: every text not translated).
#[tauri::command(async)]
#[specta::specta]
pub fn mark_translated(
    doc: EditorDocV2,
    language: Language,
    keys: Option<Vec<String>>,
) -> AppResult<DocV2> {
    let mut meeting = doc.meeting()?;
    translation::mark_translated(&mut meeting, language, keys.as_deref())?;
    Ok(DocV2(v2::to_value(&meeting)?))
}

/// Asks where to save, then writes the XLIFF 1.2 of the stored meeting's release in `language`:
/// its texts to translate and outdated, for a translator's tool. The path written, or `null` if
/// the user cancelled.
#[tauri::command(async)]
#[specta::specta]
pub fn export_xliff<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: MeetingId,
    language: Language,
) -> AppResult<Option<String>> {
    let meeting = state.store().load_v2(id)?.meeting;
    let text = xliff::export(&meeting, language, &xliff::original_of(id), Which::Pending)?;
    let name = format!("{}-{}.xlf", file_stem(&meeting.info.title), language.tag());
    let Some(path) = ask_save_path(&app, &name, "XLIFF", "xlf")? else {
        return Ok(None);
    };
    write_atomically(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// What an XLIFF import translated.
#[derive(Debug, Serialize, specta::Type)]
pub struct XliffImported {
    pub language: Language,
    pub applied: u32,
    pub untranslated: u32,
}

/// Asks for a translated XLIFF file, then applies it to the stored meeting (`import_xliff_from`);
/// `null` if the user cancelled.
#[tauri::command(async)]
#[specta::specta]
pub fn import_xliff<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: MeetingId,
) -> AppResult<Option<XliffImported>> {
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("XLIFF", &["xlf", "xliff", "xml"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path: PathBuf = path
        .into_path()
        .map_err(|e| AppError::new(Code::Io, e.to_string()))?;
    import_xliff_from(&mut state.store(), id, &path).map(Some)
}

/// The translations of the XLIFF file at `path` into the stored meeting, in one transaction
/// (`Store::update_v2`): checked whole, every problem named by unit, nothing applied unless
/// there are none.
pub fn import_xliff_from(
    store: &mut communique_core::Store,
    id: MeetingId,
    path: &std::path::Path,
) -> AppResult<XliffImported> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: name.clone(),
        source: e,
    })?;
    let imported = xliff::import_stored(store, id, &name, &bytes)?;
    Ok(XliffImported {
        language: imported.language,
        applied: imported.applied.len() as u32,
        untranslated: imported.untranslated.len() as u32,
    })
}
