//! The editor's live preview, kept between keystrokes: the document as the editor last sent it and
//! the preview as the editor last showed it. A keystroke then sends only the part of the document
//! it changed (the meeting's details, the people, the release's fields, or one agenda item) and
//! gets back only the blocks of the preview that read differently — in a 300-item meeting, one
//! paragraph each way instead of the whole document and the whole release.
//!
//! Nothing here decides words: the patched document is read exactly as a meeting file is
//! (`meeting_file::from_value`, so a refusal names the field) and rendered by `render::preview_parts`;
//! joined, the blocks the editor holds are always `render::preview` of the document it sent.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::compose::compose;
use crate::meeting_file::{self, FileError};
use crate::model::{AgendaItem, MeetingInfo, Person, Release};
use crate::render::{preview_parts, PreviewParts};

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

/// The document of one editor session and the preview it was last sent.
#[derive(Debug)]
pub struct LivePreview {
    session: u32,
    doc: Value,
    /// The render number and parts the editor was last sent (`None`: nothing yet).
    shown: Option<(u64, PreviewParts)>,
    renders: u64,
}

/// What an editor sends: its session, the render it shows (0: none), and either its whole
/// document or the parts that changed since its last request.
#[derive(Debug, Clone)]
pub struct Edit {
    pub session: u32,
    pub shown: u64,
    pub doc: Option<Value>,
    pub parts: Vec<DocPart>,
}

impl LivePreview {
    /// Applies `edit` to the session kept in `slot` (a whole document starts a new one) and
    /// renders. `source` names the document in errors. A document that cannot be read is kept as
    /// patched (the next keystroke may mend it) and the preview the editor shows stays current.
    pub fn edit(
        slot: &mut Option<LivePreview>,
        source: &str,
        edit: Edit,
    ) -> Result<PreviewUpdate, FileError> {
        if let Some(doc) = edit.doc {
            let renders = slot.as_ref().map_or(0, |l| l.renders);
            *slot = Some(LivePreview {
                session: edit.session,
                doc,
                shown: None,
                renders,
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
        let parts = preview_parts(&compose(&meeting_file::from_value(source, &live.doc)?));
        live.renders += 1;
        let render = live.renders;
        let update = match &live.shown {
            Some((base, old))
                if *base == edit.shown && old.head == parts.head && old.tail == parts.tail =>
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

    fn replace(&mut self, source: &str, part: DocPart) -> Result<(), FileError> {
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
                let item = doc
                    .get_mut("agenda")
                    .and_then(Value::as_array_mut)
                    .and_then(|agenda| agenda.get_mut(index as usize))
                    .ok_or_else(|| {
                        refused(
                            format!("agenda[{index}]"),
                            "no such agenda item in the document kept for the preview",
                        )
                    })?;
                *item = value;
            }
        }
        Ok(())
    }
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
