//! The release as IPTC ninjs 3.1 (News in JSON, <https://iptc.org/standards/ninjs/>), for a news
//! agency's wire or a website's CMS: one news item of type `text`, its headlines, its bodies (the
//! HTML export's `<article>` and the plain text, the very strings the other exports hold), its
//! dates, its embargo and its photos as associations. The schema it is checked against in the
//! tests is IPTC's own, vendored unchanged in `tests/ninjs/schema/`.
//!
//! The JSON is written by `serde_json` from the structs below (field names as the schema spells
//! them, absent values left out), pretty, fields in a fixed order: the same release always gives
//! the same bytes, and every user string is a JSON string, escaped by `serde_json` and never
//! interpreted. Nothing here reads the clock.
//!
//! Identifiers: a release has no web address, so its `uri` is a name-based UUID (`urn:uuid:`,
//! version 5, RFC 9562) of what identifies it (its organisation, its meeting's title and first
//! day, its language): the same release keeps it through every version, a translation has its
//! own. A photo's `uri` names its bytes (`ni:///sha-256;…`, RFC 6920), so a receiver can check the
//! file; the file itself travels beside the JSON, named `<sha256>.<ext>`, as its rendition's
//! `title` says (a relative file name is no URI, so it cannot be the rendition's `href`).

use base64::Engine;
use chrono::DateTime;
use serde::Serialize;
use uuid::Uuid;

use super::{article, plain_text, Renderer};
use crate::compose::{Caption, Composed, Moment};

/// The ninjs renderer.
pub struct Ninjs;

/// The version of ninjs written, and its schema's URI (the schema's `$id`).
pub const NINJS_VERSION: &str = "3.1";
pub const NINJS_SCHEMA: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";

/// The namespace of the releases' name-based UUIDs (made once for Communiqué; never change it,
/// or every release's `uri` changes).
const RELEASE_NAMESPACE: Uuid = Uuid::from_u128(0x802c5a56_77c8_4412_8dc2_56249319ae2c);

/// A ninjs news item: the subset Communiqué writes, in the schema's spelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewsItem {
    pub uri: String,
    pub standard: Standard,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub representation_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embargoed_until: Option<String>,
    pub pub_status: PubStatus,
    pub language: &'static str,
    pub headlines: Vec<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub located: Option<String>,
    pub bodies: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub associations: Vec<Association>,
}

/// `standard`: which standard, version and schema the item is valid against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standard {
    pub name: &'static str,
    pub version: &'static str,
    pub schema: &'static str,
}

/// `pubStatus`. ninjs's default is `usable`; an embargo does not make an item `withheld` (that
/// is "not to be used until further notice"): `embargoedUntil` says until when it is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PubStatus {
    Usable,
    Withheld,
    Canceled,
}

/// A headline, a body or a description: its role, its media type and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Text {
    pub role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<&'static str>,
    pub value: String,
}

/// A photo of the release: an associated news item of type `picture`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Association {
    pub name: String,
    pub uri: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Set only when the caption's language differs from the release's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The credit: who took or owns the photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The caption (`caption`) and the alternative text (`alt`), as plain text.
    pub descriptions: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renditions: Vec<Rendition>,
}

/// The photo's one rendition: the archive's original image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rendition {
    pub name: &'static str,
    /// The file beside the JSON: `<sha256>.<ext>`.
    pub title: String,
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
    pub size_in_bytes: usize,
}

impl Renderer for Ninjs {
    fn extension(&self) -> &'static str {
        "json"
    }

    fn render(&self, r: &Composed) -> String {
        // Serialising these structs cannot fail (no map, every key a string).
        let mut out = serde_json::to_string_pretty(&news_item(r)).unwrap_or_default();
        out.push('\n');
        out
    }
}

