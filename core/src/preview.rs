//! The editor's live preview, kept between keystrokes: the document as the editor last sent it and
//! the preview as the editor last showed it. A keystroke then sends only the part of the document
//! it changed (the meeting's details, the people, the release's fields, or one agenda item) and
//! gets back only the blocks of the preview that read differently — in a 300-item meeting, one
//! paragraph each way instead of the whole document and the whole release.
//!
//! Nothing here decides words: the patched document is read exactly as a meeting file is
//! (`meeting_file::from_value`, so a refusal names the field) and rendered by `render::preview_parts`;
//! joined, the blocks the editor holds are always `render::preview` of the document it sent.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::compose::compose;
use crate::compose::Composed;
use crate::lang::Language;
use crate::meeting_file::{self, FileError};
use crate::model::{AgendaItem, MeetingInfo, Person, Release};
use crate::render::{facts, preview_parts, PreviewParts, ReleaseFacts};
use crate::v2::compose::Images;

/// One part of the document, replaced whole by what the editor holds now.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(tag = "part", rename_all = "snake_case", deny_unknown_fields)]
pub enum DocPart {
    Meeting {
        #[specta(type = MeetingInfo)]
        value: Value,
    },
    People {
        #[specta(type = Vec<Person>)]
        value: Value,
    },
    /// `null`: the document has no release (yet).
    Release {
        #[specta(type = Option<Release>)]
        value: Value,
    },
    /// The agenda item at `index` (the agenda's length and order are unchanged: a structural edit
    /// sends the whole document).
    Item {
        index: u32,
        #[specta(type = AgendaItem)]
        value: Value,
    },
}

/// What the editor must do to show the preview of the document it sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PreviewUpdate {
    /// Show this preview, whole (the first one, one the editor did not show, or a new language).
    Whole { render: u64, preview: PreviewParts },
    /// From render `base`, which the editor shows: blocks `start .. start + removed` become
    /// `blocks` (none removed and none added: the release reads as before).
    Splice {
        render: u64,
        base: u64,
        start: u32,
        removed: u32,
        blocks: Vec<String>,
    },
    /// No document of this editor is kept here (another meeting was opened since): send it whole.
    Resend,
}

/// What a live preview keeps and renders: the meeting file of one version, its parts, and how a
/// part replaces what the kept document holds.
pub trait Document {
    /// One part of the document as the editor sends it.
    type Part;
    /// Replaces what `part` names in `doc` (a JSON object: checked before).
    fn replace(
        doc: &mut serde_json::Map<String, Value>,
        part: Self::Part,
    ) -> Result<(), (String, &'static str)>;
    /// The preview of `doc` in `language` (`None`: the document's own, or its first release's),
    /// and the release it composed (kept for `facts`, asked for now and then, not per keystroke).
    fn render(
        source: &str,
        doc: &Value,
        language: Option<Language>,
        images: Images<'_>,
    ) -> Result<(PreviewParts, Composed), FileError>;
}

/// The meeting file v1 (`docs/meeting-file.md`): one release, in the meeting's language.
#[derive(Debug)]
pub enum V1 {}

/// The meeting file v2 (`docs/meeting-file-v2.md`): a release per language.
#[derive(Debug)]
pub enum V2 {}

/// The document of one editor session and the preview it was last sent.
#[derive(Debug)]
pub struct Live<D> {
    session: u32,
    language: Option<Language>,
    doc: Value,
    /// The render number and parts the editor was last sent (`None`: nothing yet).
    shown: Option<(u64, PreviewParts)>,
    /// The release last rendered, for what it says besides its preview (`facts`).
    composed: Option<Composed>,
    renders: u64,
    version: PhantomData<D>,
}

/// The live preview of a v1 editor.
pub type LivePreview = Live<V1>;
/// The live preview of a v2 editor.
pub type LivePreviewV2 = Live<V2>;

/// What an editor sends: its session, the render it shows (0: none), the language it shows
/// (v2; v1 has one), and either its whole document or the parts that changed since its last
/// request.
#[derive(Debug, Clone)]
pub struct Edit<P = DocPart> {
    pub session: u32,
    pub shown: u64,
    pub language: Option<Language>,
    pub doc: Option<Value>,
    pub parts: Vec<P>,
}

impl<D: Document> Live<D> {
    /// Applies `edit` to the session kept in `slot` (a whole document starts a new one) and
    /// renders. `source` names the document in errors. A document that cannot be read is kept as
    /// patched (the next keystroke may mend it) and the preview the editor shows stays current.
    pub fn edit(
        slot: &mut Option<Live<D>>,
        source: &str,
        edit: Edit<D::Part>,
    ) -> Result<PreviewUpdate, FileError> {
        Self::edit_with_images(slot, source, edit, None)
    }

