#![allow(clippy::unwrap_used)]
//! The DOCX export read back: the package opened with `zip`, its parts read as XML events with
//! quick-xml (a part that is not well-formed fails here), asserted on what Word reads.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::Arc;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::*;
use crate::compose::{compose, inline_text, Image, ImageKind};
use crate::{fuzzing, sample, v2, Language};

const PNG: &[u8] = include_bytes!("../../../tests/fixtures/images/blue-4x2.png");

fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(f.name().to_owned(), b);
    }
    out
}

/// An element of a part: its name and attributes, in document order (texts as `#text`).
#[derive(Debug, Clone)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
}

fn elements(xml: &[u8]) -> Vec<El> {
    let mut r = Reader::from_reader(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => out.push(El {
                name: e.name().0.to_owned(),
                attrs: e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.0.to_owned(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect(),
                text: String::new(),
            }),
            Event::Text(t) => out.push(El {
                name: "#text".into(),
                attrs: BTreeMap::new(),
                text: t.xml10_content().into_owned(),
            }),
            Event::GeneralRef(g) => out.push(El {
                name: "#text".into(),
                attrs: BTreeMap::new(),
                text: match g.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&g)
                        .unwrap()
                        .to_owned(),
                },
            }),
            _ => {}
        }
    }
    out
}

/// The text of the first element `name` (its text and references, up to the next element).
fn text_of(els: &[El], name: &str) -> String {
    let i = els.iter().position(|e| e.name == name).unwrap();
    els[i + 1..]
        .iter()
        .take_while(|e| e.name == "#text")
        .map(|e| e.text.as_str())
        .collect()
}

/// One paragraph of `word/document.xml`: its style, its text, its list's `w:numId`, and each
/// run's language and text.
#[derive(Debug, Default, Clone)]
struct Para {
    style: String,
    text: String,
    num: Option<String>,
    runs: Vec<(Option<String>, String)>,
    links: Vec<String>,
}

fn paragraphs(document: &[u8]) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut in_t = false;
    for e in elements(document) {
        match e.name.as_str() {
            "w:p" => out.push(Para::default()),
            "w:pStyle" => out.last_mut().unwrap().style = e.attrs["w:val"].clone(),
            "w:numId" => out.last_mut().unwrap().num = Some(e.attrs["w:val"].clone()),
            "w:r" => out.last_mut().unwrap().runs.push((None, String::new())),
            "w:lang" => {
                out.last_mut().unwrap().runs.last_mut().unwrap().0 = Some(e.attrs["w:val"].clone())
            }
            "w:hyperlink" => out.last_mut().unwrap().links.push(e.attrs["r:id"].clone()),
            "w:t" => in_t = true,
            "#text" if in_t => {
                let p = out.last_mut().unwrap();
                p.text.push_str(&e.text);
                p.runs.last_mut().unwrap().1.push_str(&e.text);
            }
            _ => in_t = in_t && e.name == "#text",
        }
    }
    out
}

fn ministers(language: Language) -> Composed {
    let m = v2::parse_any("x", fuzzing::V2_EXAMPLE.as_bytes()).unwrap();
    v2::compose(&m, language)
}

fn styles_by_id(styles: &[u8]) -> BTreeMap<String, String> {
    let els = elements(styles);
    let mut out = BTreeMap::new();
    let mut id = None;
    for e in els {
        match e.name.as_str() {
            "w:style" => id = Some(e.attrs["w:styleId"].clone()),
            "w:name" => {
                let prev = out.insert(id.clone().unwrap(), e.attrs["w:val"].clone());
                assert!(prev.is_none(), "style {id:?} defined twice");
            }
            _ => {}
        }
    }
    out
}

