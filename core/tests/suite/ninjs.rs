//! The ninjs export (core/src/render/ninjs.rs), read back as JSON: its fields from a known
//! release, its identifiers, its photo association with an image, hostile text that stays text,
//! and the same bytes for the same release. `tests/ninjs/check.py` validates the CLI's output
//! (and `tests/ninjs/photo-release.json`, written here) against IPTC's schema.

use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use communique_core::compose::{Composed, Image, ImageKind};
use communique_core::v2::{self, MeetingV2, Run};
use communique_core::{render, Format, Language};
use serde_json::Value;

const EXAMPLE: &str = include_str!("../fixtures/v2/ministers-en-fr.meeting.json");
/// A real 3×2 PNG, named by its SHA-256 as the export names image files.
const PNG_SHA256: &str = "eff8c9173f7cfcd6e8dcd366fcd833f0fef5412ac661f66f7648c61c71266de8";
const PNG: &[u8] = include_bytes!(
    "../../../tests/ninjs/eff8c9173f7cfcd6e8dcd366fcd833f0fef5412ac661f66f7648c61c71266de8.png"
);

fn example() -> MeetingV2 {
    v2::parse("ministers-en-fr.meeting.json", EXAMPLE.as_bytes()).unwrap()
}

fn ninjs(r: &Composed) -> Value {
    serde_json::from_slice(&Format::Ninjs.release(r).unwrap()).unwrap()
}

/// The body with this media type.
fn body<'a>(item: &'a Value, content_type: &str) -> &'a str {
    let bodies = item["bodies"].as_array().unwrap();
    let found: Vec<_> = bodies
        .iter()
        .filter(|b| b["contentType"] == content_type)
        .collect();
    assert_eq!(found.len(), 1, "one {content_type} body: {bodies:#?}");
    found[0]["value"].as_str().unwrap()
}

fn headline<'a>(item: &'a Value, role: &str) -> Option<&'a str> {
    item["headlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["role"] == role)
        .map(|h| h["value"].as_str().unwrap())
}

#[test]
fn a_known_release_reads_back_field_by_field() {
    let m = example();
    let r = v2::compose(&m, Language::En);
    let item = ninjs(&r);
    assert_eq!(item["standard"]["name"], "ninjs");
    assert_eq!(item["standard"]["version"], "3.1");
    assert_eq!(
        item["standard"]["schema"],
        "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
    );
    assert_eq!(item["type"], "text");
    assert_eq!(item["language"], "en");
    assert_eq!(
        headline(&item, "main"),
        Some("Ministers agree a plan for safe ports")
    );
    assert_eq!(
        headline(&item, "subhead"),
        Some("Two days of talks in Lisbon")
    );
    // The embargo instant as the meeting file gives it (Lisbon, summer time).
    assert_eq!(item["embargoedUntil"], "2031-04-25T18:00:00+01:00");
    assert_eq!(item["pubStatus"], "usable");
    // Updated, else published; published is a date alone here, which no date-time can hold.
    assert_eq!(item["versionCreated"], "2031-04-25T18:05:00+01:00");
    assert!(item.get("firstCreated").is_none(), "{item:#}");
    assert_eq!(item["located"], "LISBON");
    assert_eq!(item["by"], "The Harbour League");
    // The bodies are the other exports' very strings.
    assert_eq!(body(&item, "text/plain"), render::plain_text(&r));
    assert_eq!(body(&item, "text/html"), render::article(&r));
    // The photo, without an image: its caption and credit.
    let photo = &item["associations"][0];
    assert_eq!(photo["type"], "picture");
    assert_eq!(photo["by"], "Harbour League");
    assert_eq!(photo["descriptions"][0]["role"], "caption");
    assert_eq!(photo["descriptions"][0]["value"], "Ministers at the table");
    assert!(photo.get("renditions").is_none());
    assert!(photo["uri"].as_str().unwrap().starts_with("urn:uuid:"));

    // The French release has no embargo, nor deck of its own.
    let fr = ninjs(&v2::compose(&m, Language::Fr));
    assert_eq!(fr["language"], "fr");
    assert!(fr.get("embargoedUntil").is_none(), "{fr:#}");
}

#[test]
fn a_published_moment_is_first_created() {
    let mut m = example();
    m.releases[0].published = Some(communique_core::model::Published::At(
        chrono::DateTime::parse_from_rfc3339("2031-04-25T17:00:00Z").unwrap(),
    ));
    m.releases[0].updated = None;
    let item = ninjs(&v2::compose(&m, Language::En));
    // In the meeting's zone, as the HTML's <time datetime> has it.
    assert_eq!(item["firstCreated"], "2031-04-25T18:00:00+01:00");
    assert_eq!(item["versionCreated"], item["firstCreated"]);
}

#[test]
fn the_uri_is_the_releases_own_through_its_versions() {
    let m = example();
    let uri = |m: &MeetingV2, l| ninjs(&v2::compose(m, l))["uri"].clone();
    let en = uri(&m, Language::En);
    let text = en.as_str().unwrap();
    let uuid = text.strip_prefix("urn:uuid:").unwrap();
    assert_eq!(uuid.len(), 36);
    assert_eq!(&uuid[14..15], "5", "a name-based (v5) UUID: {text}");
    assert_ne!(
        uri(&m, Language::Fr),
        en,
        "a translation is an item of its own"
    );

    // A new version of the release (headline, text, update) keeps it.
    let mut edited = m.clone();
    edited.releases[0].headline = vec![Run::Text("A corrected headline".into())];
    edited.releases[0].updated = None;
    assert_eq!(uri(&edited, Language::En), en);

    // Another meeting (another first day) has another.
    let mut other = m.clone();
    other.info.starts = chrono::NaiveDate::from_ymd_opt(2032, 4, 24).unwrap();
    other.info.ends = None;
    assert_ne!(uri(&other, Language::En), en);
}

