//! The contract with the UI, as TypeScript: every command's signature and every type that crosses
//! the IPC, generated from the Rust types by tauri-specta into `ui/src/lib/bindings.ts`. The UI
//! calls the shell only through it, so a field or an argument renamed here breaks the UI's type
//! check. The file is committed; a test fails when it is stale.

use tauri_specta::{collect_commands, Builder, ErrorHandlingMode};

use crate::{commands, lifecycle};

/// Every command the UI can call, and the invoke handler built from the same list.
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::meetings::list_meetings,
            commands::meetings::search_meetings,
            commands::meetings::create_meeting,
            commands::meetings::load_meeting_v2,
            commands::meetings::save_meeting_v2,
            commands::meetings::meeting_revision,
            commands::meetings::delete_meeting,
            commands::meetings::remove_samples,
            commands::meetings::people_directory,
            commands::history::list_versions,
            commands::history::save_version,
            commands::history::version_diff,
            commands::history::restore_version,
            commands::history::list_backups,
            commands::history::restore_backup,
            commands::release::preview_edit_v2,
            commands::release::preview_facts,
            commands::release::copy_release::<tauri::Wry>,
            commands::clearance::clearance,
            commands::clearance::set_release_status,
            commands::clearance::correct_release,
            commands::translation::translation_states,
            commands::translation::translation_status,
            commands::translation::add_language_version,
            commands::translation::mark_translated,
            commands::translation::export_xliff::<tauri::Wry>,
            commands::translation::import_xliff::<tauri::Wry>,
            commands::files::export_meeting::<tauri::Wry>,
            commands::files::import_meeting,
            commands::files::import_photo_image,
            commands::files::save_meeting_file::<tauri::Wry>,
            lifecycle::acknowledge_close,
            lifecycle::close_app,
            lifecycle::ui_ready,
        ])
        // A rejection is the command's `AppError`; `ipc.ts` catches it (and anything else) once.
        .error_handling(ErrorHandlingMode::Throw)
        .typ::<crate::error::AppError>()
        // The meeting file v2: the editor's document, carried by the meeting commands. Its types
        // that share a name with v1's are `PersonV2`, `FormV2`, `QuoteV2`, `ReleaseV2`, `PhotoV2`
        // in TypeScript.
        .typ::<communique_core::v2::MeetingFileV2>()
        // The release languages as the editor lists them (names, marks, default verbs): core's
        // tables, never retyped in the UI.
        .typ::<communique_core::lang::LanguageFacts>()
        .constant("LANGUAGES", communique_core::lang::facts())
        // The meeting file v1, which import still reads (and the browser tests' fake shell seeds
        // with): generated here so that nothing in the UI retypes it.
        .typ::<communique_core::meeting_file::MeetingFile>()
        // Ids, revisions, version numbers, counts and byte sizes: i64 and u64 in Rust, all far
        // below 2^53, so a JavaScript number holds them exactly.
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
}

/// Where the bindings are committed.
#[cfg(test)]
pub fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regenerates the bindings in a temporary file and compares them with the committed ones;
    /// `UPDATE_GENERATED=1` writes them instead.
    #[test]
    fn committed_bindings_are_current() {
        let fresh = tempfile::NamedTempFile::new().unwrap();
        builder()
            .export(specta_typescript::Typescript::default(), fresh.path())
            .unwrap();
        let fresh = std::fs::read_to_string(fresh.path()).unwrap();
        if std::env::var_os("UPDATE_GENERATED").is_some() {
            std::fs::write(path(), &fresh).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(path()).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.ts is stale: the commands or the types they carry changed. \
             Regenerate it with `UPDATE_GENERATED=1 cargo test -p communique-desktop bindings`, \
             then run the UI's type check (`cd ui && npm run check`) and commit it."
        );
    }
}
