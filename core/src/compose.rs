//! The release's words (docs/meeting-file.md, "Composing the release"): `Composed`, what every
//! renderer dresses, and `compose`, a v1 meeting's release (through v2: `v2::compose` is the
//! composer). Pure functions, no I/O, no clock.
//!
//! Composing decides everything a reader sees — which paragraphs, in which order, how each quote
//! is attributed, the language's spacing, how dates read — and the renderers only dress the result
//! in HTML or Markdown. Private things (notes, items and quotes kept out) stop here: nothing in
//! `Composed` comes from them, so no renderer can leak them.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::lang::{HouseStyle, Language, Table};
use crate::model::{Meeting, Published};
use crate::serde_forms::{format_date, format_datetime};
pub use crate::v2::{DatelinePosition, PhotoPosition};

/// The release, ready to render: every string is final text (spaced, not yet escaped). Renderers
/// decide markup only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub language: Language,
    /// The kicker line above the headline (`Press release`).
    pub label: Option<String>,
    pub headline: String,
    /// The subtitle under the headline.
    pub deck: Option<Inline>,
    pub organisation: Option<String>,
    pub meeting_title: String,
    /// The meeting's first day (what, with its title, its organisation and the language,
    /// identifies the release: the ninjs export's `uri`).
    pub starts: NaiveDate,
    pub location: Option<String>,
    /// The dateline's place, as the dateline shows it (`LISBON`).
    pub place: Option<String>,
    pub dateline_position: DatelinePosition,
    pub published: Option<Moment>,
    pub updated: Option<Moment>,
    /// `text` is the whole line: `Embargoed until 25 April 2031 18:00 WEST`.
    pub embargo: Option<Moment>,
    /// The lead's blocks (captions `after-lead` follow them, a `lead` dateline opens the first).
    pub lead: Vec<Block>,
    /// The agenda items' blocks (each item's sub-heading first), then the closing.
    pub body: Vec<Block>,
    /// The correction notes, oldest first (after the body in every format).
    pub corrections: Vec<CorrectionNote>,
    /// Where the release stands on its way to publication (`clearance::Status`), when the archive
    /// knows it (`with_status`; compose alone never does): exports of a release not yet
    /// published say so at the top (`status_line`).
    pub status: Option<crate::clearance::Status>,
    pub captions: Vec<Caption>,
    pub contact: Vec<Block>,
    pub notes_to_editors: Vec<Block>,
    /// The organisation's "About …" blocks, in the release's language.
    pub boilerplate: Vec<Block>,
    /// The words the renderers set around the release's parts, in its language and house style.
    pub labels: Labels,
    /// What kept a block out of the release (a quote off the record or without words in the
    /// release's language): the preview shows the rest, exports refuse (`check`).
    pub problems: Vec<Problem>,
    /// How each quote the release attributes names its speaker, in reading order: what the editor
    /// shows beside the quote (never rendered).
    pub attributions: Vec<Attributed>,
    /// The release it is translated from, and its translations (`v2::translation`): what the
    /// HTML's JSON-LD links (`translationOfWork`, `workTranslation`).
    pub versions: Versions,
}

/// A release's other language versions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Versions {
    pub translation_of: Option<VersionRef>,
    pub translations: Vec<VersionRef>,
}

/// Another language version of a release: its language and its headline as it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRef {
    pub language: Language,
    pub headline: String,
}

/// How the release names the speaker of one quote it attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Attributed {
    /// The quote's `id`.
    pub quote: String,
    /// The speaker's `id`.
    pub speaker: String,
    /// The name as printed (`Council President Kadri Tamm`, `She`); empty when the language's
    /// formula names nobody (`Et d'ajouter :`).
    pub name: String,
    /// The first time the release names the speaker (the reference rule's `full`).
    pub first: bool,
    /// Where the attribution stands; `none`: a fragment, which names nobody.
    pub attribution: crate::v2::Attribution,
}

/// The release's own words around its parts, as its text is: in its language (`Table`) and its
/// organisation's house style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// `Updated:` before the update time in the dateline.
    pub updated: String,
    /// The heading of the contact block.
    pub contact: String,
    /// The heading of the notes to editors.
    pub notes: String,
    /// The status line's words, when the release has a status said at the top.
    pub status_lines: [&'static str; 3],
}

