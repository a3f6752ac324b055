//! The release's versions and the archive's backups.

use communique_core::diff::DiffPara;
use communique_core::store::{Backup, VersionReason, VersionSummary};
use communique_core::MeetingId;
use serde::Serialize;
use tauri::State;

use crate::commands::meetings::OpenMeetingV2;
use crate::error::AppResult;
use crate::state::AppState;

#[derive(Serialize, specta::Type)]
pub struct VersionDiff {
    pub from: i64,
    pub to: i64,
    pub paragraphs: Vec<DiffPara>,
}

#[derive(Serialize, specta::Type)]
pub struct Restored {
    pub meetings: i64,
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_versions(state: State<'_, AppState>, id: MeetingId) -> AppResult<Vec<VersionSummary>> {
    Ok(state.store().versions(id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_version(state: State<'_, AppState>, id: MeetingId) -> AppResult<Option<i64>> {
    Ok(state.store().record_version(id, VersionReason::ByHand)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn version_diff(
    state: State<'_, AppState>,
    id: MeetingId,
    from: i64,
    to: i64,
) -> AppResult<VersionDiff> {
    let paragraphs = state.store().version_diff(id, from, to)?;
    Ok(VersionDiff {
        from,
        to,
        paragraphs,
    })
}

/// Puts version `number` back (core keeps the release as it reads first, in the same
/// transaction), then opens the meeting as `load_meeting_v2` does, with its first release's
/// preview.
#[tauri::command(async)]
#[specta::specta]
pub fn restore_version(
    state: State<'_, AppState>,
    id: MeetingId,
    number: i64,
) -> AppResult<OpenMeetingV2> {
    let stored = {
        let mut store = state.store();
        store.restore(id, number)?;
        store.load_v2(id)?
    };
    // The store is let go first: the images are read through it.
    OpenMeetingV2::new(id, stored.revision, &stored.meeting, None, &|sha| {
        state.image(sha)
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_backups(state: State<'_, AppState>) -> AppResult<Vec<Backup>> {
    Ok(state.store().backups()?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> AppResult<Restored> {
    let mut store = state.store();
    // Only a file the store itself lists as a backup of this archive can be restored.
    if !store.backups()?.iter().any(|b| b.path == path) {
        return Err(crate::error::AppError::new(
            communique_core::Code::NotFound,
            format!("{path} is not a backup of this archive"),
        ));
    }
    let meetings = store.restore_backup(std::path::Path::new(&path))?;
    Ok(Restored { meetings })
}
