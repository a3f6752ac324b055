//! Files the user picks in the native dialogs: exports, imports, and the meeting file an unsaved
//! edit can be kept in. The web view has no file access of its own (no fs plugin); only paths
//! chosen here are read or written.

use std::path::{Path, PathBuf};

use communique_core::store::ImageInfo;
use communique_core::v2::{self, translation, MeetingV2};
use communique_core::{write_atomically, Format, Language, MeetingId, Store};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::meetings::EditorDocV2;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

fn format_of(name: &str) -> AppResult<Format> {
    Format::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        AppError::new(
            communique_core::Code::InvalidInput,
            format!(
                "unknown export format {name:?}: one of {}",
                known.join(", ")
            ),
        )
    })
}

/// A file name from the meeting's title: letters, digits and dashes.
pub(crate) fn file_stem(title: &str) -> String {
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

/// Asks where to save, then writes the export of the stored meeting (`format`; a release's in
/// `language`, none: the original's) atomically: the path written, or `null` if the user
/// cancelled. A translated release not fully translated is refused before the dialog (its
/// message says how many texts are to translate or outdated) unless `allow_outdated`.
#[tauri::command(async)]
#[specta::specta]
pub fn export_meeting<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: MeetingId,
    format: String,
    language: Option<Language>,
    allow_outdated: bool,
) -> AppResult<Option<String>> {
    let format = format_of(&format)?;
    let meeting = state.store().load_v2(id)?.meeting;
    let name = export_name(id, &meeting, format, language)?;
    if format != Format::Json && !allow_outdated {
        let language = language.unwrap_or(meeting.info.languages[0]);
        translation::check_complete(&meeting, language, &format!("meeting {id}"))?;
    }
    let ext = format.extension();
    let Some(path) = ask_save_path(&app, &name, &ext.to_uppercase(), ext)? else {
        return Ok(None);
    };
    export_to(
        &mut state.store(),
        id,
        format,
        language,
        allow_outdated,
        &path,
    )?;
    Ok(Some(path.display().to_string()))
}

/// The file name `export_meeting` offers: the title's stem (`Title.html`, `Title.meeting.json`),
/// with the release's language tag when the meeting is published in more than one
/// (`Title-fr.html`; the meeting file holds them all). A release in a language the meeting is
/// not published in is refused here, before the dialog.
pub fn export_name(
    id: MeetingId,
    meeting: &MeetingV2,
    format: Format,
    language: Option<Language>,
) -> AppResult<String> {
    let stem = file_stem(&meeting.info.title);
    let ext = format.extension();
    if format == Format::Json {
        return Ok(format!("{stem}.meeting.{ext}"));
    }
    let language = language.unwrap_or(meeting.info.languages[0]);
    meeting.check_published_in(&format!("meeting {id}"), language)?;
    Ok(if meeting.info.languages.len() > 1 {
        format!("{stem}-{}.{ext}", language.tag())
    } else {
        format!("{stem}.{ext}")
    })
}

/// What `export_meeting` does once the user chose `path`: core's export (written, then recorded
/// as a version when the release reads differently, in one transaction: see `Store::export_in`).
pub fn export_to(
    store: &mut Store,
    id: MeetingId,
    format: Format,
    language: Option<Language>,
    allow_outdated: bool,
    path: &Path,
) -> AppResult<Option<i64>> {
    Ok(
        store.export_in(id, format, language, allow_outdated, |bytes| {
            write_atomically(path, bytes)
        })?,
    )
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
    Ok(Some(import_from(&mut state.store(), &path)?))
}

/// What `import_meeting` does once the user chose `path`: the meeting file read as core reads
/// one of either version (v1 upgraded, v2 whole: what the editor opens), then stored.
pub fn import_from(store: &mut Store, path: &Path) -> AppResult<MeetingId> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| AppError::new(communique_core::Code::Io, format!("{name}: {e}")))?;
    Ok(store.insert_v2(&v2::parse_any(&name, &bytes)?)?)
}

