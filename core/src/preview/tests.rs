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
            language: None,
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
            language: None,
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
            language: None,
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

mod v2 {
    //! The live preview of a v2 editor: the same guarantees over v2 documents and their parts.

    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::super::*;
    use super::Editor;
    use crate::{render, v2};

    const EXAMPLE: &str = include_str!("../../tests/fixtures/v2/ministers-en-fr.meeting.json");

    fn example() -> Value {
        serde_json::from_str(EXAMPLE).unwrap()
    }

    fn from_scratch(doc: &Value, language: Language) -> String {
        render::preview(&v2::compose(&v2::from_value("t", doc).unwrap(), language))
    }

    fn send(
        slot: &mut Option<LivePreviewV2>,
        shown: u64,
        language: Option<Language>,
        doc: Option<&Value>,
        parts: Vec<DocPartV2>,
    ) -> Result<PreviewUpdate, FileError> {
        LivePreviewV2::edit(
            slot,
            "meeting",
            Edit {
                session: 1,
                shown,
                language,
                doc: doc.cloned(),
                parts,
            },
        )
    }

    fn release_item(doc: &Value, release: usize, index: usize) -> DocPartV2 {
        DocPartV2::ReleaseItem {
            release: release as u32,
            index: index as u32,
            value: doc["releases"][release]["items"][index].clone(),
        }
    }

    fn head(doc: &Value, index: usize) -> DocPartV2 {
        let mut value = doc["releases"][index].clone();
        value.as_object_mut().unwrap().remove("items");
        DocPartV2::ReleaseHead {
            index: index as u32,
            value,
        }
    }

