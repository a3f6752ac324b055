//! The DOCX export (docs/meeting-file.md, "DOCX"): the release as a Word document, for a draft
//! sent for clearance. Written with `docx-rs` (Word's document model: paragraphs, styles,
//! numbering, hyperlinks, pictures), block for block as the plain text reads (`plain_text`):
//! the embargo line, the label, the headline (`Title`), the deck (`Subtitle`), the dateline, the
//! captions at their positions (`Caption`, the credit under it), the lead (the dateline opening
//! it when it stands there), the body (`Heading2` sub-headings, lists on real numbering
//! definitions, block quotes in `Quote` with their byline, statements), the contact, the notes to
//! editors and the boilerplate.
//!
//! Every style is one of Word's built-in ones where Word has it (ids and names as Word writes
//! them, so Word, LibreOffice and pandoc recognise them) and a named style of the release's own
//! otherwise (`Embargo`, `Kicker`, `Dateline`, `Photo Credit`, `Quote Byline`…). The release's
//! language is the document's (`w:lang` on the default run properties, `dc:language`); a caption
//! in another language carries its own `w:lang`.
//!
//! docx-rs has no `w:lang`, no picture description and no core title (docx-rs issue #715), names
//! every picture `.png` and lists hyperlink relationships in hash order: `fix` adds and mends
//! those on the parts it built, as XML events (quick-xml), and `package` zips the parts in a fixed
//! order with a fixed time. The same release always gives the same bytes.
//!
//! User text reaches the document only as text: docx-rs escapes element text (`Text::new`); an
//! address (the one attribute docx-rs writes from user text) through `escape`'s `xml_attr`, what `fix`
//! and `core_properties` add through quick-xml's escaping, and characters XML 1.0 cannot hold (most
//! C0 controls) are left out everywhere (`xml_chars`).

use std::io::{Cursor, Write};

use docx_rs as dx;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use super::escape::{xml_attr, xml_chars};
use crate::compose::{Block, Caption, Composed, Image, Part, Segment};

/// The DOCX renderer.
pub struct Docx;

/// A4, in twentieths of a point, with 2 cm margins.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN: i32 = 1134;
/// The text's width in EMU (635 per twip): a picture's width.
const TEXT_WIDTH_EMU: u64 = (PAGE_WIDTH as u64 - 2 * MARGIN as u64) * 635;

/// The abstract numbering of bulleted lists, and of numbered ones (docx-rs always writes an
/// abstract numbering 1 and a `w:num` 1 of its own: ours come after).
const BULLETS: usize = 2;
const DECIMAL: usize = 3;
const FIRST_NUM: usize = 2;

/// The character style of a run in another language than the release's: `Lang_` and its tag.
const LANG_STYLE: &str = "Lang_";

impl Docx {
    pub fn extension(&self) -> &'static str {
        "docx"
    }

    /// The release as the bytes of a `.docx` file.
    pub fn render(&self, r: &Composed) -> Vec<u8> {
        let mut w = Writer::new(r);
        w.release(r);
        let pictures: Vec<String> = w.pictures.iter().map(|i| xml_chars(&i.alt)).collect();
        let languages = w.languages.clone();
        let mut doc = w.doc;
        for l in &languages {
            doc = doc.add_style(
                dx::Style::new(format!("{LANG_STYLE}{l}"), dx::StyleType::Character)
                    .name(format!("Language {l}")),
            );
        }
        let mut parts = doc.build();
        let tag = r.language.tag();
        parts.styles = fix::styles(&parts.styles, tag);
        parts.document = fix::document(&parts.document, &pictures);
        parts.document_rels = fix::rels(&parts.document_rels, &parts.media);
        parts.doc_props.core = core_properties(r);
        package(parts)
    }
}

/// Builds the document block by block.
struct Writer {
    doc: dx::Docx,
    /// The next `w:num` id: one per list, so each numbered list counts from its own start.
    next_num: usize,
    next_link: usize,
    /// The pictures' images, in document order.
    pictures: Vec<Image>,
    /// The other languages runs are in, in order of first use.
    languages: Vec<String>,
}

