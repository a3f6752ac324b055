//! The archive: list, search, open, create, save, delete, and the people directory.

use communique_core::render::{PreviewParts, ReleaseFacts};
use communique_core::store::PrivateNotes;
use communique_core::v2::{self, MeetingFileV2, MeetingV2};
use communique_core::{
    meeting_file, render, Language, Meeting, MeetingId, MeetingSummary, Person, SearchHit,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Where a document from the editor is named in errors.
pub const EDITOR: &str = "meeting";

/// A meeting file v2 from the editor. Typed `MeetingFileV2` for the UI, but taken as plain JSON
/// so that core reads it as it reads a file: a refusal names the field's path, as
/// `{code, message}`.
#[derive(Deserialize, specta::Type)]
#[serde(transparent)]
pub struct EditorDocV2(#[specta(type = MeetingFileV2)] Value);

impl EditorDocV2 {
    pub fn meeting(&self) -> Result<MeetingV2, meeting_file::FileError> {
        v2::from_value(EDITOR, &self.0)
    }

    pub fn into_value(self) -> Value {
        self.0
    }
}

#[derive(Serialize, specta::Type)]
pub struct MeetingPage {
    pub total: i64,
    pub meetings: Vec<MeetingSummary>,
}

/// A meeting opened as its meeting file v2, with the preview of one of its releases.
#[derive(Serialize, specta::Type)]
pub struct OpenMeetingV2 {
    pub id: MeetingId,
    pub revision: i64,
    #[specta(type = MeetingFileV2)]
    pub doc: Value,
    /// The language `preview` is in: the one asked for, else the first release's.
    pub language: Language,
    pub preview: PreviewParts,
    /// What that release says besides its preview (`preview_facts` after an edit).
    pub facts: ReleaseFacts,
}

impl OpenMeetingV2 {
    /// `images`: the archive's photos' images, which the preview names (as every later preview).
    pub fn new(
        id: MeetingId,
        revision: i64,
        meeting: &MeetingV2,
        language: Option<Language>,
        images: &dyn Fn(&str) -> Option<communique_core::compose::Image>,
    ) -> AppResult<Self> {
        let language = language
            .or_else(|| meeting.releases.first().map(|r| r.language))
            .or_else(|| meeting.info.languages.first().copied())
            .unwrap_or(Language::En);
        let composed = v2::compose_with_images(meeting, language, images);
        Ok(OpenMeetingV2 {
            id,
            revision,
            doc: v2::to_value(meeting)?,
            language,
            preview: render::preview_parts(&composed),
            facts: render::facts(&composed),
        })
    }
}

#[derive(Serialize, specta::Type)]
pub struct Saved {
    pub revision: i64,
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_meetings(
    state: State<'_, AppState>,
    limit: u32,
    offset: u32,
) -> AppResult<MeetingPage> {
    let store = state.store();
    Ok(MeetingPage {
        total: store.count()?,
        meetings: store.list(limit.min(500), offset)?,
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn search_meetings(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
    include_private: bool,
) -> AppResult<Vec<SearchHit>> {
    let private = PrivateNotes::included_if(include_private);
    Ok(state.store().search_with(&query, limit.min(200), private)?)
}

/// Any meeting, as its meeting file v2 (what the editor edits), with the preview of its release
/// in `language` (none: the first release's).
#[tauri::command(async)]
#[specta::specta]
pub fn load_meeting_v2(
    state: State<'_, AppState>,
    id: MeetingId,
    language: Option<Language>,
) -> AppResult<OpenMeetingV2> {
    let stored = state.store().load_v2(id)?;
    OpenMeetingV2::new(id, stored.revision, &stored.meeting, language, &|sha| {
        state.image(sha)
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_meeting_v2(
    state: State<'_, AppState>,
    id: MeetingId,
    base_revision: i64,
    doc: EditorDocV2,
) -> AppResult<Saved> {
    let meeting = doc.meeting()?;
    let revision = state.store().save_v2(id, base_revision, &meeting)?;
    Ok(Saved { revision })
}

/// A new meeting starting today, with an empty release in `language`: stored, then opened as
/// `load_meeting_v2` opens it (its preview in that language).
#[tauri::command(async)]
#[specta::specta]
pub fn create_meeting(
    state: State<'_, AppState>,
    title: String,
    language: String,
) -> AppResult<OpenMeetingV2> {
    let language = Language::from_tag(&language).ok_or_else(|| {
        AppError::new(
            communique_core::Code::InvalidInput,
            format!(
                "unsupported language {language:?}: releases are written in {}",
                Language::supported_tags()
            ),
        )
    })?;
    let meeting = Meeting::new(&title, language, chrono::Local::now().date_naive());
    let mut store = state.store();
    let id = store.insert(&meeting)?;
    let stored = store.load_v2(id)?;
    // A new meeting has no photos.
    OpenMeetingV2::new(
        stored.id,
        stored.revision,
        &stored.meeting,
        Some(language),
        &|_| None,
    )
}

#[tauri::command(async)]
#[specta::specta]
pub fn meeting_revision(state: State<'_, AppState>, id: MeetingId) -> AppResult<i64> {
    Ok(state.store().revision(id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn delete_meeting(state: State<'_, AppState>, id: MeetingId) -> AppResult<()> {
    Ok(state.store().delete(id)?)
}

/// Removes the sample meetings (the first start's), in one step; how many went.
#[tauri::command(async)]
#[specta::specta]
pub fn remove_samples(state: State<'_, AppState>) -> AppResult<u32> {
    Ok(state.store().remove_samples()? as u32)
}

#[tauri::command(async)]
#[specta::specta]
pub fn people_directory(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> AppResult<Vec<Person>> {
    Ok(state.store().people_directory(&query, limit.min(100))?)
}
