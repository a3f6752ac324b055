//! Language versions in the editor: each is core's policy over the unsaved document
//! (`v2::translation`); the editor saves what comes back as it saves any edit.

use communique_core::v2::translation::{self, TextState, VersionStatus};
use communique_core::v2::{self, MeetingFileV2};
use communique_core::Language;
use serde::Serialize;
use serde_json::Value;

use crate::commands::meetings::EditorDocV2;
use crate::error::AppResult;

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