impl Labels {
    pub fn of(table: &Table) -> Labels {
        Labels {
            updated: table.updated_label.to_owned(),
            contact: table.contact_label.to_owned(),
            notes: table.notes_label.to_owned(),
            status_lines: table.status_lines,
        }
    }
}

/// One part of the release in reading order (`Composed::parts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'a> {
    /// The status line of a release not yet published.
    Status(&'a str),
    /// The embargo line.
    Embargo(&'a str),
    /// The label (kicker) above the headline.
    Label(&'a str),
    Headline(&'a str),
    Deck(&'a Inline),
    /// The line under the headline (`Composed::dateline`).
    Dateline(String),
    Caption(&'a Caption),
    /// The lead's first paragraph, opened by the dateline (`LISBON, 25 April 2031 –`).
    Opened {
        opening: String,
        paragraph: &'a Inline,
    },
    /// The dateline on a line of its own: the lead's opening when the lead does not start with a
    /// paragraph, or the dateline at the end.
    DatelineAlone(String),
    Block(&'a Block),
    Correction(&'a CorrectionNote),
    /// The heading of the contact block or of the notes to editors.
    Section(&'a str),
}

/// A block of the release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Inline),
    Heading(Inline),
    List {
        numbered: bool,
        /// The first number of a numbered list (1, or where it goes on from an earlier one).
        start: u32,
        entries: Vec<Inline>,
    },
    /// A quote set apart: its words (no marks: the block sets it apart), the byline under it
    /// (its dash included).
    Quote {
        words: String,
        byline: Inline,
    },
    /// An intro line (`A spokesperson said:`) and plain paragraphs.
    Statement {
        intro: Inline,
        paragraphs: Vec<Inline>,
    },
}

/// Text with links: never empty segments, never two texts in a row.
pub type Inline = Vec<Segment>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Link { href: String, text: String },
}

/// The text of inline content, links as their phrase.
pub fn inline_text(inline: &[Segment]) -> String {
    inline
        .iter()
        .map(|s| match s {
            Segment::Text(t) => t.as_str(),
            Segment::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// A block of the release that could not be composed, by its field path in the meeting file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// A point in time as the release shows it: machine form for `<time datetime>` and JSON-LD,
/// reader form for the dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub iso: String,
    pub text: String,
}

/// A correction note as printed: `Correction (5 December 2026 10:30):` then its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionNote {
    /// The label and the time, with the language's colon.
    pub heading: String,
    /// The correction's time (RFC 3339, in the meeting's zone).
    pub iso: String,
    pub text: Inline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    pub text: String,
    /// Set only when the caption's language differs from the release's.
    pub language: Option<String>,
    pub credit: Option<String>,
    /// `Photo:` in the caption's language where known, else the release's.
    pub label: String,
    pub position: PhotoPosition,
    /// The photo's image, when the archive holds it (`attach_images`); exports embed these
    /// exact bytes. `None` for a caption whose photo has no image (v1's photos, a meeting file
    /// read alone).
    pub image: Option<Image>,
}

/// A photo's image as the archive keeps it: the original bytes, checked when imported (a JPEG or
/// a PNG that decodes, within the size limits), named by their SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Lower-case hex SHA-256 of `bytes`.
    pub sha256: String,
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
    /// The text a reader who cannot see the image gets instead (`alt`), in the caption's
    /// language; empty when the photo has none.
    pub alt: String,
    pub bytes: std::sync::Arc<[u8]>,
}

/// The image formats the archive accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
}

impl ImageKind {
    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
        }
    }
}

impl Composed {
    pub fn table(&self) -> &'static Table {
        self.language.table()
    }

    /// The release with its status as the archive keeps it.
    pub fn with_status(mut self, status: Option<crate::clearance::Status>) -> Composed {
        self.status = status;
        self
    }

    /// The line at the top of a release not yet published (`Draft – not for publication`).
    pub fn status_line(&self) -> Option<&'static str> {
        use crate::clearance::Status;
        match self.status? {
            Status::Draft => Some(self.labels.status_lines[0]),
            Status::ReadyForClearance => Some(self.labels.status_lines[1]),
            Status::Cleared => Some(self.labels.status_lines[2]),
            Status::Published | Status::Corrected => None,
        }
    }

    /// The line under the headline: `1 March 2025 · Updated: 1 March 2025 18:05` (with the
    /// place first when the dateline stands there: `LISBON, 1 March 2025 · …`; only the update
    /// when it stands elsewhere), or `None` when there is nothing to show.
    pub fn dateline(&self) -> Option<String> {
        let updated = self
            .updated
            .as_ref()
            .map(|u| format!("{} {}", self.labels.updated, u.text));
        let first = match self.dateline_position {
            DatelinePosition::Line => self.place_and_date(),
            _ => None,
        };
        match (first, updated) {
            (Some(p), Some(u)) => Some(format!("{p} · {u}")),
            (Some(p), None) => Some(p),
            (None, Some(u)) => Some(u),
            (None, None) => None,
        }
    }

    /// `LISBON, 25 April 2031`, `LISBON`, `25 April 2031`, or `None`.
    pub fn place_and_date(&self) -> Option<String> {
        match (&self.place, &self.published) {
            (Some(place), Some(p)) => Some(format!("{place}, {}", p.text)),
            (Some(place), None) => Some(place.clone()),
            (None, Some(p)) => Some(p.text.clone()),
            (None, None) => None,
        }
    }

    /// What opens the lead when the dateline stands there: `LISBON, 25 April 2031 –`.
    pub fn dateline_opening(&self) -> Option<String> {
        (self.dateline_position == DatelinePosition::Lead)
            .then(|| self.place_and_date())
            .flatten()
            .map(|d| format!("{d} {}", self.table().dateline_dash))
    }

    /// The line after the closing when the dateline stands at the end.
    pub fn dateline_end(&self) -> Option<String> {
        (self.dateline_position == DatelinePosition::End)
            .then(|| self.place_and_date())
            .flatten()
    }

    /// The captions at `position`, in order.
    pub fn captions_at(&self, position: PhotoPosition) -> impl Iterator<Item = &Caption> {
        self.captions.iter().filter(move |c| c.position == position)
    }

    /// The release's parts in reading order, as every paged format (plain text, DOCX, PDF) sets
    /// them one after the other: the status and embargo lines, the label, the headline, the deck,
    /// the dateline, the captions before the lead, the lead (its first paragraph opened by the
    /// dateline when it stands there), the captions after the lead, the body, the dateline at the
    /// end, the corrections, the captions at the end, then the contact, the notes to editors
    /// (each under its heading) and the boilerplate.
    pub fn parts(&self) -> Vec<Part<'_>> {
        let mut parts = Vec::new();
        parts.extend(self.status_line().map(Part::Status));
        parts.extend(self.embargo.as_ref().map(|e| Part::Embargo(&e.text)));
        parts.extend(self.label.as_deref().map(Part::Label));
        parts.push(Part::Headline(&self.headline));
        parts.extend(self.deck.as_ref().map(Part::Deck));
        parts.extend(self.dateline().map(Part::Dateline));
        parts.extend(
            self.captions_at(PhotoPosition::BeforeLead)
                .map(Part::Caption),
        );
        let mut opening = self.dateline_opening();
        for (i, b) in self.lead.iter().enumerate() {
            match (i, b, opening.take()) {
                (0, Block::Paragraph(p), Some(o)) => parts.push(Part::Opened {
                    opening: o,
                    paragraph: p,
                }),
                (_, b, o) => {
                    parts.extend(o.map(Part::DatelineAlone));
                    parts.push(Part::Block(b));
                }
            }
        }
        parts.extend(opening.map(Part::DatelineAlone));
        parts.extend(
            self.captions_at(PhotoPosition::AfterLead)
                .map(Part::Caption),
        );
        parts.extend(self.body.iter().map(Part::Block));
        parts.extend(self.dateline_end().map(Part::DatelineAlone));
        parts.extend(self.corrections.iter().map(Part::Correction));
        parts.extend(self.captions_at(PhotoPosition::End).map(Part::Caption));
        for (label, content) in [
            (Some(self.labels.contact.as_str()), &self.contact),
            (Some(self.labels.notes.as_str()), &self.notes_to_editors),
            (None, &self.boilerplate),
        ] {
            if !content.is_empty() {
                parts.extend(label.map(Part::Section));
                parts.extend(content.iter().map(Part::Block));
            }
        }
        parts
    }

    /// The text of every block of the lead and the body, one string each (a list's entries on
    /// lines of their own): what v1 called the release's paragraphs.
    pub fn paragraphs(&self) -> Vec<String> {
        self.lead
            .iter()
            .chain(&self.body)
            .map(Block::text)
            .collect()
    }

    /// The first paragraph's text (the HTML's description).
    pub fn first_paragraph(&self) -> Option<String> {
        self.lead.iter().chain(&self.body).find_map(|b| match b {
            Block::Paragraph(p) => Some(inline_text(p)),
            _ => None,
        })
    }

    /// Exports refuse a release that is missing a block: one error naming the first one.
    pub fn check(&self) -> crate::Result<()> {
        match self.problems.first() {
            None => Ok(()),
            Some(p) => Err(crate::Error::Invalid {
                path: p.path.clone(),
                message: p.message.clone(),
            }),
        }
    }
}