    #[test]
    fn a_keystroke_in_an_items_paragraph_sends_back_that_paragraph_only() {
        let mut doc = example();
        let mut slot = None;
        let mut editor = Editor::default();
        editor.apply(send(&mut slot, 0, None, Some(&doc), vec![]).unwrap());
        assert_eq!(editor.html(), from_scratch(&doc, Language::En));

        doc["releases"][0]["items"][0]["blocks"][0]["p"][0] = json!("Ministers said the plan was ");
        let update = send(
            &mut slot,
            editor.shown,
            None,
            None,
            vec![release_item(&doc, 0, 0)],
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
        assert_eq!((removed, blocks.len()), (1, 1), "{blocks:?}");
        assert!(
            blocks[0].contains("Ministers said the plan was "),
            "{blocks:?}"
        );
        editor.apply(update);
        assert_eq!(editor.html(), from_scratch(&doc, Language::En));
    }

    #[test]
    fn a_releases_head_keeps_its_items_and_may_not_carry_them() {
        let mut doc = example();
        let mut slot = None;
        let mut editor = Editor::default();
        editor.apply(send(&mut slot, 0, None, Some(&doc), vec![]).unwrap());
        doc["releases"][0]["headline"] = json!(["Ministers agree a plan for safer ports"]);
        let update = send(&mut slot, editor.shown, None, None, vec![head(&doc, 0)]).unwrap();
        editor.apply(update);
        assert_eq!(editor.html(), from_scratch(&doc, Language::En));
        assert!(
            editor.html().contains("Border checks"),
            "the items' parts are kept"
        );

        let err = send(
            &mut slot,
            editor.shown,
            None,
            None,
            vec![DocPartV2::ReleaseHead {
                index: 0,
                value: doc["releases"][0].clone(),
            }],
        )
        .unwrap_err();
        assert_eq!(err.path, "releases[0].items", "{err}");
        assert_eq!(
            send(&mut slot, editor.shown, None, None, vec![]).unwrap(),
            PreviewUpdate::Resend
        );
    }

    #[test]
    fn the_language_shown_is_the_first_releases_until_another_is_asked_for() {
        let doc = example();
        let mut slot = None;
        let mut editor = Editor::default();
        editor.apply(send(&mut slot, 0, None, Some(&doc), vec![]).unwrap());
        assert!(editor.html().contains("lang=\"en\""));
        let update = send(&mut slot, editor.shown, Some(Language::Fr), None, vec![]).unwrap();
        assert!(matches!(update, PreviewUpdate::Whole { .. }), "{update:?}");
        editor.apply(update);
        assert_eq!(editor.html(), from_scratch(&doc, Language::Fr));
        assert!(editor.html().contains("lang=\"fr\""));
    }

    #[test]
    fn a_part_naming_what_the_document_lacks_names_its_path() {
        let doc = example();
        let mut slot = None;
        send(&mut slot, 0, None, Some(&doc), vec![]).unwrap();
        let err = send(
            &mut slot,
            1,
            None,
            None,
            vec![DocPartV2::ReleaseItem {
                release: 0,
                index: 9,
                value: json!({}),
            }],
        )
        .unwrap_err();
        assert_eq!(err.path, "releases[0].items[9]");
        send(&mut slot, 0, None, Some(&doc), vec![]).unwrap();
        let err = send(
            &mut slot,
            1,
            None,
            None,
            vec![DocPartV2::Item {
                index: 0,
                value: json!({"id": "ports", "title": "Safe ports", "quotes": [{"id": "q-x", "speaker": "nobody", "words": {"en": "Hi"}}]}),
            }],
        )
        .unwrap_err();
        assert!(err.path.starts_with("agenda[0].quotes[0]"), "{err}");
    }

    /// One edit a v2 editor could send.
    #[derive(Debug, Clone)]
    enum Typing {
        ItemText(usize, usize, String),
        Headline(usize, String),
        QuoteWords(usize, String),
        ItemTitle(String),
    }

    fn typing() -> impl Strategy<Value = Typing> {
        let text = "[a-zA-Z ,.'\"«»?!:<>&]{0,40}";
        prop_oneof![
            (0..2usize, 0..2usize, text).prop_map(|(r, b, t)| Typing::ItemText(r, b, t)),
            (0..2usize, text).prop_map(|(r, t)| Typing::Headline(r, t)),
            (0..3usize, text).prop_map(|(q, t)| Typing::QuoteWords(q, t)),
            "[a-zA-Z]{1,20}".prop_map(Typing::ItemTitle),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever is typed into whichever part, in either language, the blocks the editor
        /// holds join into exactly the preview of the document it sent.
        #[test]
        fn the_editor_always_holds_the_preview_of_its_document(
            edits in prop::collection::vec(typing(), 1..16),
            french in any::<bool>(),
        ) {
            let language = if french { Language::Fr } else { Language::En };
            let mut doc = example();
            let mut slot = None;
            let mut editor = Editor::default();
            editor.apply(send(&mut slot, 0, Some(language), Some(&doc), vec![]).unwrap());
            for e in edits {
                let part = match e {
                    Typing::ItemText(r, b, t) => {
                        let block = &mut doc["releases"][r]["items"][0]["blocks"][b]["p"];
                        if !block.is_array() { continue; }
                        block[0] = json!(t);
                        release_item(&doc, r, 0)
                    }
                    Typing::Headline(r, t) => {
                        doc["releases"][r]["headline"] = json!([t]);
                        head(&doc, r)
                    }
                    Typing::QuoteWords(q, t) => {
                        let lang = language.tag();
                        doc["agenda"][0]["quotes"][q]["words"][lang] = json!(t);
                        DocPartV2::Item { index: 0, value: doc["agenda"][0].clone() }
                    }
                    Typing::ItemTitle(t) => {
                        doc["agenda"][0]["title"] = json!(t);
                        DocPartV2::Item { index: 0, value: doc["agenda"][0].clone() }
                    }
                };
                match send(&mut slot, editor.shown, Some(language), None, vec![part]) {
                    Ok(update) => {
                        editor.apply(update);
                        prop_assert_eq!(editor.html(), from_scratch(&doc, language));
                    }
                    // A text the file refuses (empty words, say): the editor keeps what it
                    // shows, and the next keystroke may mend the document.
                    Err(_) => prop_assert!(v2::from_value("t", &doc).is_err()),
                }
            }
        }
    }
}
