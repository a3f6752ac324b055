//! Commands through Tauri's IPC, on its mock runtime: the arguments as the UI sends them (camel
//! case JSON), the answers and the `{code, message}` errors as the UI receives them.

#![allow(clippy::unwrap_used)] // Tests: a panic is the failure report.

use std::time::Instant;

use communique_core::store::VersionReason;
use communique_core::{render, sample, v2, Format, Language, Store};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow};

use super::meetings::EditorDocV2;
use super::{clearance, files, history, meetings, release, translation};

use crate::state::AppState;

const EXAMPLE: &str = include_str!("../../../core/tests/fixtures/v2/ministers-en-fr.meeting.json");

struct Shell {
    app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

/// `doc` with its first release's first item's first paragraph beginning otherwise (an edit).
fn edited(mut doc: Value) -> Value {
    doc["releases"][0]["items"][0]["blocks"][0]["p"][0] = json!("Ministers said the plan was ");
    doc
}

/// A shell over a new archive holding the worked example (meeting 1: lists, a block quote and
/// spans, which v1 cannot say, in English and French) and the English sample (meeting 2, one
/// language).
fn shell() -> Shell {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.sqlite3");
    let mut store = Store::open(&db).unwrap();
    assert_eq!(store.insert_v2(&example()).unwrap(), 1);
    assert_eq!(store.insert(&sample::sample_en()).unwrap(), 2);
    let app = mock_builder()
        .manage(AppState::new(store, Instant::now(), false))
        .invoke_handler(tauri::generate_handler![
            meetings::create_meeting,
            meetings::load_meeting_v2,
            meetings::save_meeting_v2,
            release::preview_edit_v2,
            release::preview_facts,
            release::copy_release,
            translation::translation_states,
            translation::translation_status,
            translation::add_language_version,
            translation::mark_translated,
            files::export_meeting,
            files::save_meeting_file,
            history::list_versions,
            history::restore_version,
            clearance::clearance,
            clearance::set_release_status,
            clearance::correct_release,
        ])
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Shell {
        app,
        window,
        _dir: dir,
        db,
    }
}

fn example() -> v2::MeetingV2 {
    v2::parse("example", EXAMPLE.as_bytes()).unwrap()
}

impl Shell {
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    /// What the archive holds (meeting 1), read by a store of its own.
    fn stored(&self) -> communique_core::store::StoredV2 {
        self.stored_at(1)
    }

    fn stored_at(&self, id: i64) -> communique_core::store::StoredV2 {
        Store::open(&self.db).unwrap().load_v2(id).unwrap()
    }

    /// Meeting `id`'s document as the editor opens it (`load_meeting_v2`).
    fn doc(&self, id: i64) -> Value {
        self.invoke("load_meeting_v2", json!({ "id": id })).unwrap()["doc"].clone()
    }

    /// The shell's own store, as a command takes it.
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.app.state::<AppState>().inner().store()
    }
}

fn editor_doc(doc: &Value) -> EditorDocV2 {
    serde_json::from_value(doc.clone()).unwrap()
}

