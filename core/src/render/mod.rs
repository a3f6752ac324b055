//! Renderers dress a `Composed` release in one output format. They decide markup, never words:
//! what a paragraph says was settled by `compose`, and every user string is escaped here for the
//! exact place it lands (element text, attribute, JSON inside a script, Markdown inline, YAML).
//!
//! Adding a format is adding one `Renderer`; the CLI and the desktop app find it through `Format`.

mod docx;
mod email;
mod escape;
mod html;
mod markdown;
pub mod ninjs;

pub use docx::Docx;
pub use email::Email;
pub use escape::{
    html_attr, html_text, json_in_script, markdown_destination, markdown_inline, xml_attr,
    xml_chars, yaml_string,
};
pub use html::{article, preview, preview_parts, Html, PreviewParts};
pub use markdown::Markdown;
pub use ninjs::Ninjs;

use serde::{Deserialize, Serialize};

use crate::compose::{compose, Attributed, Block, Composed, Image, PhotoPosition};
use crate::lang::Language;
use crate::meeting_file;
use crate::model::Meeting;
use crate::v2::{self, MeetingV2};

pub trait Renderer {
    /// File name extension of the output, without the dot.
    fn extension(&self) -> &'static str;
    fn render(&self, release: &Composed) -> String;
}

/// Everything `export` and `render` can write. Serialised as its name (`name`): the file
/// extension, except for ninjs (`ninjs`, written to a `.json` file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    #[serde(rename = "md")]
    Markdown,
    /// The meeting file itself (not a release: it keeps notes and everything private).
    Json,
    /// The release as an e-mail draft (`.eml`): text and HTML alternatives.
    Eml,
    /// The release as IPTC ninjs 3.1 (News in JSON), for a wire or a website (`.json`).
    Ninjs,
    /// The release as a Word document (`.docx`), for clearance.
    Docx,
}

impl Format {
    /// The meeting in this format, as the bytes of the file. Only the meeting file can fail
    /// (serialisation), and then nothing is written.
    pub fn bytes(self, meeting: &Meeting) -> crate::Result<Vec<u8>> {
        match self {
            Format::Json => Ok(meeting_file::to_json(meeting)?.into_bytes()),
            release => Ok(release.release(&checked(compose(meeting))?)),
        }
    }

    /// A v2 meeting's release in `language` in this format (the meeting file itself for `Json`),
    /// as the bytes of the file, as the meeting file alone says it (no photo's image: see
    /// `bytes_v2_with_images`). A release missing a block (a quote off the record or without
    /// words in `language`) is refused: one `Error::Invalid` naming the first such block,
    /// nothing written.
    pub fn bytes_v2(self, meeting: &MeetingV2, language: Language) -> crate::Result<Vec<u8>> {
        match self {
            Format::Json => Ok(meeting_file_json(meeting)?.into_bytes()),
            release => Ok(release.release(&checked(v2::compose(meeting, language))?)),
        }
    }

    /// `bytes_v2` with the photos' images from `images` (the archive's: `Store::export_in`); a
    /// photo naming an image `images` does not have is refused like a missing block.
    pub fn bytes_v2_with_images(
        self,
        meeting: &MeetingV2,
        language: Language,
        images: &dyn Fn(&str) -> Option<Image>,
    ) -> crate::Result<Vec<u8>> {
        match self {
            Format::Json => Ok(meeting_file_json(meeting)?.into_bytes()),
            release => Ok(release.release(&checked(v2::compose_with_images(
                meeting, language, images,
            ))?)),
        }
    }

    /// `bytes` as text, for a text format (a binary one is refused).
    pub fn render(self, meeting: &Meeting) -> crate::Result<String> {
        self.text(self.bytes(meeting)?)
    }

    /// `bytes_v2` as text, for a text format (a binary one is refused).
    pub fn render_v2(self, meeting: &MeetingV2, language: Language) -> crate::Result<String> {
        self.text(self.bytes_v2(meeting, language)?)
    }

    fn text(self, bytes: Vec<u8>) -> crate::Result<String> {
        String::from_utf8(bytes).map_err(|_| crate::Error::Invalid {
            path: format!("format {}", self.name()),
            message: "a binary format, not text".into(),
        })
    }

