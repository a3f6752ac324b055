//! The Markdown export (docs/meeting-file.md, "Markdown"): YAML front matter, then `# Headline`, the dateline, one
//! Markdown paragraph per release paragraph, and the captions.
//!
//! Front matter values are JSON strings (valid YAML double-quoted scalars) holding Markdown-escaped
//! text, because pandoc reads metadata values as Markdown: raw HTML in a title must not survive.

use super::escape::markdown_inline;
use super::Renderer;
use crate::compose::Composed;

pub struct Markdown;

impl Renderer for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, r: &Composed) -> String {
        let mut out = String::with_capacity(
            1024 + r.paragraphs.iter().map(String::len).sum::<usize>() * 11 / 10,
        );
        out.push_str("---\n");
        out.push_str(&format!("title: {}\n", yaml(&r.headline)));
        out.push_str(&format!("lang: {}\n", r.language.tag()));
        if let Some(p) = &r.published {
            out.push_str(&format!("published: {}\n", p.iso));
        }
        if let Some(u) = &r.updated {
            out.push_str(&format!("updated: {}\n", u.iso));
        }
        if let Some(org) = &r.organisation {
            out.push_str(&format!("organisation: {}\n", yaml(org)));
        }
        out.push_str(&format!("meeting: {}\n", yaml(&r.meeting_title)));
        if let Some(place) = &r.location {
            out.push_str(&format!("location: {}\n", yaml(place)));
        }
        let credits: Vec<String> = r
            .captions
            .iter()
            .filter_map(|c| c.credit.as_deref())
            .map(yaml)
            .collect();
        if !credits.is_empty() {
            out.push_str(&format!("photo_credits: [{}]\n", credits.join(", ")));
        }
        out.push_str("---\n\n");
        out.push_str(&format!("# {}\n\n", markdown_inline(&r.headline)));
        if let Some(dateline) = r.dateline() {
            out.push_str(&format!("{}\n\n", markdown_inline(&dateline)));
        }
        for p in &r.paragraphs {
            out.push_str(&markdown_inline(p));
            out.push_str("\n\n");
        }
        for c in &r.captions {
            out.push_str(&markdown_inline(&format!("{} {}", c.label, c.text)));
            out.push_str("\n\n");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}

fn yaml(text: &str) -> String {
    serde_json::Value::String(markdown_inline(text)).to_string()
}