impl Block {
    /// The block as plain text: a list's entries and a statement's paragraphs on lines of
    /// their own, a block quote's byline under its words.
    pub fn text(&self) -> String {
        match self {
            Block::Paragraph(p) | Block::Heading(p) => inline_text(p),
            Block::List {
                numbered,
                start,
                entries,
            } => entries
                .iter()
                .enumerate()
                .map(|(i, e)| match numbered {
                    true => format!("{}. {}", i as u64 + u64::from(*start), inline_text(e)),
                    false => format!("- {}", inline_text(e)),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Quote { words, byline } => {
                if byline.is_empty() {
                    words.clone()
                } else {
                    format!("{words}\n{}", inline_text(byline))
                }
            }
            Block::Statement { intro, paragraphs } => std::iter::once(inline_text(intro))
                .chain(paragraphs.iter().map(|p| inline_text(p)))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// The release of a v1 meeting: its v2 form, composed (v1's rules are v2's defaults, so it reads
/// byte for byte as v1 composed it; a test keeps the v1 composer as the oracle).
pub fn compose(m: &Meeting) -> Composed {
    crate::v2::compose(&crate::v2::upgrade(m), m.info.language)
}

pub(crate) fn date_moment(table: &Table, style: &HouseStyle, d: NaiveDate) -> Moment {
    Moment {
        iso: format_date(d),
        text: table.date_in(d, style.date),
    }
}

/// `published` as the release shows it, in the meeting's zone and the house style's date form.
pub(crate) fn published_moment(
    table: &Table,
    style: &HouseStyle,
    p: Published,
    zone: chrono_tz::Tz,
) -> Moment {
    match p {
        Published::Date(d) => date_moment(table, style, d),
        Published::At(t) => Moment {
            iso: format_datetime(&in_zone(t, zone)),
            text: table.date_in(t.with_timezone(&zone).date_naive(), style.date),
        },
    }
}

/// An instant with its date and time in the meeting's zone and the house style's forms.
pub(crate) fn time_moment(
    table: &Table,
    style: &HouseStyle,
    t: DateTime<FixedOffset>,
    zone: chrono_tz::Tz,
) -> Moment {
    Moment {
        iso: format_datetime(&in_zone(t, zone)),
        text: table.date_time_in(t.with_timezone(&zone).naive_local(), style),
    }
}

/// The same instant, written with the meeting zone's offset (`17:05Z` → `18:05+01:00`).
pub(crate) fn in_zone(t: DateTime<FixedOffset>, zone: chrono_tz::Tz) -> DateTime<FixedOffset> {
    t.with_timezone(&zone).fixed_offset()
}

/// A release paragraph is one line: leading and trailing white space goes, and each run of
/// ASCII white space (line breaks, tabs, double spaces) becomes one space. Other spaces the user
/// chose (no-break, thin) are kept.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests;
