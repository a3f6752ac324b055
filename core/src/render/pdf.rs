//! The PDF export (docs/meeting-file.md, "PDF"): the release print-ready, on A4 or US Letter, for
//! a draft sent for clearance or a release sent as a file. Typeset by Typst, used as a library: it
//! breaks the lines, subsets and embeds the fonts, and writes a tagged PDF (headings, lists, block
//! quotes, figures with their alt text) in the release's language, with nothing to install beside
//! Communiqué (no browser, no LibreOffice, no TeX).
//!
//! The page is a template of our own, `pdf.typ`; the release reaches it as data, `/release.json`:
//! its parts in reading order (`Composed::parts`, as the plain text and the DOCX set them), each
//! string a string, so that what a user typed is set as text and never read as Typst markup. The
//! photos' images are files of the template's world (`/img/<sha256>.<ext>`), their archive bytes
//! as they are. The one typeface is Libertinus Serif (SIL Open Font License; Latin, Greek and
//! Cyrillic: every release language), from Typst's own assets.
//!
//! The same release always gives the same bytes: no clock (the document's date is the release's),
//! the document's identifier derived from the release's identity (its ninjs `uri`: organisation,
//! meeting, first day, language), so that it stays the same across edits.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::compose::{Block, Caption, Composed, Image, Inline, Part, Segment};

/// The paper a PDF is set on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Typst's name of the paper.
    fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }

    /// The text's width in millimetres: the paper's less the template's 22 mm margins.
    fn text_width_mm(self) -> f64 {
        match self {
            Paper::A4 => 210.0 - 44.0,
            Paper::Letter => 215.9 - 44.0,
        }
    }
}

/// The PDF renderer.
pub struct Pdf(pub Paper);

/// A photo is set at most this high (millimetres): a portrait one narrower than the text.
const PHOTO_MAX_HEIGHT_MM: f64 = 110.0;

const TEMPLATE: &str = include_str!("pdf.typ");

impl Pdf {
    /// The release as the bytes of a `.pdf` file. Fails only if Typst does (an image its decoder
    /// refuses though the archive's accepted it): `Error::Render`, nothing written.
    pub fn render(&self, r: &Composed) -> crate::Result<Vec<u8>> {
        let world = Page::new(r, self.0)?;
        let compiled = typst::compile::<PagedDocument>(&world).output;
        let pdf = compiled.and_then(|doc| {
            typst_pdf::pdf(
                &doc,
                &typst_pdf::PdfOptions {
                    // The release's own identity (its ninjs `uri`): the PDF's first identifier
                    // stays the same across edits of the release, as PDF means it to.
                    ident: Smart::Custom(super::ninjs::release_uri(r)),
                    creator: Smart::Custom(Some("Communiqué".to_owned())),
                    timestamp: None,
                    ..Default::default()
                },
            )
        });
        // Typst memoises across compilations; a release is typeset once, so keep nothing.
        typst::comemo::evict(0);
        pdf.map_err(|diagnostics| crate::Error::Render {
            format: "pdf",
            detail: diagnostics
                .iter()
                .map(|d| d.message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        })
    }
}

/// The fonts a PDF may use: Libertinus Serif's faces.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .filter(|f| f.info().family == "Libertinus Serif")
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// A file of the template's world by its path (interned: the same path is the same id, so
/// typesetting many releases does not use up Typst's file ids).
fn file_id(path: &str) -> crate::Result<FileId> {
    let vpath = VirtualPath::new(path).map_err(|e| crate::Error::Render {
        format: "pdf",
        detail: format!("{path}: {e:?}"),
    })?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The world Typst typesets one release in: the template, the release's data and its images.
struct Page {
    main: Source,
    data: (FileId, Bytes),
    images: HashMap<FileId, Bytes>,
}

impl Page {
    fn new(r: &Composed, paper: Paper) -> crate::Result<Page> {
        let mut images = HashMap::new();
        let mut parts = Vec::new();
        for part in r.parts() {
            if let Part::Caption(Caption {
                image: Some(image), ..
            }) = part
            {
                images.insert(
                    file_id(&image_path(image))?,
                    Bytes::new(image.bytes.clone()),
                );
            }
            parts.push(Data::of(part, paper));
        }
        let (lang, region) = split_tag(r.language.tag()).unwrap_or(("en", None));
        let page = PageData {
            lang,
            region,
            paper: paper.name(),
            title: &r.headline,
            date: r.published.as_ref().and_then(|p| ymd(&p.iso)),
            parts,
        };
        let data = serde_json::to_vec(&page).map_err(|e| crate::Error::Render {
            format: "pdf",
            detail: e.to_string(),
        })?;
        Ok(Page {
            main: Source::new(file_id("/main.typ")?, TEMPLATE.to_owned()),
            data: (file_id("/release.json")?, Bytes::new(data)),
            images,
        })
    }
}

impl World for Page {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match id == self.main.id() {
            true => Ok(self.main.clone()),
            false => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        if id == self.data.0 {
            return Ok(self.data.1.clone());
        }
        self.images.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No clock: a release's PDF says only the dates the release holds.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// A photo's image in the world: `/img/<sha256>.<ext>`.
fn image_path(image: &Image) -> String {
    format!("/img/{}.{}", image.sha256, image.kind.extension())
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

/// `2031-04-25` (the start of an RFC 3339 time) as `[2031, 4, 25]`.
fn ymd(iso: &str) -> Option<[u32; 3]> {
    let date = chrono::NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Some([u32::try_from(date.year()).ok()?, date.month(), date.day()])
}

/// A BCP 47 tag as Typst's `lang` and `region` (`pt-PT` → `pt`, `PT`); `None` for a tag Typst
/// cannot take (its language must be two or three letters, its region two).
fn split_tag(tag: &str) -> Option<(&str, Option<&str>)> {
    let mut subtags = tag.split('-');
    let lang = subtags.next()?;
    let region = subtags.find(|s| s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()));
    let letters = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_alphabetic());
    letters.then_some((lang, region))
}

#[derive(Serialize)]
struct PageData<'a> {
    lang: &'a str,
    region: Option<&'a str>,
    paper: &'static str,
    title: &'a str,
    date: Option<[u32; 3]>,
    parts: Vec<Data<'a>>,
}

/// One part of the release as the template reads it (`kind` names it).
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Data<'a> {
    Status {
        text: &'a str,
    },
    Embargo {
        text: &'a str,
    },
    Label {
        text: &'a str,
    },
    Headline {
        text: &'a str,
    },
    Deck {
        inline: Vec<Seg<'a>>,
    },
    Dateline {
        text: String,
    },
    Alone {
        text: String,
    },
    Opened {
        opening: String,
        inline: Vec<Seg<'a>>,
    },
    Paragraph {
        inline: Vec<Seg<'a>>,
    },
    Heading {
        inline: Vec<Seg<'a>>,
    },
    List {
        numbered: bool,
        start: u32,
        entries: Vec<Vec<Seg<'a>>>,
    },
    Quote {
        words: &'a str,
        byline: Vec<Seg<'a>>,
    },
    Statement {
        intro: Vec<Seg<'a>>,
        paragraphs: Vec<Vec<Seg<'a>>>,
    },
    Correction {
        heading: &'a str,
        inline: Vec<Seg<'a>>,
    },
    Section {
        text: &'a str,
    },
    Caption(CaptionData<'a>),
}

#[derive(Serialize)]
struct CaptionData<'a> {
    label: &'a str,
    text: &'a str,
    lang: Option<&'a str>,
    region: Option<&'a str>,
    credit: Option<&'a str>,
    /// The image's path in the world, when the photo has one.
    image: Option<String>,
    alt: Option<&'a str>,
    /// The width the photo is set at, in millimetres.
    width: f64,
}

/// A run of text, a link's with its address.
#[derive(Serialize)]
struct Seg<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<&'a str>,
}

