//! Renderers dress a `Composed` release in one output format. They decide markup, never words:
//! what a paragraph says was settled by `compose`, and every user string is escaped here for the
//! exact place it lands (element text, attribute, JSON inside a script, Markdown inline, YAML).
//!
//! Adding a format is adding one `Renderer`; the CLI and the desktop app find it through `Format`.

mod escape;
mod html;
mod markdown;

pub use escape::{html_attr, html_text, json_in_script, markdown_inline, yaml_string};
pub use html::{article, preview, preview_parts, Html, PreviewParts};
pub use markdown::Markdown;

use serde::{Deserialize, Serialize};

use crate::compose::{compose, Composed};
use crate::meeting_file;
use crate::model::Meeting;

pub trait Renderer {
    /// File name extension of the output, without the dot.
    fn extension(&self) -> &'static str;
    fn render(&self, release: &Composed) -> String;
}

/// Everything `export` and `render` can write. Serialised as its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    #[serde(rename = "md")]
    Markdown,
    /// The meeting file itself (not a release: it keeps notes and everything private).
    Json,
}

impl Format {
    /// The meeting in this format. Only the meeting file can fail (serialisation), and then
    /// nothing is written.
    pub fn render(self, meeting: &Meeting) -> crate::Result<String> {
        Ok(match self {
            Format::Html => Html.render(&compose(meeting)),
            Format::Markdown => Markdown.render(&compose(meeting)),
            Format::Json => meeting_file::to_json(meeting)?,
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => Html.extension(),
            Format::Markdown => Markdown.extension(),
            Format::Json => "json",
        }
    }
}

/// The release as plain text: headline, dateline, paragraphs and captions separated by blank
/// lines (the layout of the worked examples' `.release.txt`). For the clipboard's plain-text flavour.
pub fn plain_text(r: &Composed) -> String {
    let mut blocks = vec![r.headline.clone()];
    blocks.extend(r.dateline());
    blocks.extend(r.paragraphs.iter().cloned());
    blocks.extend(r.captions.iter().map(|c| format!("{} {}", c.label, c.text)));
    blocks.join("\n\n") + "\n"
}
