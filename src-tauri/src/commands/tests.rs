//! Commands through Tauri's IPC, on its mock runtime: the arguments as the UI sends them (camel
//! case JSON), the answers and the `{code, message}` errors as the UI receives them.

#![allow(clippy::unwrap_used)] // Tests: a panic is the failure report.

use std::time::Instant;

use communique_core::{v2, Store};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow};

use super::{meetings, release};
use crate::state::AppState;

const EXAMPLE: &str = include_str!("../../../core/tests/fixtures/v2/ministers-en-fr.meeting.json");

struct Shell {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

/// A shell over a new archive holding the worked example (meeting 1): lists, a block quote and
/// spans, which v1 cannot say.
fn shell() -> Shell {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.sqlite3");
    let mut store = Store::open(&db).unwrap();
    assert_eq!(store.insert_v2(&example()).unwrap(), 1);
    let app = mock_builder()
        .manage(AppState::new(store, Instant::now(), false))
        .invoke_handler(tauri::generate_handler![
            meetings::load_meeting,
            meetings::load_meeting_v2,
            meetings::save_meeting_v2,
            release::preview_edit_v2,
        ])
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Shell {
        _app: app,
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

    /// What the archive holds, read by a store of its own.
    fn stored(&self) -> communique_core::store::StoredV2 {
        Store::open(&self.db).unwrap().load_v2(1).unwrap()
    }
}

#[test]
fn a_meeting_v1_cannot_say_opens_as_v2_with_the_preview_of_the_language_asked_for() {
    let s = shell();
    let err = s.invoke("load_meeting", json!({"id": 1})).unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");

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
        .invoke("load_meeting_v2", json!({"id": 1, "language": "de"}))
        .unwrap_err();
    // Tauri refuses the argument before the command runs, with core's message for it.
    assert!(
        err.to_string().contains(r#"unsupported language \"de\""#),
        "{err}"
    );
}

#[test]
fn an_edit_is_saved_once_on_its_revision_and_a_stale_one_is_a_conflict() {
    let s = shell();
    let mut doc = s.invoke("load_meeting_v2", json!({"id": 1})).unwrap()["doc"].clone();
    doc["releases"][0]["items"][0]["blocks"][0]["p"][0] = json!("Ministers said the plan was ");
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
    let mut doc = s.invoke("load_meeting_v2", json!({"id": 1})).unwrap()["doc"].clone();
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
    let doc = s.invoke("load_meeting_v2", json!({"id": 1})).unwrap()["doc"].clone();
    let whole = s
        .invoke(
            "preview_edit_v2",
            json!({"session": 7, "shown": 0, "language": null, "doc": doc, "parts": []}),
        )
        .unwrap();
    assert_eq!(whole["kind"], "whole", "{whole}");
    let render = whole["render"].clone();
    let mut part = doc["releases"][0]["items"][0].clone();
    part["blocks"][0]["p"][0] = json!("Ministers said the plan was ");
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
