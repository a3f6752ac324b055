//! Files the user picks in the native dialogs: exports, imports, and the meeting file an unsaved
//! edit can be kept in. The web view has no file access of its own (no fs plugin); only paths
//! chosen here are read or written.

use std::path::{Path, PathBuf};

use communique_core::{meeting_file, write_atomically, Format, Meeting, MeetingId};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::meetings::EditorDoc;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

fn format_of(name: &str) -> AppResult<Format> {
    match name {
        "html" => Ok(Format::Html),
        "md" => Ok(Format::Markdown),
        "json" => Ok(Format::Json),
        other => Err(AppError::new(
            communique_core::Code::InvalidInput,
            format!("unknown export format {other:?}: html, md or json"),
        )),
    }
}

/// A file name from the meeting's title: letters, digits and dashes.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "release".into()
    } else {
        stem.chars().take(80).collect()
    }
}

/// Asks where to save, then writes atomically: the path written, or `null` if the user cancelled.
#[tauri::command(async)]
#[specta::specta]
pub fn export_meeting(
    app: AppHandle,
    state: State<'_, AppState>,
    id: MeetingId,
    format: String,
) -> AppResult<Option<String>> {
    let format = format_of(&format)?;
    let meeting = state.store().load(id)?.meeting;
    let ext = format.extension();
    let suffix = if matches!(format, Format::Json) {
        ".meeting"
    } else {
        ""
    };
    let name = format!("{}{suffix}.{ext}", file_stem(&meeting.info.title));
    let Some(path) = ask_save_path(&app, &name, &ext.to_uppercase(), ext)? else {
        return Ok(None);
    };
    // Written, then recorded as a version, in one transaction (see `Store::export`).
    state
        .store()
        .export(id, format, |bytes| write_atomically(&path, bytes))?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a meeting file, then stores it: the new meeting's id, or `null` if the user cancelled.
#[tauri::command(async)]
#[specta::specta]
pub fn import_meeting(app: AppHandle, state: State<'_, AppState>) -> AppResult<Option<MeetingId>> {
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("Meeting file", &["json"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path: PathBuf = path
        .into_path()
        .map_err(|e| AppError::new(communique_core::Code::Io, e.to_string()))?;
    let name = path.display().to_string();
    let bytes = std::fs::read(&path)
        .map_err(|e| AppError::new(communique_core::Code::Io, format!("{name}: {e}")))?;
    let meeting = communique_core::v2::parse_for_v1(&name, &bytes)?;
    Ok(Some(state.store().insert(&meeting)?))
}

/// Asks where, then writes the editor's document as it is typed (stored or not) as a meeting
/// file: the way to keep an edit the archive cannot take (its save fails) when the window closes.
/// `None`: the user cancelled.
#[tauri::command(async)]
#[specta::specta]
pub fn save_meeting_file(app: AppHandle, doc: EditorDoc) -> AppResult<Option<String>> {
    let meeting = doc.meeting()?;
    let name = format!("{}.meeting.json", file_stem(&meeting.info.title));
    let Some(path) = ask_save_path(&app, &name, "Meeting file", "json")? else {
        return Ok(None);
    };
    write_meeting_file(&path, &meeting)?;
    Ok(Some(path.display().to_string()))
}

/// The native save dialog, offering `name` under one filter: the path chosen, `None` if cancelled.
fn ask_save_path(
    app: &AppHandle,
    name: &str,
    filter: &str,
    ext: &str,
) -> AppResult<Option<PathBuf>> {
    let Some(path) = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(filter, &[ext])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    path.into_path()
        .map(Some)
        .map_err(|e| AppError::new(communique_core::Code::Io, e.to_string()))
}

/// Core's canonical meeting file, written atomically: never half a file at `path`.
fn write_meeting_file(path: &Path, meeting: &Meeting) -> AppResult<()> {
    Ok(write_atomically(
        path,
        meeting_file::to_json(meeting)?.as_bytes(),
    )?)
}

#[cfg(test)]
mod tests {
    use super::{file_stem, write_meeting_file};
    use communique_core::{meeting_file, sample};

    #[test]
    fn a_meeting_file_reads_back_as_the_meeting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("unsaved.meeting.json");
        let meeting = sample::sample_en();
        write_meeting_file(&path, &meeting).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(meeting_file::parse("unsaved", &bytes).unwrap(), meeting);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_meeting_file_that_cannot_be_written_is_an_io_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("m.meeting.json");
        let e = write_meeting_file(&path, &sample::sample_en()).unwrap_err();
        assert_eq!(e.code, communique_core::Code::Io);
        assert!(e.message.contains("m.meeting.json"), "{}", e.message);
    }

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(
            file_stem("Spring Council: 2026 / Oslo"),
            "Spring-Council-2026-Oslo"
        );
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("  "), "release");
        assert_eq!(file_stem("Conseil d'été"), "Conseil-d-été");
    }
}
