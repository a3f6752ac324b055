//! Photos' images: named by a photo of the meeting file v2 (`photos[].image`, `alt`), kept by the
//! archive, carried by the composed release to the exports.

use std::collections::HashMap;

use communique_core::compose::{Image, ImageKind};
use communique_core::images::{self, made};
use communique_core::v2::translation::{self, Status};
use communique_core::v2::xliff::{self, Which};
use communique_core::v2::{self, MeetingV2};
use communique_core::Language::{En, Fr};
use communique_core::{Error, Format, Store};

const EXAMPLE: &str = include_str!("../fixtures/v2/ministers-en-fr.meeting.json");
const ORIGINAL: &str = "communique meeting 7";

pub const HOSTILE_ALT: &str =
    "Ministers \"at\" <script>alert(1)</script> & the <img src=x onerror=alert(2)> table\u{202e}";

/// A real JPEG, checked as the archive checks it.
pub fn photo() -> Image {
    images::check(made::jpeg(48, 32), "ministers.jpg").unwrap()
}

/// The example's English release alone, its photo showing `image` with `alt`.
pub fn english_with(image: &Image, alt: &str) -> MeetingV2 {
    let mut m = v2::parse("example", EXAMPLE.as_bytes()).unwrap();
    m.releases.retain(|r| r.language == En);
    m.info.languages = vec![En];
    for q in m.agenda.iter_mut().flat_map(|i| i.quotes.iter_mut()) {
        q.words.remove(&Fr);
        q.verb.remove(&Fr);
    }
    for p in &mut m.people {
        p.forms.remove(&Fr);
    }
    for o in &mut m.organisations {
        o.name.remove(&Fr);
        o.boilerplate.remove(&Fr);
    }
    let photo = &mut m.releases[0].photos[0];
    photo.image = Some(image.sha256.clone());
    photo.alt = Some(alt.to_owned());
    v2::validate(&m).unwrap();
    m
}

fn lookup(images: &[&Image]) -> impl Fn(&str) -> Option<Image> {
    let by: HashMap<String, Image> = images
        .iter()
        .map(|i| (i.sha256.clone(), (*i).clone()))
        .collect();
    move |sha| by.get(sha).cloned()
}

#[test]
fn a_caption_carries_its_photos_image_with_the_alt_text() {
    let image = photo();
    let m = english_with(&image, "  Six ministers   seated at a round table ");
    let c = v2::compose_with_images(&m, En, &lookup(&[&image]));
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let carried = c.captions[0].image.as_ref().unwrap();
    assert_eq!(carried.alt, "Six ministers seated at a round table");
    assert_eq!(carried.sha256, image.sha256);
    assert_eq!(&carried.bytes[..], &image.bytes[..], "the original bytes");
    assert_eq!(
        (carried.kind, carried.width, carried.height),
        (ImageKind::Jpeg, 48, 32)
    );
    // The meeting file alone: the caption, no image, nothing wrong.
    let alone = v2::compose(&m, En);
    assert!(alone.problems.is_empty());
    assert_eq!(alone.captions[0].image, None);
    assert_eq!(alone.captions[0].text, c.captions[0].text);
}

#[test]
fn a_photo_naming_an_image_the_archive_lacks_is_refused_by_the_export_naming_it() {
    let image = photo();
    let m = english_with(&image, "Ministers");
    let c = v2::compose_with_images(&m, En, &|_| None);
    assert_eq!(c.captions[0].image, None, "the preview shows the caption");
    let e = Format::Html
        .bytes_v2_with_images(&m, En, &|_| None)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "releases[0].photos[0].image: photo \"ph1\" names an image the archive does not hold ({}); import it again",
            image.sha256
        )
    );
}