    /// A composed release in this format (the meeting file, `Json`, is no release: empty).
    pub fn release(self, r: &Composed) -> Vec<u8> {
        match self {
            Format::Html => Html.render(r).into_bytes(),
            Format::Markdown => Markdown.render(r).into_bytes(),
            Format::Eml => Email::now().render(r).into_bytes(),
            Format::Ninjs => Ninjs.render(r).into_bytes(),
            Format::Docx => Docx.render(r),
            Format::Json => Vec::new(),
        }
    }

    /// The format's name, as it is serialised (and recorded with a version of the release):
    /// `html`, `md`, `json`, `eml`, `ninjs`.
    /// Every format, in the order the CLI and the app list them.
    pub const ALL: &'static [Format] = &[
        Format::Html,
        Format::Markdown,
        Format::Eml,
        Format::Docx,
        Format::Ninjs,
        Format::Json,
    ];

    /// The format named `name` (`Format::name`), if any.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Eml => "eml",
            Format::Ninjs => "ninjs",
            Format::Docx => "docx",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => Html.extension(),
            Format::Markdown => Markdown.extension(),
            Format::Json => "json",
            Format::Eml => "eml",
            Format::Ninjs => Ninjs.extension(),
            Format::Docx => Docx.extension(),
        }
    }
}

/// A meeting's file in the oldest format that says all of it: v1 when v1 → v2 gives it back
/// exactly (every meeting made before v2, byte for byte as before), else v2.
pub fn meeting_file_json(meeting: &MeetingV2) -> crate::Result<String> {
    match v2::downgrade(meeting) {
        Ok(v1) if v2::upgrade(&v1) == *meeting => meeting_file::to_json(&v1),
        _ => v2::to_json(meeting),
    }
}

fn checked(c: Composed) -> crate::Result<Composed> {
    c.check().map(|()| c)
}

/// What the editor shows about a release besides its preview: how each attributed quote names its
/// speaker, and the length of the release as a reader meets it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct ReleaseFacts {
    pub attributions: Vec<Attributed>,
    /// The words of the release's plain text (a word: a run between spaces holding a letter or a
    /// digit; `l’OTAN` is one, a dash alone none).
    pub words: u32,
}

pub fn facts(r: &Composed) -> ReleaseFacts {
    let words = plain_text(r)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    ReleaseFacts {
        attributions: r.attributions.clone(),
        words: u32::try_from(words).unwrap_or(u32::MAX),
    }
}

/// The release as plain text: headline, dateline, paragraphs and captions separated by blank
/// lines (the layout of the worked examples' `.release.txt`; a list's entries, a block quote's
/// byline and a statement's paragraphs on lines of their own). For the clipboard's plain-text
/// flavour, and the version history.
pub fn plain_text(r: &Composed) -> String {
    let mut blocks = Vec::new();
    blocks.extend(r.status_line().map(str::to_owned));
    blocks.extend(r.embargo.as_ref().map(|e| e.text.clone()));
    blocks.extend(r.label.clone());
    blocks.push(r.headline.clone());
    blocks.extend(r.deck.as_deref().map(crate::compose::inline_text));
    blocks.extend(r.dateline());
    let caption = |c: &crate::compose::Caption| format!("{} {}", c.label, c.text);
    blocks.extend(r.captions_at(PhotoPosition::BeforeLead).map(caption));
    let mut opening = r.dateline_opening();
    for (i, b) in r.lead.iter().enumerate() {
        match (i, b, opening.take()) {
            (0, Block::Paragraph(_), Some(o)) => blocks.push(format!("{o} {}", b.text())),
            (_, b, o) => {
                blocks.extend(o);
                blocks.push(b.text());
            }
        }
    }
    blocks.extend(opening);
    blocks.extend(r.captions_at(PhotoPosition::AfterLead).map(caption));
    blocks.extend(r.body.iter().map(Block::text));
    blocks.extend(r.dateline_end());
    blocks.extend(
        r.corrections
            .iter()
            .map(|n| format!("{} {}", n.heading, crate::compose::inline_text(&n.text))),
    );
    blocks.extend(r.captions_at(PhotoPosition::End).map(caption));
    for (label, content) in [
        (Some(r.labels.contact.as_str()), &r.contact),
        (Some(r.labels.notes.as_str()), &r.notes_to_editors),
        (None, &r.boilerplate),
    ] {
        if !content.is_empty() {
            blocks.extend(label.map(str::to_owned));
            blocks.extend(content.iter().map(Block::text));
        }
    }
    blocks.join("\n\n") + "\n"
}
