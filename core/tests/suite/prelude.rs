//! Readers that take an export apart again, to check what a reader of it would see.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

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