impl Writer {
    fn new(r: &Composed) -> Writer {
        let mut doc = dx::Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(
                dx::PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN),
            )
            .default_fonts(dx::RunFonts::new().ascii("Calibri").hi_ansi("Calibri"))
            .default_size(22)
            // docx-rs writes `Normal` bare: the body's spacing is the document's default.
            .default_line_spacing(dx::LineSpacing::new().after(160).line(276));
        for style in styles() {
            doc = doc.add_style(style);
        }
        doc = doc
            .add_abstract_numbering(
                dx::AbstractNumbering::new(BULLETS).add_level(
                    dx::Level::new(
                        0,
                        dx::Start::new(1),
                        dx::NumberFormat::new("bullet"),
                        dx::LevelText::new("•"),
                        dx::LevelJc::new("left"),
                    )
                    .indent(
                        Some(720),
                        Some(dx::SpecialIndentType::Hanging(360)),
                        None,
                        None,
                    ),
                ),
            )
            .add_abstract_numbering(
                dx::AbstractNumbering::new(DECIMAL).add_level(
                    dx::Level::new(
                        0,
                        dx::Start::new(1),
                        dx::NumberFormat::new("decimal"),
                        dx::LevelText::new("%1."),
                        dx::LevelJc::new("left"),
                    )
                    .indent(
                        Some(720),
                        Some(dx::SpecialIndentType::Hanging(360)),
                        None,
                        None,
                    ),
                ),
            );
        if let Some(p) = &r.published {
            doc = doc.created_at(&p.iso);
        }
        if let Some(u) = r.updated.as_ref().or(r.published.as_ref()) {
            doc = doc.updated_at(&u.iso);
        }
        Writer {
            doc,
            next_num: FIRST_NUM,
            next_link: 1,
            pictures: Vec::new(),
            languages: Vec::new(),
        }
    }

    fn push(&mut self, p: dx::Paragraph) {
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_paragraph(p);
    }

    /// A paragraph in `style` holding one text.
    fn text(&mut self, style: &str, text: &str) {
        self.push(paragraph(style).add_run(run(text)));
    }

    fn release(&mut self, r: &Composed) {
        for part in r.parts() {
            match part {
                // A release not yet published says so first, as the embargo line looks.
                Part::Status(t) | Part::Embargo(t) => self.text("Embargo", t),
                Part::Label(t) => self.text("Kicker", t),
                Part::Headline(t) => self.text("Title", t),
                Part::Deck(d) => {
                    let p = self.inline(paragraph("Subtitle"), d);
                    self.push(p);
                }
                Part::Dateline(t) => self.text("Dateline", &t),
                Part::DatelineAlone(t) => self.text("DatelineEnd", &t),
                Part::Caption(c) => self.caption(c),
                Part::Opened {
                    opening,
                    paragraph: p,
                } => {
                    let with = paragraph("Normal")
                        .add_run(run(&opening).style("DatelineOpening"))
                        .add_run(run(" "));
                    let with = self.inline(with, p);
                    self.push(with);
                }
                Part::Block(b) => self.block(b),
                Part::Correction(n) => {
                    let p = paragraph("Normal")
                        .add_run(run(&n.heading).bold())
                        .add_run(run(" "));
                    let p = self.inline(p, &n.text);
                    self.push(p);
                }
                Part::Section(t) => self.text("Heading2", t),
            }
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Paragraph(p) => {
                let p = self.inline(paragraph("Normal"), p);
                self.push(p);
            }
            Block::Heading(h) => {
                let p = self.inline(paragraph("Heading2"), h);
                self.push(p);
            }
            Block::List {
                numbered,
                start,
                entries,
            } => {
                let num = self.next_num;
                self.next_num += 1;
                let (abs, start) = match numbered {
                    true => (DECIMAL, *start as usize),
                    false => (BULLETS, 1),
                };
                let doc = std::mem::take(&mut self.doc);
                self.doc = doc.add_numbering(
                    dx::Numbering::new(num, abs)
                        .add_override(dx::LevelOverride::new(0).start(start)),
                );
                for e in entries {
                    let p = paragraph("ListParagraph")
                        .numbering(dx::NumberingId::new(num), dx::IndentLevel::new(0));
                    let p = self.inline(p, e);
                    self.push(p);
                }
            }
            Block::Quote { words, byline } => {
                self.text("Quote", words);
                if !byline.is_empty() {
                    let p = self.inline(paragraph("QuoteByline"), byline);
                    self.push(p);
                }
            }
            Block::Statement { intro, paragraphs } => {
                if !intro.is_empty() {
                    let p = self.inline(paragraph("StatementIntro"), intro);
                    self.push(p);
                }
                for para in paragraphs.iter().filter(|p| !p.is_empty()) {
                    let p = self.inline(paragraph("Normal"), para);
                    self.push(p);
                }
            }
        }
    }

    /// Text and links: a link is a hyperlink on an external relationship to its address (core
    /// allows only `https:`, `http:` and `mailto:` ones).
    fn inline(&mut self, mut p: dx::Paragraph, segments: &[Segment]) -> dx::Paragraph {
        for s in segments {
            match s {
                Segment::Text(t) => p = p.add_run(run(t)),
                Segment::Link { href, text } => {
                    let id = self.next_link;
                    self.next_link += 1;
                    let link = dx::Hyperlink {
                        link: dx::HyperlinkData::External {
                            rid: format!("rIdLink{id}"),
                            path: xml_attr(href),
                        },
                        history: None,
                        children: Vec::new(),
                    };
                    p = p.add_hyperlink(link.add_run(run(text).style("Hyperlink")));
                }
            }
        }
        p
    }

    /// The picture when there is one (its paragraph), then the caption (`Photo: text`, as the
    /// plain text has it; a caption in another language says so on its run), then the credit.
    fn caption(&mut self, c: &Caption) {
        if let Some(image) = &c.image {
            let n = self.pictures.len() + 1;
            let width = TEXT_WIDTH_EMU;
            let height = match image.width {
                0 => 0,
                w => width * u64::from(image.height) / u64::from(w),
            };
            let pic = dx::Pic::new_with_dimensions(image.bytes.to_vec(), 1, 1)
                .id(format!("rIdPicture{n}"))
                .size(
                    u32::try_from(width).unwrap_or(u32::MAX),
                    u32::try_from(height).unwrap_or(u32::MAX),
                );
            self.pictures.push(image.clone());
            self.push(
                paragraph("Picture")
                    .keep_next(true)
                    .add_run(dx::Run::new().add_image(pic)),
            );
        }
        let mut p = paragraph("Caption").add_run(run(&format!("{} ", c.label)));
        match &c.language {
            Some(lang) if is_tag(lang) => {
                if !self.languages.contains(lang) {
                    self.languages.push(lang.clone());
                }
                p = p.add_run(run(&c.text).style(&format!("{LANG_STYLE}{lang}")));
            }
            _ => p = p.add_run(run(&c.text)),
        }
        self.push(p);
        if let Some(credit) = &c.credit {
            self.text("PhotoCredit", &format!("© {credit}"));
        }
    }
}