#[test]
fn blocks_stand_in_words_builtin_styles() {
    let r = ministers(Language::En);
    let p = parts(&Docx.render(&r));
    let paras = paragraphs(&p["word/document.xml"]);
    let style_of = |text: &str| {
        paras
            .iter()
            .find(|p| p.text == text)
            .unwrap_or_else(|| panic!("no paragraph {text:?} in {paras:#?}"))
            .style
            .clone()
    };
    assert_eq!(style_of(&r.headline), "Title");
    assert_eq!(style_of(&inline_text(r.deck.as_ref().unwrap())), "Subtitle");
    assert_eq!(style_of(r.label.as_ref().unwrap()), "Kicker");
    assert_eq!(style_of(&r.embargo.as_ref().unwrap().text), "Embargo");
    assert_eq!(style_of(&r.dateline().unwrap()), "Dateline");
    let mut seen = BTreeMap::new();
    for b in r.lead.iter().chain(&r.body) {
        match b {
            Block::Heading(h) => {
                assert_eq!(style_of(&inline_text(h)), "Heading2");
                seen.insert("heading", ());
            }
            Block::Quote { words, byline } => {
                assert_eq!(style_of(words), "Quote");
                assert_eq!(style_of(&inline_text(byline)), "QuoteByline");
                seen.insert("quote", ());
            }
            Block::List { entries, .. } => {
                for e in entries {
                    let p = paras.iter().find(|p| p.text == inline_text(e)).unwrap();
                    assert_eq!(p.style, "ListParagraph");
                    assert!(p.num.is_some(), "a list entry is numbered by w:numPr");
                }
                seen.insert("list", ());
            }
            _ => {}
        }
    }
    assert_eq!(seen.len(), 3, "the example has headings, quotes and lists");
    // The lead opens with the dateline, as the plain text has it.
    let lead = paras.iter().find(|p| p.style == "Normal").unwrap();
    assert_eq!(
        lead.text,
        format!("{} {}", r.dateline_opening().unwrap(), r.lead[0].text())
    );
    // Word's own ids and names, each style once, and every style used is defined.
    let styles = styles_by_id(&p["word/styles.xml"]);
    for (id, name) in [
        ("Normal", "Normal"),
        ("Title", "Title"),
        ("Subtitle", "Subtitle"),
        ("Heading2", "heading 2"),
        ("Quote", "Quote"),
        ("ListParagraph", "List Paragraph"),
        ("Caption", "caption"),
        ("Hyperlink", "Hyperlink"),
    ] {
        assert_eq!(styles.get(id).map(String::as_str), Some(name), "{id}");
    }
    for para in &paras {
        assert!(
            styles.contains_key(&para.style),
            "{} is defined",
            para.style
        );
    }
}

#[test]
fn lists_are_numbering_definitions_each_from_its_start() {
    let mut r = ministers(Language::En);
    let entry = |t: &str| vec![Segment::Text(t.into())];
    r.body = vec![
        Block::List {
            numbered: true,
            start: 1,
            entries: vec![entry("one"), entry("two")],
        },
        Block::List {
            numbered: false,
            start: 1,
            entries: vec![entry("dot")],
        },
        Block::List {
            numbered: true,
            start: 4,
            entries: vec![entry("four")],
        },
    ];
    let p = parts(&Docx.render(&r));
    let paras = paragraphs(&p["word/document.xml"]);
    let num = |t: &str| {
        paras
            .iter()
            .find(|p| p.text == t)
            .unwrap()
            .num
            .clone()
            .unwrap()
    };
    assert_eq!(num("one"), num("two"), "one list, one w:num");
    assert_ne!(
        num("one"),
        num("four"),
        "a list of its own counts from its own start"
    );
    // numbering.xml: each w:num's abstract numbering, its format and start.
    let els = elements(&p["word/numbering.xml"]);
    let mut formats = BTreeMap::new();
    let mut abs = None;
    for e in &els {
        match e.name.as_str() {
            "w:abstractNum" => {
                abs = Some(e.attrs["w:abstractNumId"].clone());
                assert!(
                    !formats.contains_key(abs.as_ref().unwrap()),
                    "abstract numbering {abs:?} twice"
                );
            }
            // Its first level's format (level 0: what a list entry uses).
            "w:numFmt" if abs.is_some() => {
                formats
                    .entry(abs.clone().unwrap())
                    .or_insert(e.attrs["w:val"].clone());
            }
            "w:num" => abs = None,
            _ => {}
        }
    }
    let mut nums = BTreeMap::new();
    let mut current = None;
    for e in &els {
        match e.name.as_str() {
            "w:num" => {
                current = Some(e.attrs["w:numId"].clone());
                assert!(
                    !nums.contains_key(current.as_ref().unwrap()),
                    "w:num {current:?} twice"
                );
            }
            "w:abstractNumId" if current.is_some() => {
                nums.insert(
                    current.clone().unwrap(),
                    (formats[&e.attrs["w:val"]].clone(), None),
                );
            }
            "w:startOverride" => {
                nums.get_mut(current.as_ref().unwrap()).unwrap().1 = Some(e.attrs["w:val"].clone());
            }
            _ => {}
        }
    }
    assert_eq!(nums[&num("one")], ("decimal".into(), Some("1".into())));
    assert_eq!(nums[&num("dot")].0, "bullet");
    assert_eq!(nums[&num("four")], ("decimal".into(), Some("4".into())));
    assert!(
        !paras
            .iter()
            .any(|p| p.text.starts_with('•') || p.text.starts_with("1.")),
        "no typed bullets"
    );
}