    /// `edit`, photos' images looked up in `images` (v2: `compose_with_images`; the preview names
    /// each image, `data-image`, and never carries its bytes, so a keystroke sends no picture).
    pub fn edit_with_images(
        slot: &mut Option<Live<D>>,
        source: &str,
        edit: Edit<D::Part>,
        images: Images<'_>,
    ) -> Result<PreviewUpdate, FileError> {
        if let Some(doc) = edit.doc {
            let renders = slot.as_ref().map_or(0, |l| l.renders);
            *slot = Some(Live {
                session: edit.session,
                language: edit.language,
                doc,
                shown: None,
                composed: None,
                renders,
                version: PhantomData,
            });
        }
        let live = match slot {
            Some(live) if live.session == edit.session => live,
            _ => return Ok(PreviewUpdate::Resend),
        };
        for part in edit.parts {
            if let Err(e) = live.replace(source, part) {
                // The editor and this copy no longer agree: the next request resends it whole.
                *slot = None;
                return Err(e);
            }
        }
        let language_changed = live.language != edit.language;
        live.language = edit.language;
        let (parts, composed) = D::render(source, &live.doc, live.language, images)?;
        live.composed = Some(composed);
        live.renders += 1;
        let render = live.renders;
        let update = match &live.shown {
            Some((base, old))
                if *base == edit.shown
                    && !language_changed
                    && old.head == parts.head
                    && old.tail == parts.tail =>
            {
                let (start, removed, blocks) = splice(&old.blocks, &parts.blocks);
                PreviewUpdate::Splice {
                    render,
                    base: *base,
                    start,
                    removed,
                    blocks,
                }
            }
            _ => PreviewUpdate::Whole {
                render,
                preview: parts.clone(),
            },
        };
        live.shown = Some((render, parts));
        Ok(update)
    }

    /// What the release the session last rendered says besides its preview (how each attributed
    /// quote names its speaker, its length); nothing when `session` is not the one kept (the
    /// editor asks again after its next preview).
    pub fn facts(slot: &Option<Live<D>>, session: u32) -> ReleaseFacts {
        match slot {
            Some(Live {
                session: kept,
                composed: Some(composed),
                ..
            }) if *kept == session => facts(composed),
            _ => ReleaseFacts::default(),
        }
    }

    fn replace(&mut self, source: &str, part: D::Part) -> Result<(), FileError> {
        let refused = |path: String, message: &str| FileError {
            file: source.to_owned(),
            path,
            message: message.to_owned(),
        };
        let Some(doc) = self.doc.as_object_mut() else {
            return Err(refused(
                String::new(),
                "not a meeting file: not a JSON object",
            ));
        };
        D::replace(doc, part).map_err(|(path, message)| refused(path, message))
    }
}

impl Document for V1 {
    type Part = DocPart;

    fn replace(
        doc: &mut serde_json::Map<String, Value>,
        part: DocPart,
    ) -> Result<(), (String, &'static str)> {
        match part {
            DocPart::Meeting { value } => {
                doc.insert("meeting".into(), value);
            }
            DocPart::People { value } => {
                doc.insert("people".into(), value);
            }
            DocPart::Release { value: Value::Null } => {
                doc.remove("release");
            }
            DocPart::Release { value } => {
                doc.insert("release".into(), value);
            }
            DocPart::Item { index, value } => {
                *element(doc, "agenda", index)? = value;
            }
        }
        Ok(())
    }

