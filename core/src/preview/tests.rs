use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::render;
use crate::sample::{sample_en, sample_fr};

fn doc_en() -> Value {
    meeting_file::to_value(&sample_en()).unwrap()
}

/// The preview of `doc` as `render::preview` writes it from scratch.
fn from_scratch(doc: &Value) -> String {
    render::preview(&compose(&meeting_file::from_value("t", doc).unwrap()))
}

/// What an editor does with the updates: keeps the parts and applies each splice to them.
#[derive(Default)]
struct Editor {
    shown: u64,
    parts: Option<PreviewParts>,
}

impl Editor {
    fn apply(&mut self, update: PreviewUpdate) {
        match update {
            PreviewUpdate::Whole { render, preview } => {
                self.shown = render;
                self.parts = Some(preview);
            }
            PreviewUpdate::Splice {
                render,
                base,
                start,
                removed,
                blocks,
            } => {
                assert_eq!(base, self.shown, "a splice applies to what is shown");
                let parts = self.parts.as_mut().expect("a splice comes after a whole");
                let start = start as usize;
                parts.blocks.splice(start..start + removed as usize, blocks);
                self.shown = render;
            }
            PreviewUpdate::Resend => panic!("unexpected resend"),
        }
    }

    fn html(&self) -> String {
        self.parts.as_ref().unwrap().html()
    }
}

fn whole(slot: &mut Option<LivePreview>, doc: &Value) -> PreviewUpdate {
    LivePreview::edit(
        slot,
        "meeting",
        Edit {
            session: 1,
            shown: 0,
            doc: Some(doc.clone()),
            parts: vec![],
        },
    )
    .unwrap()
}

fn patch(
    slot: &mut Option<LivePreview>,
    shown: u64,
    parts: Vec<DocPart>,
) -> Result<PreviewUpdate, FileError> {
    LivePreview::edit(
        slot,
        "meeting",
        Edit {
            session: 1,
            shown,
            doc: None,
            parts,
        },
    )
}

#[test]
fn parts_join_into_the_preview_and_the_article_byte_for_byte() {
    for m in [sample_en(), sample_fr()] {
        let composed = compose(&m);
        let parts = render::preview_parts(&composed);
        assert_eq!(parts.html(), render::preview(&composed));
        let article = render::article(&composed);
        assert!(parts.html().contains(&article));
        assert_eq!(
            article,
            format!("<article>\n{}</article>\n", parts.blocks.concat())
        );
        assert_eq!(
            parts.blocks.len(),
            1 + composed.paragraphs().len() + composed.captions.len()
        );
    }
}

#[test]
fn a_keystroke_in_one_item_sends_back_its_paragraph_only() {
    let mut doc = doc_en();
    let mut slot = None;
    let mut editor = Editor::default();
    editor.apply(whole(&mut slot, &doc));
    assert_eq!(editor.html(), from_scratch(&doc));

    let mut item = doc["agenda"][1].clone();
    item["summary"] = json!("Ministers agreed on a new plan for river basins.");
    doc["agenda"][1] = item.clone();
    let update = patch(
        &mut slot,
        editor.shown,
        vec![DocPart::Item {
            index: 1,
            value: item,
        }],
    )
    .unwrap();
    let PreviewUpdate::Splice {
        removed,
        ref blocks,
        ..
    } = update
    else {
        panic!("expected a splice, got {update:?}");
    };
    assert_eq!(removed, 1);
    assert_eq!(blocks.len(), 1);
    assert!(
        blocks[0].starts_with("<p>Ministers agreed on a new plan"),
        "{blocks:?}"
    );
    editor.apply(update);
    assert_eq!(editor.html(), from_scratch(&doc));
}

#[test]
fn what_the_editor_does_not_show_comes_whole() {
    let doc = doc_en();
    let mut slot = None;
    let first = whole(&mut slot, &doc);
    let PreviewUpdate::Whole { render, .. } = first else {
        panic!()
    };
    // The editor missed that answer: it still shows nothing (0), or something older.
    for shown in [0, render - 1, render + 1] {
        let update = patch(&mut slot, shown, vec![]).unwrap();
        assert!(matches!(update, PreviewUpdate::Whole { .. }), "{update:?}");
    }
}

#[test]
fn another_session_or_none_is_asked_for_its_whole_document() {
    let mut slot = None;
    assert_eq!(patch(&mut slot, 0, vec![]).unwrap(), PreviewUpdate::Resend);
    whole(&mut slot, &doc_en());
    let other = LivePreview::edit(
        &mut slot,
        "meeting",
        Edit {
            session: 2,
            shown: 1,
            doc: None,
            parts: vec![],
        },
    );
    assert_eq!(other.unwrap(), PreviewUpdate::Resend);
}

#[test]
fn a_new_language_replaces_the_preview_whole() {
    let mut doc = doc_en();
    let mut slot = None;
    let mut editor = Editor::default();
    editor.apply(whole(&mut slot, &doc));
    doc["meeting"]["language"] = json!("fr");
    let update = patch(
        &mut slot,
        editor.shown,
        vec![DocPart::Meeting {
            value: doc["meeting"].clone(),
        }],
    )
    .unwrap();
    assert!(matches!(update, PreviewUpdate::Whole { .. }), "{update:?}");
    editor.apply(update);
    assert_eq!(editor.html(), from_scratch(&doc));
    assert!(editor.html().contains("lang=\"fr\""));
}