/// The release as a ninjs news item.
pub fn news_item(r: &Composed) -> NewsItem {
    let mut headlines = vec![Text {
        role: "main",
        content_type: Some("text/plain"),
        value: r.headline.clone(),
    }];
    headlines.extend(r.deck.as_deref().map(|d| Text {
        role: "subhead",
        content_type: Some("text/plain"),
        value: crate::compose::inline_text(d),
    }));
    NewsItem {
        uri: release_uri(r),
        standard: Standard {
            name: "ninjs",
            version: NINJS_VERSION,
            schema: NINJS_SCHEMA,
        },
        kind: "text",
        representation_type: "full",
        first_created: r.published.as_ref().and_then(instant),
        version_created: r
            .updated
            .as_ref()
            .or(r.published.as_ref())
            .and_then(instant),
        embargoed_until: r.embargo.as_ref().and_then(instant),
        pub_status: pub_status(r),
        language: r.language.tag(),
        headlines,
        by: r.organisation.clone(),
        located: r.place.clone(),
        bodies: vec![
            Text {
                role: "main",
                content_type: Some("text/plain"),
                value: plain_text(r),
            },
            Text {
                role: "richtext",
                content_type: Some("text/html"),
                value: article(r),
            },
        ],
        associations: r
            .captions
            .iter()
            .enumerate()
            .map(|(i, c)| association(r, i, c))
            .collect(),
    }
}

/// The release's publication status: `withheld` ("not to be used until further notice") while
/// the archive says it is not yet published (draft, for clearance, cleared), else `usable` (an
/// embargo is `embargoedUntil`, not a status; a release with no status is exported as ever).
pub fn pub_status(r: &Composed) -> PubStatus {
    match r.status {
        Some(s) if s.is_before_publication() => PubStatus::Withheld,
        _ => PubStatus::Usable,
    }
}

/// `urn:uuid:` + the release's UUID (`release_uuid`).
pub fn release_uri(r: &Composed) -> String {
    release_uuid(r).urn().to_string()
}

/// The name-based UUID of the organisation, the meeting's title and first day and the language
/// (a JSON array, so no two of them can run together).
fn release_uuid(r: &Composed) -> Uuid {
    let name = serde_json::json!([
        "communique release",
        r.organisation.as_deref().unwrap_or(""),
        r.meeting_title,
        crate::serde_forms::format_date(r.starts),
        r.language.tag(),
    ])
    .to_string();
    Uuid::new_v5(&RELEASE_NAMESPACE, name.as_bytes())
}

/// A moment as an RFC 3339 date-time; `None` for a date alone (`published: 2031-04-25`), which
/// ninjs's date-time fields cannot hold (no time is made up).
fn instant(m: &Moment) -> Option<String> {
    DateTime::parse_from_rfc3339(&m.iso)
        .ok()
        .map(|_| m.iso.clone())
}

fn association(r: &Composed, index: usize, c: &Caption) -> Association {
    let mut descriptions = vec![Text {
        role: "caption",
        content_type: Some("text/plain"),
        value: c.text.clone(),
    }];
    descriptions.extend(
        c.image
            .as_ref()
            .filter(|i| !i.alt.is_empty())
            .map(|i| Text {
                role: "alt",
                content_type: Some("text/plain"),
                value: i.alt.clone(),
            }),
    );
    let uri = match &c.image {
        Some(image) => named_information(&image.sha256, image.kind.media_type()),
        // No image: a name of its own, under the release's (its place among the captions).
        None => Uuid::new_v5(&release_uuid(r), format!("photo {}", index + 1).as_bytes())
            .urn()
            .to_string(),
    };
    Association {
        name: format!("photo-{}", index + 1),
        uri,
        kind: "picture",
        language: c.language.clone(),
        by: c.credit.clone(),
        descriptions,
        renditions: c
            .image
            .iter()
            .map(|i| Rendition {
                name: "original",
                title: image_file_name(i),
                content_type: i.kind.media_type(),
                width: i.width,
                height: i.height,
                size_in_bytes: i.bytes.len(),
            })
            .collect(),
    }
}

/// The file an image travels in beside the JSON: `<sha256>.<ext>`.
pub fn image_file_name(i: &crate::compose::Image) -> String {
    format!("{}.{}", i.sha256, i.kind.extension())
}

/// RFC 6920's name of the bytes whose SHA-256 is `sha256` (hex): `ni:///sha-256;<base64url>`,
/// with their media type.
fn named_information(sha256: &str, media_type: &str) -> String {
    let digest: Vec<u8> = (0..sha256.len() / 2)
        .filter_map(|i| u8::from_str_radix(sha256.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    format!(
        "ni:///sha-256;{}?ct={media_type}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
    )
}