#[test]
fn the_releases_language_is_the_documents_and_a_caption_in_another_says_its_own() {
    for (meeting, tag) in [(sample::sample_en(), "en"), (sample::sample_fr(), "fr")] {
        let r = compose(&meeting);
        let p = parts(&Docx.render(&r));
        let styles = elements(&p["word/styles.xml"]);
        let default_lang = styles
            .iter()
            .skip_while(|e| e.name != "w:rPrDefault")
            .find(|e| e.name == "w:lang")
            .unwrap();
        assert_eq!(default_lang.attrs["w:val"], tag);
        let core = elements(&p["docProps/core.xml"]);
        let text_after = |name: &str| text_of(&core, name);
        assert_eq!(text_after("dc:language"), tag);
        assert_eq!(text_after("dc:title"), r.headline);
        // Each caption's text run carries its language when it differs, and no other run does.
        let paras = paragraphs(&p["word/document.xml"]);
        let foreign: Vec<&Caption> = r.captions.iter().filter(|c| c.language.is_some()).collect();
        let langs: Vec<(String, String)> = paras
            .iter()
            .flat_map(|p| p.runs.iter())
            .filter_map(|(l, t)| l.clone().map(|l| (l, t.clone())))
            .collect();
        assert_eq!(
            langs,
            foreign
                .iter()
                .map(|c| (c.language.clone().unwrap(), c.text.clone()))
                .collect::<Vec<_>>()
        );
    }
    // The English sample has a French caption.
    let r = compose(&sample::sample_en());
    assert!(r
        .captions
        .iter()
        .any(|c| c.language.as_deref() == Some("fr")));
}

#[test]
fn links_are_external_relationships_to_their_addresses() {
    let mut r = ministers(Language::En);
    let hostile = "https://example.org/?a=1&b=\"2\"<x>'";
    r.body.push(Block::Paragraph(vec![
        Segment::Text("See ".into()),
        Segment::Link {
            href: hostile.into(),
            text: "<w:p>&]]>".into(),
        },
    ]));
    let p = parts(&Docx.render(&r));
    let paras = paragraphs(&p["word/document.xml"]);
    let rels: BTreeMap<String, (String, String, String)> =
        elements(&p["word/_rels/document.xml.rels"])
            .into_iter()
            .filter(|e| e.name == "Relationship")
            .map(|e| {
                (
                    e.attrs["Id"].clone(),
                    (
                        e.attrs["Type"].clone(),
                        e.attrs["Target"].clone(),
                        e.attrs.get("TargetMode").cloned().unwrap_or_default(),
                    ),
                )
            })
            .collect();
    let mut expected: Vec<String> = r
        .lead
        .iter()
        .chain(&r.body)
        .chain(&r.contact)
        .chain(&r.notes_to_editors)
        .chain(&r.boilerplate)
        .flat_map(|b| match b {
            Block::Paragraph(p) | Block::Heading(p) => p.clone(),
            Block::Statement { intro, paragraphs } => intro
                .iter()
                .chain(paragraphs.iter().flatten())
                .cloned()
                .collect(),
            Block::Quote { byline, .. } => byline.clone(),
            Block::List { entries, .. } => entries.iter().flatten().cloned().collect(),
        })
        .filter_map(|s| match s {
            Segment::Link { href, .. } => Some(href),
            _ => None,
        })
        .collect();
    let mut targets: Vec<String> = paras
        .iter()
        .flat_map(|p| p.links.iter())
        .map(|id| {
            let (ty, target, mode) = &rels[id];
            assert!(ty.ends_with("/relationships/hyperlink"));
            assert_eq!(mode, "External");
            target.clone()
        })
        .collect();
    assert!(expected.len() >= 3);
    expected.sort();
    targets.sort();
    assert_eq!(targets, expected);
    assert!(targets.contains(&hostile.to_owned()));
    let last = paras.iter().find(|p| p.text.starts_with("See ")).unwrap();
    assert_eq!(last.text, "See <w:p>&]]>");
}

fn with_picture(
    mut r: Composed,
    kind: ImageKind,
    bytes: &[u8],
    width: u32,
    height: u32,
) -> Composed {
    let c = r.captions.first_mut().unwrap();
    c.image = Some(Image {
        sha256: String::new(),
        kind,
        width,
        height,
        alt: "Four <blue> pixels & \"two\" rows".into(),
        bytes: Arc::from(bytes),
    });
    r
}