#[test]
fn a_refused_document_names_the_field_and_the_preview_shown_stays_the_base() {
    let mut doc = doc_en();
    let mut slot = None;
    let mut editor = Editor::default();
    editor.apply(whole(&mut slot, &doc));

    let mut item = doc["agenda"][0].clone();
    item["quotes"][0]["speaker"] = json!("nobody");
    let err = patch(
        &mut slot,
        editor.shown,
        vec![DocPart::Item {
            index: 0,
            value: item,
        }],
    )
    .unwrap_err();
    assert_eq!(err.path, "agenda[0].quotes[0].speaker", "{err}");
    assert!(err.message.contains("nobody"), "{err}");

    // The next keystroke mends it: a splice from what the editor still shows.
    let mut item = doc["agenda"][0].clone();
    item["title"] = json!("Water, again");
    doc["agenda"][0] = item.clone();
    let update = patch(
        &mut slot,
        editor.shown,
        vec![DocPart::Item {
            index: 0,
            value: item,
        }],
    )
    .unwrap();
    assert!(matches!(update, PreviewUpdate::Splice { .. }), "{update:?}");
    editor.apply(update);
    assert_eq!(editor.html(), from_scratch(&doc));
}

#[test]
fn an_item_that_is_not_there_is_refused_by_its_index() {
    let mut slot = None;
    let mut editor = Editor::default();
    editor.apply(whole(&mut slot, &doc_en()));
    let err = patch(
        &mut slot,
        editor.shown,
        vec![DocPart::Item {
            index: 99,
            value: json!({}),
        }],
    )
    .unwrap_err();
    assert_eq!(err.path, "agenda[99]");
    // This copy is no longer the editor's: it asks for the whole document.
    assert_eq!(
        patch(&mut slot, editor.shown, vec![]).unwrap(),
        PreviewUpdate::Resend
    );
}

#[test]
fn no_release_then_a_release() {
    let mut doc = doc_en();
    let release = doc.as_object_mut().unwrap().remove("release").unwrap();
    let mut slot = None;
    let mut editor = Editor::default();
    editor.apply(whole(&mut slot, &doc));
    assert_eq!(editor.html(), from_scratch(&doc));
    doc["release"] = release.clone();
    let update = patch(
        &mut slot,
        editor.shown,
        vec![DocPart::Release { value: release }],
    )
    .unwrap();
    editor.apply(update);
    assert_eq!(editor.html(), from_scratch(&doc));
    let update = patch(
        &mut slot,
        editor.shown,
        vec![DocPart::Release { value: Value::Null }],
    )
    .unwrap();
    doc.as_object_mut().unwrap().remove("release");
    editor.apply(update);
    assert_eq!(editor.html(), from_scratch(&doc));
}

/// One edit the editor could send: which part, and the text typed into it.
#[derive(Debug, Clone)]
enum Typing {
    Summary(usize, String),
    Title(usize, String),
    Quote(usize, String),
    Headline(String),
    Lead(String),
    MeetingTitle(String),
    OutOfRelease(usize, bool),
}

fn typing() -> impl Strategy<Value = Typing> {
    let text = "[a-zA-Z ,.'\"«»?!:<>&]{0,40}";
    prop_oneof![
        (0..4usize, text).prop_map(|(i, t)| Typing::Summary(i, t)),
        (0..4usize, text).prop_map(|(i, t)| Typing::Title(i, t)),
        (0..4usize, text).prop_map(|(i, t)| Typing::Quote(i, t)),
        text.prop_map(Typing::Headline),
        text.prop_map(Typing::Lead),
        "[a-zA-Z]{1,20}".prop_map(Typing::MeetingTitle),
        (0..4usize, any::<bool>()).prop_map(|(i, b)| Typing::OutOfRelease(i, b)),
    ]
}

proptest! {
    /// Whatever is typed, in whatever order, the blocks the editor holds join into exactly the
    /// preview of the document it sent, rendered from scratch.
    #[test]
    fn the_editor_always_holds_the_preview_of_its_document(edits in prop::collection::vec(typing(), 1..25)) {
        let mut doc = doc_en();
        let items = doc["agenda"].as_array().unwrap().len();
        let mut slot = None;
        let mut editor = Editor::default();
        editor.apply(whole(&mut slot, &doc));
        for e in edits {
            let part = match e {
                Typing::Summary(i, t) | Typing::Title(i, t) | Typing::Quote(i, t) if i >= items => {
                    let _ = t;
                    continue;
                }
                Typing::Summary(i, t) => { doc["agenda"][i]["summary"] = json!(t); item(&doc, i) }
                Typing::Title(i, t) => {
                    if t.trim().is_empty() { continue; }
                    doc["agenda"][i]["title"] = json!(t); item(&doc, i)
                }
                Typing::Quote(i, t) => {
                    match doc["agenda"][i]["quotes"].get_mut(0) {
                        Some(q) => q["text"] = json!(t),
                        None => continue,
                    }
                    item(&doc, i)
                }
                Typing::OutOfRelease(i, b) if i < items => { doc["agenda"][i]["in_release"] = json!(b); item(&doc, i) }
                Typing::OutOfRelease(..) => continue,
                Typing::Headline(t) => { doc["release"]["headline"] = json!(t); DocPart::Release { value: doc["release"].clone() } }
                Typing::Lead(t) => { doc["release"]["lead"] = json!(t); DocPart::Release { value: doc["release"].clone() } }
                Typing::MeetingTitle(t) => { doc["meeting"]["title"] = json!(t); DocPart::Meeting { value: doc["meeting"].clone() } }
            };
            match patch(&mut slot, editor.shown, vec![part]) {
                Ok(update) => {
                    editor.apply(update);
                    prop_assert_eq!(editor.html(), from_scratch(&doc));
                }
                // A text the file refuses (an empty quote, say): the editor keeps what it shows.
                Err(_) => prop_assert!(meeting_file::from_value("t", &doc).is_err()),
            }
        }
    }
}

fn item(doc: &Value, i: usize) -> DocPart {
    DocPart::Item {
        index: i as u32,
        value: doc["agenda"][i].clone(),
    }
}