fn inline(segments: &Inline) -> Vec<Seg<'_>> {
    segments
        .iter()
        .map(|s| match s {
            Segment::Text(text) => Seg { text, href: None },
            Segment::Link { href, text } => Seg {
                text,
                href: Some(href),
            },
        })
        .collect()
}

impl<'a> Data<'a> {
    fn of(part: Part<'a>, paper: Paper) -> Data<'a> {
        match part {
            Part::Status(text) => Data::Status { text },
            Part::Embargo(text) => Data::Embargo { text },
            Part::Label(text) => Data::Label { text },
            Part::Headline(text) => Data::Headline { text },
            Part::Deck(d) => Data::Deck { inline: inline(d) },
            Part::Dateline(text) => Data::Dateline { text },
            Part::DatelineAlone(text) => Data::Alone { text },
            Part::Opened { opening, paragraph } => Data::Opened {
                opening,
                inline: inline(paragraph),
            },
            Part::Block(b) => Data::block(b),
            Part::Correction(n) => Data::Correction {
                heading: &n.heading,
                inline: inline(&n.text),
            },
            Part::Section(text) => Data::Section { text },
            Part::Caption(c) => Data::Caption(caption(c, paper)),
        }
    }

    fn block(b: &'a Block) -> Data<'a> {
        match b {
            Block::Paragraph(p) => Data::Paragraph { inline: inline(p) },
            Block::Heading(h) => Data::Heading { inline: inline(h) },
            Block::List {
                numbered,
                start,
                entries,
            } => Data::List {
                numbered: *numbered,
                start: *start,
                entries: entries.iter().map(inline).collect(),
            },
            Block::Quote { words, byline } => Data::Quote {
                words,
                byline: inline(byline),
            },
            Block::Statement { intro, paragraphs } => Data::Statement {
                intro: inline(intro),
                paragraphs: paragraphs
                    .iter()
                    .filter(|p| !p.is_empty())
                    .map(inline)
                    .collect(),
            },
        }
    }
}

/// A caption, its photo's image set as wide as the text unless that makes it taller than
/// `PHOTO_MAX_HEIGHT_MM`.
fn caption(c: &Caption, paper: Paper) -> CaptionData<'_> {
    let (lang, region) = match c.language.as_deref().and_then(split_tag) {
        Some((lang, region)) => (Some(lang), region),
        None => (None, None),
    };
    let text_width = paper.text_width_mm();
    let width = match &c.image {
        Some(i) if i.width > 0 && i.height > 0 => {
            let at_max = PHOTO_MAX_HEIGHT_MM * f64::from(i.width) / f64::from(i.height);
            text_width.min(at_max)
        }
        _ => text_width,
    };
    CaptionData {
        label: &c.label,
        text: &c.text,
        lang,
        region,
        credit: c.credit.as_deref(),
        image: c.image.as_ref().map(image_path),
        alt: c
            .image
            .as_ref()
            .map(|i| i.alt.as_str())
            .filter(|a| !a.is_empty()),
        width,
    }
}

#[cfg(test)]
mod tests;