fn with_photo() -> Composed {
    let mut r = v2::compose(&example(), Language::En);
    r.captions[0].image = Some(Image {
        sha256: PNG_SHA256.into(),
        kind: ImageKind::Png,
        width: 3,
        height: 2,
        alt: "Six ministers around a round table".into(),
        bytes: Arc::from(PNG),
    });
    r
}

#[test]
fn a_photo_with_its_image_is_a_picture_association_with_a_rendition() {
    let r = with_photo();
    let item = ninjs(&r);
    let photo = &item["associations"][0];
    assert_eq!(photo["type"], "picture");
    assert_eq!(photo["name"], "photo-1");
    assert_eq!(photo["by"], "Harbour League");
    let descriptions: Vec<(&str, &str)> = photo["descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["role"].as_str().unwrap(), d["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        descriptions,
        [
            ("caption", "Ministers at the table"),
            ("alt", "Six ministers around a round table")
        ]
    );
    // Its uri names its bytes (RFC 6920): the SHA-256, base64url.
    let uri = photo["uri"].as_str().unwrap();
    let (hash, query) = uri
        .strip_prefix("ni:///sha-256;")
        .unwrap()
        .split_once('?')
        .unwrap();
    assert_eq!(query, "ct=image/png");
    let digest = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(hash)
        .unwrap();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, PNG_SHA256);
    let rendition = &photo["renditions"][0];
    assert_eq!(rendition["contentType"], "image/png");
    assert_eq!(
        (rendition["width"].as_u64(), rendition["height"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(rendition["sizeInBytes"].as_u64(), Some(PNG.len() as u64));
    assert_eq!(rendition["title"], format!("{PNG_SHA256}.png"));
    assert!(rendition.get("href").is_none(), "a file name is no URI");
}

/// `tests/ninjs/photo-release.json`: the release with its photo, for the schema check (the CLI
/// has no image to export until photos are imported). `UPDATE_GENERATED=1` rewrites it.
#[test]
fn the_photo_release_for_the_schema_check_is_current() {
    let bytes = Format::Ninjs.release(&with_photo()).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ninjs/photo-release.json");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == bytes,
        "tests/ninjs/photo-release.json is stale: run \
         `UPDATE_GENERATED=1 cargo test -p communique-core --test suite ninjs` and review the diff"
    );
}

#[test]
fn the_same_release_gives_the_same_bytes() {
    let m = example();
    let once = Format::Ninjs.bytes_v2(&m, Language::En).unwrap();
    let again = v2::parse("again.json", v2::to_json(&m).unwrap().as_bytes()).unwrap();
    assert_eq!(Format::Ninjs.bytes_v2(&again, Language::En).unwrap(), once);
    assert_eq!(
        Format::Ninjs.release(&with_photo()).unwrap(),
        Format::Ninjs.release(&with_photo()).unwrap()
    );
    assert!(once.ends_with(b"}\n"));
}

const HOSTILE: &str =
    "</p><script>alert(1)</script>\"q\" & 'a' \\ \u{7}\u{1b}[2J \u{202e}evil\u{202c} \u{2028}";

#[test]
fn hostile_text_stays_a_json_string_and_the_html_body_escapes_it() {
    let mut m = example();
    let href = "https://example.org/?a=\"><script>x</script>&b=1".to_owned();
    let r = &mut m.releases[0];
    r.headline = vec![Run::Text(format!("{HOSTILE}headline"))];
    r.lead = vec![v2::Block::p(
        "l",
        vec![
            Run::Text(format!("{HOSTILE}paragraph ")),
            Run::Link {
                href: href.clone(),
                text: vec![format!("{HOSTILE}link")],
            },
        ],
    )];
    let composed = v2::compose(&m, Language::En);
    let bytes = Format::Ninjs.release(&composed).unwrap();
    let item: Value = serde_json::from_slice(&bytes).unwrap();
    // Control characters are escaped in the JSON text, never raw.
    assert!(!bytes.iter().any(|b| *b < 0x20 && *b != b'\n'));
    // Each string reads back as the composed text, exactly.
    assert_eq!(headline(&item, "main"), Some(composed.headline.as_str()));
    assert!(composed.headline.contains("<script>alert(1)</script>\"q\""));
    let text = body(&item, "text/plain");
    assert_eq!(text, render::plain_text(&composed));
    assert!(
        text.contains("<script>alert(1)</script>\"q\" & 'a'"),
        "{text}"
    );
    // The HTML body is the HTML export's article: the text escaped, the link's address an
    // attribute value.
    let html = body(&item, "text/html");
    assert_eq!(html, render::article(&composed));
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains(
        "<a href=\"https://example.org/?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;b=1\""
    ));
}

#[test]
fn the_format_is_named_ninjs_and_writes_a_json_file() {
    assert_eq!(serde_json::to_string(&Format::Ninjs).unwrap(), "\"ninjs\"");
    assert_eq!(
        serde_json::from_str::<Format>("\"ninjs\"").unwrap(),
        Format::Ninjs
    );
    assert_eq!(Format::Ninjs.name(), "ninjs");
    assert_eq!(Format::Ninjs.extension(), "json");
    for f in [Format::Html, Format::Markdown, Format::Json, Format::Eml] {
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            format!("\"{}\"", f.name())
        );
    }
}