#[test]
fn a_meeting_v1_cannot_say_opens_as_v2_with_the_preview_of_the_language_asked_for() {
    let s = shell();
    assert!(
        s.store().load(1).is_err(),
        "the example says more than v1 can"
    );

    let open = s.invoke("load_meeting_v2", json!({"id": 1})).unwrap();
    assert_eq!(open["revision"], 1);
    assert_eq!(open["language"], "en");
    assert_eq!(open["doc"], v2::to_value(&example()).unwrap());
    let fr = s
        .invoke("load_meeting_v2", json!({"id": 1, "language": "fr"}))
        .unwrap();
    assert_eq!(fr["language"], "fr");
    let head = fr["preview"]["head"].as_str().unwrap();
    assert!(head.contains("lang=\"fr\""), "{head}");
    let blocks = fr["preview"]["blocks"].to_string();
    assert!(blocks.contains("Nous agissons ensemble"), "{blocks}");

    let err = s
        .invoke("load_meeting_v2", json!({"id": 1, "language": "ja"}))
        .unwrap_err();
    // Tauri refuses the argument before the command runs, with core's message for it.
    assert!(
        err.to_string().contains(r#"unsupported language \"ja\""#),
        "{err}"
    );
}

#[test]
fn an_edit_is_saved_once_on_its_revision_and_a_stale_one_is_a_conflict() {
    let s = shell();
    let doc = edited(s.doc(1));
    let saved = s
        .invoke(
            "save_meeting_v2",
            json!({"id": 1, "baseRevision": 1, "doc": doc}),
        )
        .unwrap();
    assert_eq!(saved["revision"], 2);
    let stored = s.stored();
    assert_eq!(stored.revision, 2);
    assert_eq!(v2::to_value(&stored.meeting).unwrap(), doc);

    // Another save built on revision 1 would overwrite revision 2 blind.
    let err = s
        .invoke(
            "save_meeting_v2",
            json!({"id": 1, "baseRevision": 1, "doc": doc}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "conflict", "{err}");
    assert_eq!(s.stored().revision, 2);
}

#[test]
fn a_document_core_refuses_names_the_field_and_nothing_is_stored() {
    let s = shell();
    let mut doc = s.doc(1);
    doc["releases"][0]["items"][0]["blocks"][0]["p"] =
        json!([{"link": "javascript:alert(1)", "text": ["click"]}]);
    let err = s
        .invoke(
            "save_meeting_v2",
            json!({"id": 1, "baseRevision": 1, "doc": doc}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("releases[0].items[0].blocks[0].p[0]") && message.contains("javascript:"),
        "{message}"
    );
    let stored = s.stored();
    assert_eq!((stored.revision, stored.meeting), (1, example()));
}

#[test]
fn the_v2_preview_answers_a_keystroke_with_the_paragraph_it_changed() {
    let s = shell();
    let doc = s.doc(1);
    let whole = s
        .invoke(
            "preview_edit_v2",
            json!({"session": 7, "shown": 0, "language": null, "doc": doc, "parts": []}),
        )
        .unwrap();
    assert_eq!(whole["kind"], "whole", "{whole}");
    let render = whole["render"].clone();
    let part = edited(doc.clone())["releases"][0]["items"][0].clone();
    let splice = s
        .invoke(
            "preview_edit_v2",
            json!({"session": 7, "shown": render, "language": null, "doc": null,
                   "parts": [{"part": "release_item", "release": 0, "index": 0, "value": part}]}),
        )
        .unwrap();
    assert_eq!(splice["kind"], "splice", "{splice}");
    assert_eq!(splice["removed"], 1);
    let blocks = splice["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 1);
    assert!(
        blocks[0]
            .as_str()
            .unwrap()
            .contains("Ministers said the plan was"),
        "{blocks:?}"
    );
}

#[test]
fn the_attributions_are_those_of_the_release_the_session_last_previewed() {
    let s = shell();
    let open = s.invoke("load_meeting_v2", json!({"id": 1})).unwrap();
    let doc = open["doc"].clone();
    // The meeting opens with them (its first language's release), as the preview it opens with.
    let en = v2::compose(&example(), Language::En);
    assert_eq!(
        open["facts"],
        serde_json::to_value(render::facts(&en)).unwrap()
    );
    // Its length: the words of its plain text.
    let words = render::plain_text(&en)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    assert!(words > 50, "{words}");
    assert_eq!(open["facts"]["words"], words);
    // Nothing previewed in this session yet: nothing.
    let none = s.invoke("preview_facts", json!({"session": 9})).unwrap();
    assert_eq!(none, json!({"attributions": [], "words": 0}));
    for (language, composed) in [("en", Language::En), ("fr", Language::Fr)] {
        s.invoke(
            "preview_edit_v2",
            json!({"session": 9, "shown": 0, "language": language, "doc": doc, "parts": []}),
        )
        .unwrap();
        let got = s.invoke("preview_facts", json!({"session": 9})).unwrap()["attributions"].clone();
        let expected = v2::compose(&example(), composed).attributions;
        assert!(!expected.is_empty(), "the example attributes quotes");
        assert_eq!(got, serde_json::to_value(&expected).unwrap(), "{language}");
        // The lead names the Secretary General first; the chair's first naming is a quote's.
        assert_eq!(got[0]["first"], false, "{got}");
        assert!(
            got.as_array().unwrap().iter().any(|a| a["first"] == true),
            "{got}"
        );
    }
    // Another session's: nothing.
    let other = s.invoke("preview_facts", json!({"session": 10})).unwrap();
    assert_eq!(other, json!({"attributions": [], "words": 0}));
}

#[test]
fn a_new_meeting_is_stored_and_opens_as_v2_with_its_preview_in_its_language() {
    let s = shell();
    let open = s
        .invoke(
            "create_meeting",
            json!({"title": "Conseil d'été", "language": "fr"}),
        )
        .unwrap();
    assert_eq!(open["id"], 3);
    assert_eq!(open["revision"], 1);
    assert_eq!(open["language"], "fr");
    let doc = &open["doc"];
    assert_eq!(doc["format"], "communique.meeting.v2");
    assert_eq!(doc["meeting"]["title"], "Conseil d'été");
    assert_eq!(doc["meeting"]["languages"], json!(["fr"]));
    assert_eq!(doc["releases"][0]["language"], "fr");
    // Exactly what the archive holds, and what `load_meeting_v2` answers.
    let stored = s.stored_at(3);
    assert_eq!(stored.revision, 1);
    assert_eq!(*doc, v2::to_value(&stored.meeting).unwrap());
    assert_eq!(
        open,
        s.invoke("load_meeting_v2", json!({"id": 3, "language": "fr"}))
            .unwrap()
    );
    // The preview of the empty release: the headline is the title, in French.
    let head = open["preview"]["head"].as_str().unwrap();
    assert!(head.contains("lang=\"fr\""), "{head}");
    let preview = open["preview"].to_string();
    assert!(preview.contains("<h1>Conseil d'été</h1>"), "{preview}");

    let err = s
        .invoke("create_meeting", json!({"title": "T", "language": "ja"}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains(r#"unsupported language "ja""#),
        "{err}"
    );
    let err = s
        .invoke("create_meeting", json!({"title": " ", "language": "en"}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert_eq!(s.store().count().unwrap(), 3, "nothing stored");
}

#[test]
fn the_release_copied_is_the_v2_release_in_the_language_asked_for() {
    let s = shell();
    let doc = s.doc(1);
    let clip = release::clip(&editor_doc(&doc), Language::Fr).unwrap();
    let fr = v2::compose(&example(), Language::Fr);
    assert_eq!(clip.html, render::article(&fr));
    assert_eq!(clip.text, render::plain_text(&fr));
    assert!(
        clip.html
            .contains("<h1>Les ministres adoptent un plan pour des ports sûrs</h1>"),
        "{}",
        clip.html
    );
    assert!(
        clip.text.contains("Nous agissons ensemble"),
        "{}",
        clip.text
    );
    assert!(!clip.text.contains("We act together"), "{}", clip.text);
    // What v1 could not say is there: the list, and the block quote with its byline.
    let en = release::clip(&editor_doc(&doc), Language::En).unwrap();
    assert!(en.html.contains("<ul>"), "{}", en.html);
    assert!(en.html.contains("<blockquote"), "{}", en.html);
    assert!(
        en.text.contains("A budget is a promise kept"),
        "{}",
        en.text
    );
}

#[test]
fn copying_a_release_in_a_language_the_document_is_not_published_in_is_refused() {
    let s = shell();
    let doc = s.doc(2);
    assert_eq!(doc["meeting"]["languages"], json!(["en"]));
    let err = s
        .invoke("copy_release", json!({"doc": doc, "language": "fr"}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert_eq!(
        err["message"],
        r#"meeting: it is not published in "fr" (its languages: en)"#
    );
    // A tag v2 has no table for: Tauri refuses the argument, with core's message.
    let err = s
        .invoke("copy_release", json!({"doc": doc, "language": "ja"}))
        .unwrap_err();
    assert!(
        err.to_string().contains(r#"unsupported language \"ja\""#),
        "{err}"
    );
    // A document core refuses names its field, before anything is composed.
    let mut bad = doc.clone();
    bad["meeting"]["languages"] = json!([]);
    let err = s
        .invoke("copy_release", json!({"doc": bad, "language": "en"}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .starts_with("meeting: meeting.languages"),
        "{err}"
    );
}

#[test]
fn copying_a_release_that_places_a_quote_off_the_record_is_refused_as_its_export_is() {
    let s = shell();
    let mut doc = s.doc(1);
    let placed = doc["releases"][0].to_string();
    let quotes = doc["agenda"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|it| it["quotes"].as_array_mut().into_iter().flatten());
    let mut off = None;
    for q in quotes {
        let id = q["id"].as_str().unwrap().to_owned();
        if placed.contains(&format!(r#""quote":"{id}""#)) {
            q["in_release"] = json!(false);
            off = Some(id);
            break;
        }
    }
    let off = off.expect("the example places a quote in its release");
    let err = s
        .invoke("copy_release", json!({"doc": doc, "language": "en"}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    let message = err["message"].as_str().unwrap();
    assert!(message.starts_with("releases[0]."), "{message}");
    assert!(message.contains(&format!("{off:?}")), "{message}");
    assert!(message.contains("off the record"), "{message}");
}

#[test]
fn an_export_is_named_from_the_title_and_the_language_of_a_release_among_several() {
    let s = shell();
    let example = example();
    let name = |m: &v2::MeetingV2, format, language| files::export_name(1, m, format, language);
    let stem = "Foreign-ministers-spring-session";
    assert_eq!(
        name(&example, Format::Html, None).unwrap(),
        format!("{stem}-en.html")
    );
    assert_eq!(
        name(&example, Format::Html, Some(Language::Fr)).unwrap(),
        format!("{stem}-fr.html")
    );
    assert_eq!(
        name(&example, Format::Markdown, Some(Language::Fr)).unwrap(),
        format!("{stem}-fr.md")
    );
    // The meeting file holds every release: no language in its name.
    assert_eq!(
        name(&example, Format::Json, Some(Language::Fr)).unwrap(),
        format!("{stem}.meeting.json")
    );
    let one = s.stored_at(2).meeting;
    let title = files::export_name(2, &one, Format::Html, None).unwrap();
    assert!(!title.contains("-en"), "{title}");
    assert!(title.ends_with(".html"), "{title}");

    // Refused before the dialog: a format, a language, a meeting that is not there.
    let err = s
        .invoke(
            "export_meeting",
            json!({"id": 2, "format": "html", "language": "fr", "allowOutdated": false}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert_eq!(
        err["message"],
        r#"meeting 2: it is not published in "fr" (its languages: en)"#
    );
    let err = s
        .invoke(
            "export_meeting",
            json!({"id": 1, "format": "rtf", "language": null, "allowOutdated": false}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    let err = s
        .invoke(
            "export_meeting",
            json!({"id": 9, "format": "html", "language": null, "allowOutdated": false}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "not_found", "{err}");
}

#[test]
fn a_meeting_with_a_sub_heading_is_exported_and_recorded_as_a_version() {
    let s = shell();
    let open = s
        .invoke(
            "create_meeting",
            json!({"title": "Water council", "language": "en"}),
        )
        .unwrap();
    let id = open["id"].as_i64().unwrap();
    let mut doc = open["doc"].clone();
    doc["releases"][0]["lead"] = json!([
        {"id": "p-1", "p": ["The council met in Oslo."]},
        {"id": "h-1", "h": ["What was agreed"]},
        {"id": "p-2", "p": ["A plan for the lakes."]},
    ]);
    s.invoke(
        "save_meeting_v2",
        json!({"id": id, "baseRevision": 1, "doc": doc}),
    )
    .unwrap();
    let err = s.store().load(id).unwrap_err();
    assert_eq!(err.code(), communique_core::Code::InvalidInput, "{err}");

    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("Water-council.html");
    let number = files::export_to(&mut s.store(), id, Format::Html, None, false, &html).unwrap();
    assert_eq!(number, Some(1));
    let written = std::fs::read_to_string(&html).unwrap();
    assert!(written.contains("<h2>What was agreed</h2>"), "{written}");
    assert!(written.contains("A plan for the lakes."), "{written}");
    let versions = s.invoke("list_versions", json!({"id": id})).unwrap();
    assert_eq!(versions.as_array().unwrap().len(), 1, "{versions}");
    assert_eq!(
        versions[0]["reason"],
        serde_json::to_value(VersionReason::Export {
            format: Format::Html
        })
        .unwrap()
    );

    // The same release in Markdown reads the same: written, no new version.
    let md = dir.path().join("Water-council.md");
    let number = files::export_to(&mut s.store(), id, Format::Markdown, None, false, &md).unwrap();
    assert_eq!(number, None);
    let written = std::fs::read_to_string(&md).unwrap();
    assert!(written.contains("## What was agreed"), "{written}");
    // A PDF on US Letter: the same release (no new version either), typeset.
    let pdf = dir.path().join("Water-council.pdf");
    let number =
        files::export_to(&mut s.store(), id, Format::PdfLetter, None, false, &pdf).unwrap();
    assert_eq!(number, None);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // The meeting file is v2, since v1 cannot say the sub-heading; it reads back as stored.
    let json = dir.path().join("Water-council.meeting.json");
    files::export_to(&mut s.store(), id, Format::Json, None, false, &json).unwrap();
    let bytes = std::fs::read(&json).unwrap();
    assert_eq!(
        v2::parse("export", &bytes).unwrap(),
        s.stored_at(id).meeting
    );

    // A release of the two-language example, in French.
    let fr = dir.path().join("Foreign-ministers-fr.html");
    files::export_to(
        &mut s.store(),
        1,
        Format::Html,
        Some(Language::Fr),
        false,
        &fr,
    )
    .unwrap();
    let written = std::fs::read_to_string(&fr).unwrap();
    assert!(written.contains("lang=\"fr\""), "{written}");
    assert!(written.contains("Nous agissons ensemble"), "{written}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        5,
        "no temporary file left"
    );
}

#[test]
fn the_editors_document_is_written_as_a_v2_meeting_file_that_reads_back() {
    let s = shell();
    // Unsaved: an edit the archive has not taken.
    let mut doc = edited(s.doc(1));
    let meeting = editor_doc(&doc).meeting().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unsaved.meeting.json");
    files::write_meeting_file(&path, &meeting).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(
        bytes,
        v2::to_json(&meeting).unwrap().as_bytes(),
        "canonical"
    );
    assert_eq!(v2::parse("unsaved", &bytes).unwrap(), meeting);
    assert_eq!(serde_json::from_slice::<Value>(&bytes).unwrap(), doc);
    // And it imports as it was typed; a v1 file imports upgraded.
    let id = files::import_from(&mut s.store(), &path).unwrap();
    assert_eq!(s.stored_at(id).meeting, meeting);
    let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/samples/water-council-en.meeting.json");
    let id = files::import_from(&mut s.store(), &v1).unwrap();
    assert_eq!(s.stored_at(id).meeting, v2::upgrade(&sample::sample_en()));

    // A document core refuses is refused before the dialog, naming the field.
    doc["releases"][0]["items"][0]["blocks"][0]["p"] =
        json!([{"link": "javascript:alert(1)", "text": ["click"]}]);
    let err = s
        .invoke("save_meeting_file", json!({"doc": doc}))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("releases[0].items[0].blocks[0].p[0]"),
        "{err}"
    );
}

#[test]
fn a_version_of_a_meeting_v1_cannot_say_is_restored_and_opens_as_v2() {
    let s = shell();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("release.html");
    assert_eq!(
        files::export_to(&mut s.store(), 1, Format::Html, None, false, &path).unwrap(),
        Some(1)
    );
    let doc = edited(s.doc(1));
    s.invoke(
        "save_meeting_v2",
        json!({"id": 1, "baseRevision": 1, "doc": doc}),
    )
    .unwrap();

    let open = s
        .invoke("restore_version", json!({"id": 1, "number": 1}))
        .unwrap();
    assert_eq!(open["revision"], 3);
    assert_eq!(open["language"], "en");
    // The version exported: as exported (its `updated` time is the one it had then).
    let stored = s.stored();
    assert_eq!(open["doc"], v2::to_value(&stored.meeting).unwrap());
    assert_eq!(
        stored.meeting.releases[0].items[0].blocks,
        example().releases[0].items[0].blocks
    );
    let blocks = open["preview"]["blocks"].to_string();
    assert!(
        blocks.contains("Ministers agreed that the plan was"),
        "{blocks}"
    );
}

#[test]
fn a_language_version_is_made_read_and_marked_through_the_commands() {
    let s = shell();
    let doc = s.doc(2);
    let with_fr = s
        .invoke(
            "add_language_version",
            json!({"doc": doc, "from": "en", "to": "fr"}),
        )
        .unwrap();
    assert_eq!(with_fr["meeting"]["languages"], json!(["en", "fr"]));
    assert_eq!(with_fr["releases"][1]["translation"]["of"], "en");
    let states = s
        .invoke(
            "translation_states",
            json!({"doc": with_fr, "language": "fr"}),
        )
        .unwrap();
    let states = states.as_array().unwrap();
    assert!(!states.is_empty());
    assert!(
        states.iter().all(|t| t["status"] == "to-translate"),
        "{states:?}"
    );
    assert_eq!(states[0]["source_text"], states[0]["target_text"]);
    // The English release is not a translation.
    let none = s
        .invoke(
            "translation_states",
            json!({"doc": with_fr, "language": "en"}),
        )
        .unwrap();
    assert_eq!(none, Value::Null);

    let key = states[0]["key"].clone();
    let marked = s
        .invoke(
            "mark_translated",
            json!({"doc": with_fr, "language": "fr", "keys": [key]}),
        )
        .unwrap();
    let status = s
        .invoke("translation_status", json!({"doc": marked}))
        .unwrap();
    assert_eq!(status[1]["translated"], 1, "{status}");
    assert_eq!(status[1]["to_translate"], states.len() - 1, "{status}");

    // Saved, its French release is refused for export until translated, unless asked.
    s.invoke(
        "save_meeting_v2",
        json!({"id": 2, "baseRevision": 1, "doc": marked}),
    )
    .unwrap();
    let err = s
        .invoke(
            "export_meeting",
            json!({"id": 2, "format": "html", "language": "fr", "allowOutdated": false}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("to translate"),
        "{err}"
    );
    // A translation of a language the meeting has no release in: one clear refusal.
    let err = s
        .invoke(
            "add_language_version",
            json!({"doc": doc, "from": "fr", "to": "en"}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
}

#[test]
fn an_xliff_file_is_applied_whole_or_refused_with_every_problem() {
    use communique_core::v2::{translation, xliff};
    let s = shell();
    let (_, _) = s
        .store()
        .update_v2(2, |m| {
            translation::add_version(m, Language::En, Language::Fr)
        })
        .unwrap();
    let meeting = s.stored_at(2).meeting;
    let file = xliff::export(
        &meeting,
        Language::Fr,
        &xliff::original_of(2),
        xliff::Which::Pending,
    )
    .unwrap();
    // The headline translated, as a translator's tool writes it.
    let at = file.find("<trans-unit id=\"headline\"").unwrap();
    let end = at + file[at..].find("</source>").unwrap() + "</source>".len();
    let done = format!(
        "{}<target>Les ministres de l'eau</target>{}",
        &file[..end],
        &file[end..]
    );
    let path = s._dir.path().join("fr.xlf");
    std::fs::write(&path, &done).unwrap();
    let imported =
        crate::commands::translation::import_xliff_from(&mut s.store(), 2, &path).unwrap();
    assert_eq!((imported.language, imported.applied), (Language::Fr, 1));
    let fr = s.stored_at(2).meeting;
    assert_eq!(
        v2::translation::segment(&fr.release(Language::Fr).unwrap().headline),
        "Les ministres de l'eau"
    );
    // Another meeting's file: refused, the archive as it was.
    let before = s.stored_at(2).revision;
    std::fs::write(
        &path,
        done.replace("communique meeting 2", "communique meeting 9"),
    )
    .unwrap();
    let err =
        crate::commands::translation::import_xliff_from(&mut s.store(), 2, &path).unwrap_err();
    assert_eq!(err.code, communique_core::Code::InvalidInput);
    assert!(
        err.message
            .contains("exported from \"communique meeting 9\""),
        "{}",
        err.message
    );
    assert_eq!(s.stored_at(2).revision, before);
}

#[test]
fn the_release_goes_to_clearance_is_cleared_published_and_corrected_through_the_commands() {
    let s = shell();
    let c = s.invoke("clearance", json!({"id": 1})).unwrap();
    assert_eq!(c["status"], Value::Null);
    s.invoke(
        "set_release_status",
        json!({"id": 1, "status": "ready_for_clearance"}),
    )
    .unwrap();
    // Clearing without a name: one {code, message}, nothing logged.
    let e = s
        .invoke(
            "set_release_status",
            json!({"id": 1, "status": "cleared", "by": " "}),
        )
        .unwrap_err();
    assert_eq!(e["code"], "invalid_input", "{e}");
    assert!(
        e["message"].as_str().unwrap().contains("who cleared"),
        "{e}"
    );
    let entry = s
        .invoke(
            "set_release_status",
            json!({"id": 1, "status": "cleared", "by": "Ana Ruiz", "note": "by phone"}),
        )
        .unwrap();
    assert_eq!(entry["by"], "Ana Ruiz");
    // An edit after clearance shows as a difference from the cleared text, and holds publishing.
    let doc = edited(s.doc(1));
    let revision = s.stored().revision;
    s.invoke(
        "save_meeting_v2",
        json!({"id": 1, "baseRevision": revision, "doc": doc}),
    )
    .unwrap();
    let c = s.invoke("clearance", json!({"id": 1})).unwrap();
    assert_eq!(c["reads_as_cleared"], false);
    assert!(c["since_cleared"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["kind"] == "changed"));
    let e = s
        .invoke(
            "set_release_status",
            json!({"id": 1, "status": "published"}),
        )
        .unwrap_err();
    assert!(
        e["message"].as_str().unwrap().contains("clear it again"),
        "{e}"
    );
    s.invoke(
        "set_release_status",
        json!({"id": 1, "status": "cleared", "by": "Ana Ruiz"}),
    )
    .unwrap();
    s.invoke(
        "set_release_status",
        json!({"id": 1, "status": "published"}),
    )
    .unwrap();
    let before = s.stored().revision;
    s.invoke(
        "correct_release",
        json!({"id": 1, "note": "The date was wrong.", "by": "Press office"}),
    )
    .unwrap();
    let stored = s.stored();
    assert!(stored.revision > before, "the correction is stored");
    assert!(stored
        .meeting
        .releases
        .iter()
        .all(|r| r.corrections.len() == 1 && r.updated == Some(r.corrections[0].at)));
    // The editor opens it with the correction, and saves it back unchanged.
    let c = s.invoke("clearance", json!({"id": 1})).unwrap();
    assert_eq!(c["status"], "corrected");
    assert_eq!(c["log"].as_array().unwrap().len(), 5);
}

#[test]
fn an_image_chosen_is_stored_then_previewed_by_name_and_served_by_the_photo_scheme() {
    let s = shell();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table.jpg");
    let jpeg = communique_core::images::made::jpeg(30, 20);
    std::fs::write(&path, &jpeg).unwrap();
    let state = s.app.state::<AppState>();
    let info = files::import_image_from(&state, &path).unwrap();
    assert_eq!(info.sha256, communique_core::images::sha256_hex(&jpeg));
    assert_eq!(
        (info.width, info.height, info.kind.as_str()),
        (30, 20, "jpeg")
    );
    assert_eq!(
        &Store::open(&s.db)
            .unwrap()
            .image(&info.sha256)
            .unwrap()
            .unwrap()
            .bytes[..],
        &jpeg[..]
    );
    // The editor names it on a photo: the preview names it too, and never carries its bytes.
    let mut doc = s.doc(1);
    doc["releases"][0]["photos"][0]["image"] = json!(info.sha256);
    doc["releases"][0]["photos"][0]["alt"] = json!("Ministers <at> the table");
    let whole = s
        .invoke(
            "preview_edit_v2",
            json!({"session": 3, "shown": 0, "language": null, "doc": doc, "parts": []}),
        )
        .unwrap();
    let html = whole["preview"]["blocks"].to_string();
    assert!(
        html.contains(&format!("data-image=\\\"{}\\\"", info.sha256)),
        "{html}"
    );
    assert!(
        html.contains("alt=\\\"Ministers &lt;at&gt; the table\\\""),
        "{html}"
    );
    assert!(!html.contains("base64"));
    // The scheme serves the original bytes by name, and nothing else.
    let ok = files::photo_response(Some(&state), &format!("/{}", info.sha256));
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.headers()["Content-Type"], "image/jpeg");
    assert_eq!(ok.body(), &jpeg);
    for path in ["/../../etc/passwd", "/", &format!("/{}", "0".repeat(64))] {
        assert_eq!(
            files::photo_response(Some(&state), path).status(),
            404,
            "{path}"
        );
    }
    // A file that is not a whole image is refused in one line, nothing stored.
    let bad = dir.path().join("photo.jpg");
    std::fs::write(&bad, "<svg onload=alert(1)>").unwrap();
    let e = files::import_image_from(&state, &bad).unwrap_err();
    assert_eq!(e.code, communique_core::Code::InvalidInput);
    assert_eq!(
        e.message,
        "photo.jpg: not a JPEG or PNG image (it reads as SVG)"
    );
}