#[test]
fn the_reader_checks_an_images_name_and_the_file_keeps_image_and_alt() {
    let image = photo();
    let m = english_with(&image, HOSTILE_ALT);
    let json = v2::to_json(&m).unwrap();
    assert!(
        json.contains(&format!("\"image\": \"{}\"", image.sha256)),
        "{json}"
    );
    assert_eq!(v2::parse("back", json.as_bytes()).unwrap(), m);
    let upper = json.replace(&image.sha256, &image.sha256.to_uppercase());
    let e = v2::parse("photo.meeting.json", upper.as_bytes()).unwrap_err();
    assert!(
        e.to_string().contains("releases[0].photos[0].image: \"")
            && e.to_string().contains("is not an image's name"),
        "{e}"
    );
    // v1 cannot say it, and says which field.
    let mut m = v2::upgrade(&communique_core::sample::sample_en());
    assert!(v2::downgrade(&m).is_ok());
    m.releases[0].photos[0].image = Some(image.sha256.clone());
    let e = v2::downgrade(&m).unwrap_err();
    assert!(e.to_string().contains("photos[0].image"), "{e}");
}

#[test]
fn alt_text_is_translated_like_the_caption() {
    let image = photo();
    let mut m = english_with(&image, "Six ministers at a round table");
    translation::add_version(&mut m, En, Fr).unwrap();
    let to_translate: Vec<String> = translation::states(&m, Fr)
        .unwrap()
        .into_iter()
        .filter(|s| s.status == Status::ToTranslate)
        .map(|s| s.key)
        .collect();
    assert!(
        to_translate.contains(&"alt:ph1".to_owned()),
        "{to_translate:?}"
    );
    assert!(to_translate.contains(&"caption:ph1".to_owned()));
    let x = xliff::export(&m, Fr, ORIGINAL, Which::Pending).unwrap();
    assert!(
        x.contains("<trans-unit id=\"alt:ph1\"") && x.contains("Six ministers at a round table"),
        "{x}"
    );
    // The translator fills the alt text's unit only.
    let at = x.find("<trans-unit id=\"alt:ph1\"").unwrap();
    let end = at + x[at..].find("</source>").unwrap() + "</source>".len();
    let filled = format!(
        "{}<target state=\"translated\">Six ministres autour d'une table</target>{}",
        &x[..end],
        &x[end..]
    );
    let (out, done) = xliff::import(&m, ORIGINAL, "fr.xlf", filled.as_bytes()).unwrap();
    assert_eq!(done.applied, ["alt:ph1"]);
    let fr = out.release(Fr).unwrap();
    assert_eq!(
        fr.photos[0].alt.as_deref(),
        Some("Six ministres autour d'une table")
    );
    assert_eq!(
        fr.photos[0].image.as_deref(),
        Some(&*image.sha256),
        "the same picture"
    );
    // Spaced as French text is: the same as the caption would be.
    let mut spaced = out.clone();
    let photo = &mut spaced.releases[1].photos[0];
    photo.language = None;
    photo.alt = Some("Six ministres : autour d'une table ?".into());
    photo.caption = vec![v2::Run::Text("Six ministres : autour d'une table ?".into())];
    let c = v2::compose_with_images(&spaced, Fr, &lookup(&[&image]));
    assert!(
        c.captions[0].text.contains(['\u{202f}', '\u{a0}']),
        "{:?}",
        c.captions[0].text
    );
    assert_eq!(
        c.captions[0].image.as_ref().unwrap().alt,
        c.captions[0].text
    );
    // Editing the English alt text outdates the French one, and only it.
    let mut edited = out.clone();
    edited.releases[0].photos[0].alt = Some("Six ministers at a square table".into());
    let outdated: Vec<String> = translation::states(&edited, Fr)
        .unwrap()
        .into_iter()
        .filter(|s| s.status == Status::Outdated)
        .map(|s| s.key)
        .collect();
    assert_eq!(outdated, ["alt:ph1"]);
}

