#![allow(clippy::unwrap_used)]
//! The PDF export: the data the template gets (the release's parts, as text), and the PDF Typst
//! writes from it. What a PDF reader extracts — paragraphs in order, fonts embedded, the language,
//! the links — is checked with poppler and pypdf in tests/pdf/check.py.

use std::sync::Arc;

use super::*;
use crate::compose::{compose, Image, ImageKind};
use crate::render::plain_text;
use crate::{fuzzing, sample, v2, Error, Language};

const PNG: &[u8] = include_bytes!("../../../tests/fixtures/images/blue-4x2.png");

fn ministers(language: Language) -> Composed {
    let m = v2::parse_any("x", fuzzing::V2_EXAMPLE.as_bytes()).unwrap();
    v2::compose(&m, language)
}

/// The JSON the template reads.
fn data(r: &Composed, paper: Paper) -> serde_json::Value {
    let page = Page::new(r, paper).unwrap();
    serde_json::from_slice(page.data.1.as_slice()).unwrap()
}

/// The first caption among the parts of the template's data.
fn first_caption(d: &serde_json::Value) -> serde_json::Value {
    let parts = d["parts"].as_array().unwrap();
    parts
        .iter()
        .find(|p| p["kind"] == "caption")
        .unwrap()
        .clone()
}

fn segs(v: &serde_json::Value) -> String {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect()
}

