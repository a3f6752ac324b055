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
mod pdf;

pub use docx::Docx;
pub use email::Email;
pub use escape::{
    html_attr, html_text, json_in_script, markdown_destination, markdown_inline, xml_attr,
    xml_chars, yaml_string,
};
pub use html::{article, preview, preview_parts, Html, PreviewParts};
pub use markdown::Markdown;
pub use ninjs::Ninjs;
pub use pdf::{Paper, Pdf};

use serde::{Deserialize, Serialize};

use crate::compose::{compose, Attributed, Composed, Image};
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
    /// The release as a print-ready PDF on A4 (`.pdf`).
    Pdf,
    /// The release as a print-ready PDF on US Letter (`.pdf`).
    #[serde(rename = "pdf-letter")]
    PdfLetter,
}

impl Format {
    /// The meeting in this format, as the bytes of the file. Only the meeting file can fail
    /// (serialisation), and then nothing is written.
    pub fn bytes(self, meeting: &Meeting) -> crate::Result<Vec<u8>> {
        match self {
            Format::Json => Ok(meeting_file::to_json(meeting)?.into_bytes()),
            release => release.release(&checked(compose(meeting))?),
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
            release => release.release(&checked(v2::compose(meeting, language))?),
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
            release => release.release(&checked(v2::compose_with_images(
                meeting, language, images,
            ))?),
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

    /// A composed release in this format (the meeting file, `Json`, is no release: empty). Only
    /// the PDF's typesetter can fail (`Error::Render`).
    pub fn release(self, r: &Composed) -> crate::Result<Vec<u8>> {
        Ok(match self {
            Format::Html => Html.render(r).into_bytes(),
            Format::Markdown => Markdown.render(r).into_bytes(),
            Format::Eml => Email::now().render(r).into_bytes(),
            Format::Ninjs => Ninjs.render(r).into_bytes(),
            Format::Docx => Docx.render(r),
            Format::Pdf => Pdf(Paper::A4).render(r)?,
            Format::PdfLetter => Pdf(Paper::Letter).render(r)?,
            Format::Json => Vec::new(),
        })
    }

    /// The format's name, as it is serialised (and recorded with a version of the release):
    /// `html`, `md`, `json`, `eml`, `ninjs`.
    /// Every format, in the order the CLI and the app list them.
    pub const ALL: &'static [Format] = &[
        Format::Html,
        Format::Markdown,
        Format::Eml,
        Format::Docx,
        Format::Pdf,
        Format::PdfLetter,
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
            Format::Pdf => "pdf",
            Format::PdfLetter => "pdf-letter",
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
            Format::Pdf | Format::PdfLetter => "pdf",
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
    use crate::compose::{inline_text, Part};
    let blocks: Vec<String> = r
        .parts()
        .into_iter()
        .map(|part| match part {
            Part::Status(t) | Part::Embargo(t) | Part::Label(t) | Part::Headline(t) => t.to_owned(),
            Part::Section(t) => t.to_owned(),
            Part::Deck(d) => inline_text(d),
            Part::Dateline(t) | Part::DatelineAlone(t) => t,
            Part::Caption(c) => format!("{} {}", c.label, c.text),
            Part::Opened { opening, paragraph } => format!("{opening} {}", inline_text(paragraph)),
            Part::Block(b) => b.text(),
            Part::Correction(n) => format!("{} {}", n.heading, inline_text(&n.text)),
        })
        .collect();
    blocks.join("\n\n") + "\n"
}
