//! A release's way to publication: its status and sign-off log (core's `Store::set_status`,
//! `Store::correct`, `Store::clearance`). They act on the stored meeting: the editor saves first,
//! and takes the meeting back in when a move changed it (publishing gives a release its time, a
//! correction adds its note and the "Updated" time).

use communique_core::clearance::Status;
use communique_core::store::{Clearance, StatusEntry};
use communique_core::MeetingId;
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

/// The status, the log (newest first) and what changed since the release was cleared.
#[tauri::command(async)]
#[specta::specta]
pub fn clearance(state: State<'_, AppState>, id: MeetingId) -> AppResult<Clearance> {
    Ok(state.store().clearance(id)?)
}

/// Moves the stored release to `status` (`by`: who cleared it), logged with its text.
#[tauri::command(async)]
#[specta::specta]
pub fn set_release_status(
    state: State<'_, AppState>,
    id: MeetingId,
    status: Status,
    by: Option<String>,
    note: Option<String>,
) -> AppResult<StatusEntry> {
    Ok(state
        .store()
        .set_status(id, status, by.as_deref(), note.as_deref())?)
}

/// A correction of the published release: `note` and a new "Updated" time on every language
/// version (each translation gets the note's words, to translate).
#[tauri::command(async)]
#[specta::specta]
pub fn correct_release(
    state: State<'_, AppState>,
    id: MeetingId,
    note: String,
    by: Option<String>,
) -> AppResult<StatusEntry> {
    Ok(state.store().correct(id, &note, &[], by.as_deref())?)
}