#[test]
fn an_export_from_the_archive_embeds_the_image_and_refuses_one_it_lacks() {
    let mut store = Store::open_in_memory().unwrap();
    let image = photo();
    let m = english_with(&image, "Ministers at the table");
    let id = store.insert_v2(&m).unwrap();
    // Not imported yet: refused, nothing recorded.
    let e = store
        .export_in(id, Format::Html, None, false, |_| Ok(()))
        .unwrap_err();
    assert!(matches!(e, Error::Invalid { .. }), "{e}");
    assert!(
        e.to_string().contains("photo \"ph1\" names an image"),
        "{e}"
    );
    assert!(store.versions(id).unwrap().is_empty());
    store
        .add_image(image.bytes.to_vec(), "ministers.jpg")
        .unwrap();
    let mut out = Vec::new();
    store
        .export_in(id, Format::Html, None, false, |b| {
            out = b.to_vec();
            Ok(())
        })
        .unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(
        html.contains("<img src=\"data:image/jpeg;base64,"),
        "{html}"
    );
    assert_eq!(store.versions(id).unwrap().len(), 1);
}

/// The attributes of every `<img …>` of `html`.
fn imgs(html: &str) -> Vec<String> {
    html.split("<img ")
        .skip(1)
        .map(|rest| rest[..rest.find('>').unwrap()].to_owned())
        .collect()
}

/// The value of attribute `name` in `attrs`, unescaped.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = attrs.find(&key)? + key.len();
    let end = at + attrs[at..].find('"')?;
    Some(crate::prelude::unescape_html(&attrs[at..end]))
}