    fn render(
        source: &str,
        doc: &Value,
        _: Option<Language>,
        _: Images<'_>,
    ) -> Result<(PreviewParts, Composed), FileError> {
        let composed = compose(&meeting_file::from_value(source, doc)?);
        Ok((preview_parts(&composed), composed))
    }
}

/// One part of a v2 document, replaced whole by what the editor holds now. A structural edit (an
/// agenda item or a release added, removed or moved, an item's part added to a release or taken
/// out) sends the whole document.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(tag = "part", rename_all = "snake_case", deny_unknown_fields)]
pub enum DocPartV2 {
    Meeting {
        #[specta(type = crate::v2::Info)]
        value: Value,
    },
    Organisations {
        #[specta(type = Vec<crate::v2::Organisation>)]
        value: Value,
    },
    People {
        #[specta(type = Vec<crate::v2::Person>)]
        value: Value,
    },
    /// The agenda item at `index`: its title, notes and quotes.
    Item {
        index: u32,
        #[specta(type = crate::v2::Item)]
        value: Value,
    },
    /// The release at `index`, all but what it says of each agenda item (`items`, left out here:
    /// those kept are kept, and each is sent as a `release_item`).
    ReleaseHead {
        index: u32,
        #[specta(type = crate::v2::Release)]
        value: Value,
    },
    /// What the release at `release` says of an agenda item: its part at `index`.
    ReleaseItem {
        release: u32,
        index: u32,
        #[specta(type = crate::v2::ItemPart)]
        value: Value,
    },
}

impl Document for V2 {
    type Part = DocPartV2;

    fn replace(
        doc: &mut serde_json::Map<String, Value>,
        part: DocPartV2,
    ) -> Result<(), (String, &'static str)> {
        match part {
            DocPartV2::Meeting { value } => {
                doc.insert("meeting".into(), value);
            }
            DocPartV2::Organisations { value } => {
                doc.insert("organisations".into(), value);
            }
            DocPartV2::People { value } => {
                doc.insert("people".into(), value);
            }
            DocPartV2::Item { index, value } => {
                *element(doc, "agenda", index)? = value;
            }
            DocPartV2::ReleaseHead { index, value } => {
                let Value::Object(mut head) = value else {
                    return Err((format!("releases[{index}]"), "a release is a JSON object"));
                };
                if head.contains_key("items") {
                    return Err((
                        format!("releases[{index}].items"),
                        "a release's head leaves its items out: each is sent as a release_item",
                    ));
                }
                let release = element(doc, "releases", index)?;
                if let Some(items) = release.get_mut("items").map(Value::take) {
                    head.insert("items".into(), items);
                }
                *release = Value::Object(head);
            }
            DocPartV2::ReleaseItem {
                release,
                index,
                value,
            } => {
                let r = element(doc, "releases", release)?;
                let item = r
                    .get_mut("items")
                    .and_then(Value::as_array_mut)
                    .and_then(|items| items.get_mut(index as usize))
                    .ok_or_else(|| {
                        (
                            format!("releases[{release}].items[{index}]"),
                            "no such part of the release in the document kept for the preview",
                        )
                    })?;
                *item = value;
            }
        }
        Ok(())
    }

    fn render(
        source: &str,
        doc: &Value,
        language: Option<Language>,
        images: Images<'_>,
    ) -> Result<(PreviewParts, Composed), FileError> {
        let m = crate::v2::from_value(source, doc)?;
        let language = language
            .or_else(|| m.releases.first().map(|r| r.language))
            .or_else(|| m.info.languages.first().copied())
            .unwrap_or(Language::En);
        let composed = match images {
            Some(images) => crate::v2::compose_with_images(&m, language, images),
            None => crate::v2::compose(&m, language),
        };
        Ok((preview_parts(&composed), composed))
    }
}

/// The element at `index` of the array `key` of `doc`.
fn element<'d>(
    doc: &'d mut serde_json::Map<String, Value>,
    key: &str,
    index: u32,
) -> Result<&'d mut Value, (String, &'static str)> {
    doc.get_mut(key)
        .and_then(Value::as_array_mut)
        .and_then(|a| a.get_mut(index as usize))
        .ok_or_else(|| {
            (
                format!("{key}[{index}]"),
                "no such element in the document kept for the preview",
            )
        })
}

/// The shortest change from `old` to `new` that keeps their common first and last blocks.
fn splice(old: &[String], new: &[String]) -> (u32, u32, Vec<String>) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let blocks = new[prefix..new.len() - suffix].to_vec();
    (prefix as u32, (old.len() - suffix - prefix) as u32, blocks)
}

#[cfg(test)]
mod tests;