/// A part's words as the plain text writes them.
fn part_text(p: &serde_json::Value) -> String {
    let t = |k: &str| p[k].as_str().unwrap().to_owned();
    match p["kind"].as_str().unwrap() {
        "deck" | "paragraph" | "heading" => segs(&p["inline"]),
        "opened" => format!("{} {}", t("opening"), segs(&p["inline"])),
        "correction" => format!("{} {}", t("heading"), segs(&p["inline"])),
        "list" => {
            let start = p["start"].as_u64().unwrap();
            let entries = p["entries"].as_array().unwrap().iter().enumerate();
            entries
                .map(|(i, e)| match p["numbered"].as_bool().unwrap() {
                    true => format!("{}. {}", start + i as u64, segs(e)),
                    false => format!("- {}", segs(e)),
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        "quote" => [t("words"), segs(&p["byline"])]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        "statement" => std::iter::once(segs(&p["intro"]))
            .chain(p["paragraphs"].as_array().unwrap().iter().map(segs))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        "caption" => format!("{} {}", t("label"), t("text")),
        _ => t("text"),
    }
}

fn with_picture(mut r: Composed, kind: ImageKind, bytes: &[u8], w: u32, h: u32) -> Composed {
    let c = r.captions.first_mut().unwrap();
    c.image = Some(Image {
        sha256: "ab".repeat(32),
        kind,
        width: w,
        height: h,
        alt: "Four <blue> pixels".into(),
        bytes: Arc::from(bytes),
    });
    r
}

#[test]
fn the_template_gets_the_releases_parts_in_reading_order_as_its_plain_text_has_them() {
    for language in [Language::En, Language::Fr] {
        let r = ministers(language).with_status(Some(crate::clearance::Status::Draft));
        let d = data(&r, Paper::A4);
        assert_eq!(d["lang"], language.tag());
        assert_eq!(d["paper"], "a4");
        assert_eq!(d["title"], r.headline.as_str());
        let parts = d["parts"].as_array().unwrap();
        assert_eq!(parts.len(), r.parts().len());
        assert_eq!(parts[0]["kind"], "status");
        // Each part's words as the plain text has them: the same words in the same order.
        let text: Vec<String> = parts.iter().map(part_text).collect();
        assert_eq!(text.join("\n\n") + "\n", plain_text(&r), "{language:?}");
    }
}

#[test]
fn a_pdf_on_a4_and_on_letter() {
    let r = ministers(Language::En);
    let a4 = Pdf(Paper::A4).render(&r).unwrap();
    let letter = Pdf(Paper::Letter).render(&r).unwrap();
    assert!(a4.starts_with(b"%PDF-"), "a PDF");
    assert!(a4.ends_with(b"%%EOF\n") || a4.ends_with(b"%%EOF"));
    assert_ne!(a4, letter);
    assert_eq!(data(&r, Paper::Letter)["paper"], "us-letter");
}

#[test]
fn the_same_release_gives_the_same_bytes() {
    let r = with_picture(ministers(Language::Fr), ImageKind::Png, PNG, 4, 2);
    let first = Pdf(Paper::A4).render(&r).unwrap();
    let _ = Pdf(Paper::A4).render(&ministers(Language::En)).unwrap();
    assert_eq!(first, Pdf(Paper::A4).render(&r).unwrap());
}

#[test]
fn a_jpeg_is_embedded_as_its_original_bytes() {
    let jpeg = &crate::images::made::jpeg(60, 20)[..];
    let r = with_picture(compose(&sample::sample_en()), ImageKind::Jpeg, jpeg, 60, 20);
    let d = data(&r, Paper::A4);
    let caption = first_caption(&d);
    assert_eq!(caption["image"], format!("/img/{}.jpg", "ab".repeat(32)));
    assert_eq!(caption["alt"], "Four <blue> pixels");
    assert_eq!(caption["width"], 166.0, "as wide as the text");
    let pdf = Pdf(Paper::A4).render(&r).unwrap();
    assert!(
        pdf.windows(jpeg.len()).any(|w| w == jpeg),
        "the JPEG's bytes as they are (DCTDecode)"
    );
}

#[test]
fn a_portrait_photo_is_no_taller_than_its_limit() {
    let r = with_picture(compose(&sample::sample_en()), ImageKind::Png, PNG, 2, 4);
    let d = data(&r, Paper::Letter);
    let caption = first_caption(&d);
    assert_eq!(caption["width"], PHOTO_MAX_HEIGHT_MM / 2.0);
}

#[test]
fn an_image_the_typesetter_refuses_is_one_error_and_no_pdf() {
    let r = with_picture(
        compose(&sample::sample_en()),
        ImageKind::Png,
        b"not a png",
        4,
        2,
    );
    match Pdf(Paper::A4).render(&r) {
        Err(e @ Error::Render { format: "pdf", .. }) => {
            assert_eq!(e.code(), crate::Code::InvalidInput);
            assert!(e.to_string().starts_with("the pdf export failed: "), "{e}");
        }
        other => panic!("{:?}", other.map(|b| b.len())),
    }
}

#[test]
fn typst_markup_in_user_text_is_data_and_typesets() {
    // What Typst would read as code or markup, were the text ever markup.
    let hostile =
        "#eval(\"1+1\") #link(\"javascript:alert(1)\")[x] *bold* $x^2$ ] [ // \\ @ref <l>";
    let r = compose(&fuzzing::meeting_with_text(hostile));
    let d = data(&r, Paper::A4);
    assert_eq!(d["title"], hostile);
    let parts = d["parts"].as_array().unwrap();
    assert!(
        parts
            .iter()
            .filter(|p| part_text(p).contains(hostile))
            .count()
            >= 3
    );
    let pdf = Pdf(Paper::A4).render(&r).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // The words are in the document (its title holds them), but nothing acts on them.
    assert!(!pdf.windows(11).any(|w| w == b"/JavaScript"), "no script");
    assert!(!pdf.windows(4).any(|w| w == b"/URI"), "no link");
}

#[test]
fn a_caption_in_another_language_says_its_own() {
    let mut r = compose(&sample::sample_en());
    r.captions[0].language = Some("fr".into());
    let d = data(&r, Paper::A4);
    let c = first_caption(&d);
    assert_eq!(c["lang"], "fr");
    // A tag Typst cannot take is left to the release's language rather than failing the PDF.
    r.captions[0].language = Some("x-klingon".into());
    assert!(first_caption(&data(&r, Paper::A4))["lang"].is_null());
    assert!(Pdf(Paper::A4).render(&r).is_ok());
    assert_eq!(split_tag("pt-PT"), Some(("pt", Some("PT"))));
    assert_eq!(split_tag("en"), Some(("en", None)));
    assert_eq!(split_tag("x-klingon"), None);
}

/// The PDF's `/ID` (`/ID[(first)(second)]`, as krilla writes it): its first identifier
/// (permanent) and its second (this revision's).
fn pdf_ids(pdf: &[u8]) -> (String, String) {
    let at = pdf.windows(4).rposition(|w| w == b"/ID[").unwrap();
    let rest = String::from_utf8_lossy(&pdf[at..(at + 200).min(pdf.len())]).into_owned();
    let ids: Vec<&str> = rest.split(['(', ')']).skip(1).step_by(2).take(2).collect();
    (ids[0].to_owned(), ids[1].to_owned())
}

#[test]
fn an_edited_release_keeps_its_pdfs_first_identifier() {
    let r = ministers(Language::En);
    let mut edited = r.clone();
    edited.headline.push_str(" today");
    let (a, b) = (
        Pdf(Paper::A4).render(&r).unwrap(),
        Pdf(Paper::A4).render(&edited).unwrap(),
    );
    assert_eq!(pdf_ids(&a).0, pdf_ids(&b).0, "the same document");
    assert_ne!(pdf_ids(&a).1, pdf_ids(&b).1, "another revision of it");
    let fr = Pdf(Paper::A4).render(&ministers(Language::Fr)).unwrap();
    assert_ne!(
        pdf_ids(&a).0,
        pdf_ids(&fr).0,
        "another language, another document"
    );
}