#[test]
fn the_html_export_embeds_the_original_bytes_with_escaped_alt_text() {
    use base64::Engine;
    let image = photo();
    let png = images::check(made::png(7, 5), "chart.png").unwrap();
    let mut m = english_with(&image, HOSTILE_ALT);
    let mut second = m.releases[0].photos[0].clone();
    second.id = "ph2".into();
    second.image = Some(png.sha256.clone());
    second.alt = None;
    second.language = Some("fr".into());
    m.releases[0].photos.push(second);
    let html = String::from_utf8(
        Format::Html
            .bytes_v2_with_images(&m, En, &lookup(&[&image, &png]))
            .unwrap(),
    )
    .unwrap();
    let found = imgs(&html);
    assert_eq!(found.len(), 2, "{html}");
    for (attrs, original, media) in [
        (&found[0], &image, "image/jpeg"),
        (&found[1], &png, "image/png"),
    ] {
        let src = attr(attrs, "src").unwrap();
        let data = src
            .strip_prefix(&format!("data:{media};base64,"))
            .unwrap_or_else(|| panic!("{src:.60}"));
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        assert_eq!(
            images::sha256_hex(&bytes),
            original.sha256,
            "the original bytes"
        );
        assert_eq!(attr(attrs, "width").unwrap(), original.width.to_string());
        assert_eq!(attr(attrs, "height").unwrap(), original.height.to_string());
    }
    // The hostile alt text is one attribute's value, read back as typed (white space tidied).
    let alt = attr(&found[0], "alt").unwrap();
    assert_eq!(
        alt,
        HOSTILE_ALT.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    assert!(
        !found[0].contains(['<', '>']),
        "no markup in the attributes"
    );
    assert_eq!(
        attr(&found[1], "alt").as_deref(),
        Some(""),
        "no alt text: empty, not absent"
    );
    assert_eq!(attr(&found[1], "lang").as_deref(), Some("fr"));
    // Inside its figure, before the caption; the page fetches nothing.
    let figure = &html[html.find("<figure>").unwrap()..];
    assert!(figure.starts_with("<figure><img src=\"data:image/jpeg;base64,"));
    assert!(figure.find("<img").unwrap() < figure.find("<figcaption").unwrap());
    assert!(html.contains("img-src data:;") && html.contains("default-src 'none'"));
    assert!(
        html.contains("figure img {"),
        "the image style, only with images"
    );
}

#[test]
fn the_preview_names_the_image_and_never_carries_its_bytes() {
    let image = photo();
    let m = english_with(&image, "Ministers");
    let c = v2::compose_with_images(&m, En, &lookup(&[&image]));
    let preview = communique_core::render::preview(&c);
    let found = imgs(&preview);
    assert_eq!(found.len(), 1);
    assert_eq!(
        attr(&found[0], "data-image").as_deref(),
        Some(&*image.sha256)
    );
    assert_eq!(attr(&found[0], "src"), None);
    assert!(!preview.contains("base64"));
}

#[test]
fn the_email_carries_each_image_once_as_an_inline_part_its_html_names() {
    let image = photo();
    let mut m = english_with(&image, "Ministers");
    let mut again = m.releases[0].photos[0].clone();
    again.id = "ph2".into();
    m.releases[0].photos.push(again);
    let eml = String::from_utf8(
        Format::Eml
            .bytes_v2_with_images(&m, En, &lookup(&[&image]))
            .unwrap(),
    )
    .unwrap();
    let cid = format!("{}@communique.invalid", image.sha256);
    assert_eq!(
        eml.matches(&format!("Content-ID: <{cid}>")).count(),
        1,
        "{eml:.2000}"
    );
    assert!(eml.contains("multipart/related"));
    assert!(!eml.contains("data:image/"), "no data: URL in a mail");
    // Without images, the message is as before: text and HTML alternatives only.
    let plain = String::from_utf8(Format::Eml.bytes_v2(&m, En).unwrap()).unwrap();
    assert!(!plain.contains("multipart/related") && !plain.contains("Content-ID"));
}

#[test]
fn a_keystroke_in_the_live_preview_sends_no_picture_and_the_figure_only_when_its_photo_changes() {
    use communique_core::preview::{DocPartV2, Edit, LivePreviewV2, PreviewUpdate};
    let image = photo();
    let m = english_with(&image, "Ministers");
    let look = lookup(&[&image]);
    let mut slot: Option<LivePreviewV2> = None;
    let doc: serde_json::Value = serde_json::from_str(&v2::to_json(&m).unwrap()).unwrap();
    let edit = |shown, parts, doc| Edit {
        session: 1,
        shown,
        language: Some(En),
        doc,
        parts,
    };
    let first = LivePreviewV2::edit_with_images(
        &mut slot,
        "editor",
        edit(0, vec![], Some(doc)),
        Some(&look),
    )
    .unwrap();
    let PreviewUpdate::Whole { render, preview } = first else {
        panic!("{first:?}")
    };
    let figure = preview
        .blocks
        .iter()
        .find(|b| b.contains("<figure>"))
        .unwrap();
    assert!(figure.contains(&format!("data-image=\"{}\"", image.sha256)));
    assert!(!preview.html().contains("base64"));
    // A keystroke in a paragraph: that block only.
    let mut r = serde_json::to_value(&m.releases[0]).unwrap();
    r.as_object_mut().unwrap().remove("items");
    r["headline"] = serde_json::json!(["Ministers agree a plan for safer ports"]);
    let head = |value| DocPartV2::ReleaseHead { index: 0, value };
    let next = LivePreviewV2::edit_with_images(
        &mut slot,
        "editor",
        edit(render, vec![head(r.clone())], None),
        Some(&look),
    )
    .unwrap();
    let PreviewUpdate::Splice { render, blocks, .. } = next else {
        panic!("{next:?}")
    };
    assert!(blocks.iter().all(|b| !b.contains("<figure>")), "{blocks:?}");
    // The photo's alt text changes: its figure is sent again, still without the picture.
    r["photos"][0]["alt"] = "Six ministers".into();
    let next = LivePreviewV2::edit_with_images(
        &mut slot,
        "editor",
        edit(render, vec![head(r)], None),
        Some(&look),
    )
    .unwrap();
    let PreviewUpdate::Splice { blocks, .. } = next else {
        panic!("{next:?}")
    };
    assert_eq!(blocks.len(), 1);
    assert!(blocks[0].contains("alt=\"Six ministers\"") && !blocks[0].contains("base64"));
}
