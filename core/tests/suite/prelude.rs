//! Readers that take an export apart again, to check what a reader of it would see.

use communique_core::Composed;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use saphyr::LoadableYamlNode;

/// The release paragraphs, headline and dateline of an HTML export, unescaped, in order.
pub struct HtmlParts {
    pub title: String,
    pub h1: Vec<String>,
    pub paragraphs: Vec<String>,
    pub figcaptions: Vec<(Option<String>, String)>,
    pub json_ld: serde_json::Value,
}

pub fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every `<tag ...>text</tag>` (on one line, as the renderer writes them).
fn elements(html: &str, tag: &str) -> Vec<(String, String)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let gt = after.find('>').unwrap();
        let attrs = after[..gt].to_owned();
        let body_end = after.find(&close).unwrap();
        out.push((attrs, after[gt + 1..body_end].to_owned()));
        rest = &after[body_end..];
    }
    out
}

pub fn html_parts(html: &str) -> HtmlParts {
    let ld = elements(html, "script");
    assert_eq!(ld.len(), 1, "exactly one script, the JSON-LD");
    assert_eq!(ld[0].0, " type=\"application/ld+json\"");
    HtmlParts {
        title: unescape_html(&elements(html, "title")[0].1),
        h1: elements(html, "h1")
            .into_iter()
            .map(|(_, t)| unescape_html(&t))
            .collect(),
        paragraphs: elements(html, "p")
            .into_iter()
            .map(|(_, t)| unescape_html(&t))
            .collect(),
        figcaptions: elements(html, "figcaption")
            .into_iter()
            .map(|(attrs, t)| {
                let lang = attrs
                    .strip_prefix(" lang=\"")
                    .and_then(|a| a.strip_suffix('"'))
                    .map(unescape_html);
                (lang, unescape_html(&t))
            })
            .collect(),
        json_ld: serde_json::from_str(&ld[0].1).unwrap(),
    }
}

/// What a CommonMark reader sees in a Markdown export: the level-1 heading and each paragraph
/// as plain text (front matter skipped as a metadata block).
pub struct MarkdownParts {
    pub headings: Vec<String>,
    pub paragraphs: Vec<String>,
    pub other_markup: Vec<String>,
}

pub fn markdown_parts(md: &str) -> MarkdownParts {
    let mut parts = MarkdownParts {
        headings: Vec::new(),
        paragraphs: Vec::new(),
        other_markup: Vec::new(),
    };
    let mut text = String::new();
    let mut in_meta = false;
    for event in Parser::new_ext(md, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(_) if in_meta => {}
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) => text.clear(),
            Event::End(TagEnd::Paragraph) => parts.paragraphs.push(std::mem::take(&mut text)),
            Event::End(TagEnd::Heading(_)) => parts.headings.push(std::mem::take(&mut text)),
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            other => parts.other_markup.push(format!("{other:?}")),
        }
    }
    parts
}

/// A front matter value as a YAML reader gives it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meta {
    Text(String),
    List(Vec<String>),
}

/// The front matter of a Markdown export as a YAML reader sees it (saphyr, which implements the
/// whole of YAML 1.2): the block between the opening `---` line and the next `---` line, which
/// must be one mapping of keys to strings or lists of strings, in order.
pub fn front_matter(md: &str) -> Vec<(String, Meta)> {
    let rest = md.strip_prefix("---\n").expect("opens with ---");
    let block = &rest[..rest.find("\n---\n").expect("a closing --- line") + 1];
    let docs = saphyr::Yaml::load_from_str(block).unwrap_or_else(|e| panic!("{e}: {block}"));
    assert_eq!(docs.len(), 1, "one YAML document: {block}");
    let text = |v: &saphyr::Yaml| -> String {
        v.as_str()
            .unwrap_or_else(|| panic!("not a string: {v:?} in {block}"))
            .to_owned()
    };
    docs[0]
        .as_mapping()
        .unwrap_or_else(|| panic!("not a mapping: {block}"))
        .iter()
        .map(|(k, v)| {
            let value = match v.as_vec() {
                Some(items) => Meta::List(items.iter().map(text).collect()),
                None => Meta::Text(text(v)),
            };
            (text(k), value)
        })
        .collect()
}

/// What the front matter must hold for a release, in order.
pub fn expected_front_matter(r: &Composed) -> Vec<(String, Meta)> {
    let mut out = vec![
        ("title", Some(Meta::Text(r.headline.clone()))),
        ("lang", Some(Meta::Text(r.language.tag().to_owned()))),
        (
            "published",
            r.published.as_ref().map(|p| Meta::Text(p.iso.clone())),
        ),
        (
            "updated",
            r.updated.as_ref().map(|u| Meta::Text(u.iso.clone())),
        ),
        ("organisation", r.organisation.clone().map(Meta::Text)),
        ("meeting", Some(Meta::Text(r.meeting_title.clone()))),
        ("location", r.location.clone().map(Meta::Text)),
    ];
    let credits: Vec<String> = r.captions.iter().filter_map(|c| c.credit.clone()).collect();
    out.push((
        "photo_credits",
        (!credits.is_empty()).then_some(Meta::List(credits)),
    ));
    out.into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect()
}