#[test]
fn a_captions_image_is_embedded_as_it_is_at_the_pages_width() {
    let r = with_picture(compose(&sample::sample_en()), ImageKind::Png, PNG, 4, 2);
    let p = parts(&Docx.render(&r));
    let media: Vec<(&String, &Vec<u8>)> = p
        .iter()
        .filter(|(k, _)| k.starts_with("word/media/"))
        .collect();
    assert_eq!(media.len(), 1);
    assert!(media[0].0.ends_with(".png"));
    assert_eq!(media[0].1.as_slice(), PNG, "the original bytes");
    let doc = elements(&p["word/document.xml"]);
    let extent = doc.iter().find(|e| e.name == "wp:extent").unwrap();
    let cx: u64 = extent.attrs["cx"].parse().unwrap();
    let cy: u64 = extent.attrs["cy"].parse().unwrap();
    assert_eq!(cx, TEXT_WIDTH_EMU);
    assert_eq!(cy, cx / 2, "the aspect ratio kept");
    let docpr = doc.iter().find(|e| e.name == "wp:docPr").unwrap();
    assert_eq!(docpr.attrs["descr"], "Four <blue> pixels & \"two\" rows");
    let blip = doc.iter().find(|e| e.name == "a:blip").unwrap();
    let rel = elements(&p["word/_rels/document.xml.rels"])
        .into_iter()
        .find(|e| e.name == "Relationship" && e.attrs["Id"] == blip.attrs["r:embed"])
        .unwrap();
    assert_eq!(format!("word/{}", rel.attrs["Target"]), *media[0].0);
    // The picture stands before its caption.
    let paras = paragraphs(&p["word/document.xml"]);
    let i = paras.iter().position(|p| p.style == "Picture").unwrap();
    assert_eq!(paras[i + 1].style, "Caption");
    assert_eq!(
        paras[i + 1].text,
        format!("{} {}", r.captions[0].label, r.captions[0].text)
    );
    assert_eq!(paras[i + 2].style, "PhotoCredit");
}

#[test]
fn a_jpeg_is_named_and_typed_as_one() {
    // The renderer never decodes an image: a JPEG's opening bytes are what names it.
    let jpeg = [
        0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 0xFF, 0xD9,
    ];
    let r = with_picture(compose(&sample::sample_en()), ImageKind::Jpeg, &jpeg, 3, 4);
    let p = parts(&Docx.render(&r));
    let (name, bytes) = p
        .iter()
        .find(|(k, _)| k.starts_with("word/media/"))
        .unwrap();
    assert!(name.ends_with(".jpeg"), "{name}");
    assert_eq!(bytes.as_slice(), jpeg);
    let target = elements(&p["word/_rels/document.xml.rels"])
        .into_iter()
        .find(|e| e.attrs.get("Type").is_some_and(|t| t.ends_with("/image")))
        .unwrap();
    assert_eq!(format!("word/{}", target.attrs["Target"]), *name);
    let types = String::from_utf8(p["[Content_Types].xml"].clone()).unwrap();
    let jpeg_type = elements(&p["[Content_Types].xml"])
        .into_iter()
        .find(|e| e.name == "Default" && e.attrs["Extension"] == "jpeg")
        .unwrap();
    assert_eq!(jpeg_type.attrs["ContentType"], "image/jpeg", "{types}");
}

#[test]
fn the_same_release_gives_the_same_bytes() {
    let r = with_picture(ministers(Language::En), ImageKind::Png, PNG, 4, 2);
    let first = Docx.render(&r);
    // Another document in between: nothing carries over from one to the next.
    let _ = Docx.render(&ministers(Language::Fr));
    assert_eq!(first, Docx.render(&r));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&first)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (1980, 1, 1),
            "{}: no clock",
            f.name()
        );
    }
    // Without a date of its own, the document says none.
    let mut undated = ministers(Language::En);
    undated.published = None;
    undated.updated = None;
    let core =
        String::from_utf8(parts(&Docx.render(&undated))["docProps/core.xml"].clone()).unwrap();
    assert!(!core.contains("dcterms:"), "{core}");
}

#[test]
fn hostile_text_is_text() {
    let hostile = "<w:p>x</w:p>]]>&amp;\"'\u{1}\u{7}\u{b}\u{FFFE}\u{202E}é";
    let clean = "<w:p>x</w:p>]]>&amp;\"'\u{202E}é";
    let plain = Docx.render(&compose(&fuzzing::meeting_with_text("plain")));
    let r = compose(&fuzzing::meeting_with_text(hostile));
    let p = parts(&Docx.render(&r));
    let paras = paragraphs(&p["word/document.xml"]);
    assert_eq!(
        paras.len(),
        paragraphs(&parts(&plain)["word/document.xml"]).len(),
        "no paragraph more"
    );
    let title = paras.iter().find(|p| p.style == "Title").unwrap();
    assert_eq!(title.text, clean);
    assert!(paras.iter().filter(|p| p.text.contains(clean)).count() >= 3);
    let core = elements(&p["docProps/core.xml"]);
    assert_eq!(text_of(&core, "dc:title"), clean);
    for part in p.values() {
        if let Ok(s) = std::str::from_utf8(part) {
            assert!(!s.contains('\u{1}') && !s.contains('\u{FFFE}'));
        }
    }
}