fn paragraph(style: &str) -> dx::Paragraph {
    dx::Paragraph::new().style(style)
}

/// A run of text: docx-rs escapes it as element text; what XML cannot hold is left out.
fn run(text: &str) -> dx::Run {
    dx::Run::new().add_text(xml_chars(text))
}

/// A language tag as BCP 47 spells one (letters, digits, hyphens): only such a tag becomes a
/// style's name and a `w:lang`.
fn is_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 35 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The styles: Word's built-in ones by their ids and names, the release's own named for what
/// they hold. Sizes in half-points.
fn styles() -> Vec<dx::Style> {
    use dx::{AlignmentType, LineSpacing, Style, StyleType};
    let para = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
    };
    vec![
        para("Title", "Title")
            .size(48)
            .bold()
            .line_spacing(LineSpacing::new().after(120)),
        para("Subtitle", "Subtitle")
            .size(28)
            .color("5F6368")
            .line_spacing(LineSpacing::new().after(160)),
        para("Heading2", "heading 2")
            .size(28)
            .bold()
            .outline_lvl(1)
            .line_spacing(LineSpacing::new().before(360).after(120)),
        para("Kicker", "Kicker").size(18).bold().color("5F6368"),
        para("Embargo", "Embargo").size(18).bold().color("B3261E"),
        para("Dateline", "Dateline").size(18).color("5F6368"),
        para("DatelineEnd", "Dateline End").bold(),
        para("ListParagraph", "List Paragraph").indent(Some(720), None, None, None),
        para("Quote", "Quote")
            .italic()
            .indent(Some(567), None, Some(567), None),
        para("QuoteByline", "Quote Byline")
            .based_on("Quote")
            .size(20)
            .indent(Some(567), None, Some(567), None),
        para("StatementIntro", "Statement Intro").bold(),
        para("Picture", "Picture").align(AlignmentType::Center),
        para("Caption", "caption").size(20).italic(),
        para("PhotoCredit", "Photo Credit").size(16).color("5F6368"),
        Style::new("DatelineOpening", StyleType::Character)
            .name("Dateline Opening")
            .bold(),
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color("0563C1")
            .underline("single"),
    ]
}