/// Asks for a JPEG or PNG file and adds it to the archive (`import_image_from`): what the
/// archive now holds of it (the editor names it on the photo, `image`), or `null` if the user
/// cancelled. A file that is not a whole JPEG or PNG within the limits is refused
/// (`invalid_input`, one line naming the file and why), nothing stored.
#[tauri::command(async)]
#[specta::specta]
pub fn import_photo_image(
    app: AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<ImageInfo>> {
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("Photo (JPEG, PNG)", &["jpg", "jpeg", "png"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path: PathBuf = path
        .into_path()
        .map_err(|e| AppError::new(communique_core::Code::Io, e.to_string()))?;
    Ok(Some(import_image_from(&state, &path)?))
}

/// What `import_photo_image` does once the user chose `path`: the file checked and stored by
/// core (`Store::add_image`), and kept for the preview.
pub fn import_image_from(state: &AppState, path: &Path) -> AppResult<ImageInfo> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(path).map_err(|e| {
        AppError::new(
            communique_core::Code::Io,
            format!("{}: {e}", path.display()),
        )
    })?;
    let mut store = state.store();
    let image = store.add_image(bytes, &name)?;
    let info = store.image_info(&image.sha256)?.ok_or_else(|| {
        AppError::new(
            communique_core::Code::Storage,
            "the image was not stored".to_owned(),
        )
    })?;
    drop(store);
    state.keep_image(image);
    Ok(info)
}

/// The answer of the `photo:` scheme to `path` (`/<sha256>`): the archive's image, its bytes as
/// imported, or 404. Content-addressed, so cached for good; never sniffed as anything else.
pub fn photo_response(state: Option<&AppState>, path: &str) -> tauri::http::Response<Vec<u8>> {
    let sha = path.trim_start_matches('/');
    let image = state
        .filter(|_| communique_core::images::is_sha256(sha))
        .and_then(|s| s.image(sha));
    let builder = tauri::http::Response::builder().header("X-Content-Type-Options", "nosniff");
    let response = match image {
        Some(image) => builder
            .status(200)
            .header("Content-Type", image.kind.media_type())
            .header("Cache-Control", "max-age=31536000, immutable")
            .body(image.bytes.to_vec()),
        None => builder
            .status(404)
            .header("Content-Type", "text/plain")
            .body(b"no such image".to_vec()),
    };
    response.unwrap_or_default()
}

/// Asks where, then writes the editor's v2 document as it is typed (stored or not) as a meeting
/// file v2: the way to keep an edit the archive cannot take (its save fails) when the window
/// closes. `None`: the user cancelled.
#[tauri::command(async)]
#[specta::specta]
pub fn save_meeting_file<R: Runtime>(
    app: AppHandle<R>,
    doc: EditorDocV2,
) -> AppResult<Option<String>> {
    let meeting = doc.meeting()?;
    let name = format!("{}.meeting.json", file_stem(&meeting.info.title));
    let Some(path) = ask_save_path(&app, &name, "Meeting file", "json")? else {
        return Ok(None);
    };
    write_meeting_file(&path, &meeting)?;
    Ok(Some(path.display().to_string()))
}

/// The native save dialog, offering `name` under one filter: the path chosen, `None` if cancelled.
pub(crate) fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
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

/// Core's canonical meeting file v2, written atomically: never half a file at `path`.
pub fn write_meeting_file(path: &Path, meeting: &MeetingV2) -> AppResult<()> {
    Ok(write_atomically(path, v2::to_json(meeting)?.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::{file_stem, write_meeting_file};
    use communique_core::{sample, v2};

    #[test]
    fn a_meeting_file_reads_back_as_the_meeting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("unsaved.meeting.json");
        let meeting = v2::upgrade(&sample::sample_en());
        write_meeting_file(&path, &meeting).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(v2::parse("unsaved", &bytes).unwrap(), meeting);
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
        let e = write_meeting_file(&path, &v2::upgrade(&sample::sample_en())).unwrap_err();
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