/// `docProps/core.xml`: the headline as the title, the release's language, its organisation as
/// the creator, its own dates (none from the clock: a document without a published date has
/// none).
fn core_properties(r: &Composed) -> Vec<u8> {
    let mut w = quick_xml::Writer::new(Vec::with_capacity(1024));
    let text = |w: &mut quick_xml::Writer<Vec<u8>>, name: &str, attr: Option<&str>, s: &str| {
        let mut start = BytesStart::new(name);
        if let Some(t) = attr {
            start.push_attribute(("xsi:type", t));
        }
        let _ = w.write_event(Event::Start(start));
        let _ = w.write_event(Event::Text(BytesText::new(&xml_chars(s))));
        let _ = w.write_event(Event::End(BytesEnd::new(name)));
    };
    let _ = w.get_mut().write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    text(&mut w, "dc:title", None, &r.headline);
    text(&mut w, "dc:language", None, r.language.tag());
    if let Some(org) = &r.organisation {
        text(&mut w, "dc:creator", None, org);
    }
    if let Some(p) = &r.published {
        text(&mut w, "dcterms:created", Some("dcterms:W3CDTF"), &p.iso);
    }
    if let Some(u) = r.updated.as_ref().or(r.published.as_ref()) {
        text(&mut w, "dcterms:modified", Some("dcterms:W3CDTF"), &u.iso);
    }
    let _ = w.get_mut().write_all(b"</cp:coreProperties>");
    w.into_inner()
}

/// Whether media bytes are a JPEG (docx-rs names every picture `.png`).
fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// The parts as a zip, entries in a fixed order, each with the zip format's first date
/// (1980-01-01: no clock), deflated.
fn package(parts: dx::XMLDocx) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(16 * 1024)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut entries: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), &parts.content_type),
        ("_rels/.rels".into(), &parts.rels),
        ("docProps/app.xml".into(), &parts.doc_props.app),
        ("docProps/core.xml".into(), &parts.doc_props.core),
        ("docProps/custom.xml".into(), &parts.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), &parts.document_rels),
        ("word/document.xml".into(), &parts.document),
        ("word/styles.xml".into(), &parts.styles),
        ("word/settings.xml".into(), &parts.settings),
        ("word/fontTable.xml".into(), &parts.font_table),
        ("word/comments.xml".into(), &parts.comments),
        ("word/numbering.xml".into(), &parts.numberings),
        ("word/commentsExtended.xml".into(), &parts.comments_extended),
        ("word/footnotes.xml".into(), &parts.footnotes),
    ];
    for (id, bytes) in &parts.media {
        let ext = if is_jpeg(bytes) { "jpeg" } else { "png" };
        entries.push((format!("word/media/{id}.{ext}"), bytes));
    }
    for (name, bytes) in entries {
        // Writing to memory cannot fail.
        let _ = zip.start_file(name, options);
        let _ = zip.write_all(bytes);
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// What docx-rs leaves out or writes in an order of its own, added and mended as XML events.
mod fix {
    use quick_xml::events::{BytesEnd, BytesStart, Event};
    use quick_xml::{Reader, Writer};

    use super::{is_jpeg, LANG_STYLE};

    fn lang(tag: &str) -> Event<'static> {
        let mut e = BytesStart::new("w:lang");
        e.push_attribute(("w:val", tag));
        Event::Empty(e)
    }

    /// Every event of `xml`, through `f` (which writes what goes out in its place).
    fn rewrite(xml: &[u8], mut f: impl FnMut(Event<'_>, &mut Writer<Vec<u8>>)) -> Vec<u8> {
        let mut reader = Reader::from_reader(xml);
        let mut w = Writer::new(Vec::with_capacity(xml.len() + 256));
        loop {
            match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => f(e, &mut w),
            }
        }
        w.into_inner()
    }

    fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
        e.try_get_attribute(name).ok().flatten().and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
    }

    /// `w:lang` with the release's tag at the end of the default run properties, and each
    /// language style's tag at the end of its run properties (the last of `CT_RPr`'s children
    /// docx-rs writes; nothing after `w:lang` is written).
    pub fn styles(xml: &[u8], tag: &str) -> Vec<u8> {
        let mut in_default = false;
        let mut style_lang: Option<String> = None;
        rewrite(xml, |e, w| {
            let target = match in_default {
                true => Some(tag.to_owned()),
                false => style_lang.clone(),
            };
            match &e {
                Event::Start(s) if s.name().0 == "w:rPrDefault" => in_default = true,
                Event::End(s) if s.name().0 == "w:rPrDefault" => in_default = false,
                Event::Start(s) if s.name().0 == "w:style" => {
                    style_lang = attr(s, "w:styleId")
                        .and_then(|id| id.strip_prefix(LANG_STYLE).map(str::to_owned));
                }
                Event::End(s) if s.name().0 == "w:style" => style_lang = None,
                Event::Empty(s) if s.name().0 == "w:rPr" => {
                    if let Some(t) = target {
                        // An empty `<w:rPr/>`: opened, the language, closed.
                        let _ = w.write_event(Event::Start(BytesStart::new("w:rPr")));
                        let _ = w.write_event(lang(&t));
                        let _ = w.write_event(Event::End(BytesEnd::new("w:rPr")));
                        return;
                    }
                }
                Event::End(s) if s.name().0 == "w:rPr" => {
                    if let Some(t) = target {
                        let _ = w.write_event(lang(&t));
                    }
                }
                _ => {}
            }
            let _ = w.write_event(e);
        })
    }

    /// A run in a language style gets its own `w:lang` (after its `w:rStyle`, the only property
    /// such a run has); each picture a document-wide id, a name and its alt text as description
    /// (`wp:docPr`, `pic:cNvPr`).
    pub fn document(xml: &[u8], alts: &[String]) -> Vec<u8> {
        let mut docpr = 0usize;
        let mut cnvpr = 0usize;
        rewrite(xml, |e, w| match e {
            Event::Empty(s) if s.name().0 == "w:rStyle" => {
                let l =
                    attr(&s, "w:val").and_then(|v| v.strip_prefix(LANG_STYLE).map(str::to_owned));
                let _ = w.write_event(Event::Empty(s));
                if let Some(l) = l {
                    let _ = w.write_event(lang(&l));
                }
            }
            Event::Empty(s) if matches!(s.name().0, "wp:docPr" | "pic:cNvPr") => {
                let n = if s.name().0 == "wp:docPr" {
                    docpr += 1;
                    docpr
                } else {
                    cnvpr += 1;
                    cnvpr
                };
                let mut out = BytesStart::new(s.name().0.to_owned());
                out.push_attribute(("id", n.to_string().as_str()));
                out.push_attribute(("name", format!("Picture {n}").as_str()));
                if let Some(alt) = alts.get(n - 1).filter(|a| !a.is_empty()) {
                    out.push_attribute(("descr", alt.as_str()));
                }
                let _ = w.write_event(Event::Empty(out));
            }
            e => {
                let _ = w.write_event(e);
            }
        })
    }

    /// The document's relationships sorted by id (docx-rs lists hyperlinks in hash order), a
    /// JPEG picture's target named `.jpeg` (as `package` names the file).
    pub fn rels(xml: &[u8], media: &[(String, Vec<u8>)]) -> Vec<u8> {
        let mut rels: Vec<(String, BytesStart<'static>)> = Vec::new();
        let mut out = rewrite(xml, |e, w| match e {
            Event::Empty(s) if s.name().0 == "Relationship" => {
                let mut r = BytesStart::new("Relationship");
                let mut id = String::new();
                for a in s.attributes().flatten() {
                    let key = a.key.0.to_owned();
                    let mut value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    if key == "Id" {
                        id.clone_from(&value);
                    }
                    if key == "Target" {
                        if let Some(m) = value
                            .strip_prefix("media/")
                            .and_then(|v| v.strip_suffix(".png"))
                        {
                            if media.iter().any(|(mid, b)| mid == m && is_jpeg(b)) {
                                value = format!("media/{m}.jpeg");
                            }
                        }
                    }
                    r.push_attribute((key.as_str(), value.as_str()));
                }
                rels.push((id, r));
            }
            Event::End(s) if s.name().0 == "Relationships" => {
                rels.sort_by_key(|r| natural(&r.0));
                for (_, r) in rels.drain(..) {
                    let _ = w.write_event(Event::Empty(r));
                }
                let _ = w.write_event(Event::End(s));
            }
            e => {
                let _ = w.write_event(e);
            }
        });
        out.shrink_to_fit();
        out
    }

    /// `rIdLink10` after `rIdLink9`.
    fn natural(id: &str) -> (String, u64) {
        let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, tail) = id.split_at(id.len() - digits);
        (head.to_owned(), tail.parse().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests;
